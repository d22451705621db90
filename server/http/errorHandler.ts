import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/**
 * The one error handler: an AppError becomes its status with
 * `{ error: { id, message } }`; a malformed JSON body a 400; anything else
 * is a bug, logged with its stack, and the client gets a plain 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (error instanceof AppError) {
      response.status(error.status).json({ error: { ...error.details, id: error.id, message: error.message } });
      return;
    }
    const status = (error as { status?: unknown; type?: unknown }).status;
    if ((error as { type?: unknown }).type === 'entity.parse.failed') {
      response.status(400).json({ error: { id: 'bad-json', message: 'The request body is not valid JSON.' } });
      return;
    }
    if ((error as { type?: unknown }).type === 'entity.too.large') {
      response.status(413).json({ error: { id: 'too-large', message: 'The request is too large.' } });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      response.status(status).json({ error: { id: 'bad-request', message: 'The request could not be understood.' } });
      return;
    }
    logger.error('unhandled error', { method: request.method, url: request.path, error: error instanceof Error ? error.stack : String(error) });
    response.status(500).json({ error: { id: 'internal', message: 'Something went wrong on the server. Your text is safe; please try again.' } });
  };
}

export const notFoundHandler: RequestHandler = (request, response) => {
  response.status(404).json({ error: { id: 'not-found', message: `Nothing at ${request.method} ${request.path}.` } });
};
