/**
 * What the cache layer logs through: the subset of pino's API it uses, so tests can pass a recorder and the
 * server its pino logger.
 */
export interface CacheLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** Logs nothing (the default where no logger is given, such as unit tests). */
export const SILENT_LOG: CacheLog = { info: () => {}, warn: () => {} };
