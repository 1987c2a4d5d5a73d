import type { RestQuery } from '../wordpress/client.ts';

/**
 * The arguments of a list read (`per_page`, `slug`, `status`, `author`, …, by their REST names), as the schema
 * builds them from where-args and hands them to the loaders. Named here so the schema depends on the loaders'
 * API, not on the client that sends it.
 */
export type ListQuery = RestQuery;
