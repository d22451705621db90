/**
 * Expected failures a person can act on: a status, a stable id (the client
 * translates by id, see shared/i18n) and an English message. Anything that is
 * not an AppError is a bug and becomes a generic 500 in http/errorHandler.ts.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** What the client needs to act on it, sent beside id and message (e.g. the current redline of `clause-changed`, PROP8). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

// `details` carry the values a translation of the message needs (shared/i18n/en.ts error.<id>, I18N6).
export const badRequest = (id: string, message: string, details?: Record<string, unknown>) => new AppError(400, id, message, details);
export const unauthorized = (message = 'This link is not valid or has been revoked. Ask the secretariat for a new link.') =>
  new AppError(401, 'invalid-token', message);
export const forbidden = (id: string, message: string, details?: Record<string, unknown>) => new AppError(403, id, message, details);
export const notFound = (id: string, message: string, details?: Record<string, unknown>) => new AppError(404, id, message, details);
export const conflict = (id: string, message: string, details?: Record<string, unknown>) => new AppError(409, id, message, details);
