/**
 * WordPress's `WP_Error` as the REST API serialises it: `{ code, message, data }`, where `data` carries
 * `status` and, for parameter errors, `params` and `details`. Codes and messages are WordPress 6.1's own
 * (`wp-includes/rest-api/…`), so a client written against the demo site reads real sites the same way.
 */
import type { Viewer } from './auth.ts';

/** A WordPress error: thrown or returned by handlers, answered as JSON with `data.status` as HTTP status. */
export class WpError extends Error {
  readonly code: string;
  /** `null` reproduces errors WordPress creates without data (`"data": null`). */
  readonly data: Record<string, unknown> | null;

  constructor(code: string, message: string, data: Record<string, unknown> | null) {
    super(message);
    this.code = code;
    this.data = data;
  }

  /** The HTTP status WordPress answers with (`data.status`, 500 when absent). */
  get status(): number {
    const s = this.data?.status;
    return typeof s === 'number' ? s : 500;
  }

  /** The response body: `{ code, message, data }`. */
  toJSON(): { code: string; message: string; data: Record<string, unknown> | null } {
    return { code: this.code, message: this.message, data: this.data };
  }
}

/** `rest_authorization_required_code()`: 401 for anonymous requests, 403 for signed-in ones. */
export function authCode(viewer: Viewer | null): number {
  return viewer ? 403 : 401;
}

/** The error a permission callback returning `false` becomes (`rest_forbidden`). */
export function forbidden(viewer: Viewer | null): WpError {
  return new WpError('rest_forbidden', 'Sorry, you are not allowed to do that.', { status: authCode(viewer) });
}

/** `rest_no_route`: no registered route matches the path and method. */
export function noRoute(): WpError {
  return new WpError('rest_no_route', 'No route was found matching the URL and request method.', { status: 404 });
}
