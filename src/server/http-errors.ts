import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorBody } from '../contract/api';
import { AccessDeniedError, ConflictError, NotFoundError, RefusedError, StoreUnavailableError, ValidationError } from '../domain';
import { errorFields, type Logger } from '../logging/logger';
import { routeOf } from './request-log';

const INTERNAL: ErrorBody = {
  error: {
    code: 'internal',
    message:
      'Something went wrong on the server and the request did not finish. Please try again; if it keeps happening, tell your administrator.',
  },
};

/** Sends an error answer as JSON. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Omit<ErrorBody['error'], 'code' | 'message'> = {},
): void {
  res.status(status).json({ error: { code, message, ...extra } } satisfies ErrorBody);
}

/** Errors raised by the body parser and the router carry a 4xx `status` and a `type`; their own messages are not for people. */
function clientFault(error: unknown): { status: number; type: string | undefined } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return { status, type: typeof type === 'string' ? type : undefined };
}

function answerClientFault(res: Response, fault: { status: number; type: string | undefined }): void {
  switch (fault.type) {
    case 'entity.parse.failed':
      return sendError(res, 400, 'malformed-json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return sendError(res, 413, 'too-large', 'The request body is too large. Send less at once.');
    default:
      return sendError(res, fault.status, 'bad-request', 'The request could not be read.');
  }
}

/**
 * The server's last error handler, and the tab API's only catch-all. Domain
 * errors become 400 (with field messages), 403, 404, 409, 422 (with the rule's code)
 * or 503; malformed or oversized bodies 400 or 413. Anything else is a fault of
 * the server: logged with its stack, answered 500 with a generic sentence.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof ValidationError) return sendError(res, 400, error.code, error.message, { fields: error.fields });
    if (error instanceof NotFoundError) return sendError(res, 404, error.code, error.message);
    if (error instanceof AccessDeniedError) return sendError(res, 403, error.code, error.message);
    if (error instanceof ConflictError) return sendError(res, 409, error.code, error.message);
    if (error instanceof RefusedError) {
      const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
      return sendError(res, 422, error.code, error.message, details);
    }
    if (error instanceof StoreUnavailableError) {
      logger.warn('Store unavailable', { method: req.method, route: routeOf(res) });
      return sendError(res, 503, error.code, error.message);
    }
    const fault = clientFault(error);
    if (fault) return answerClientFault(res, fault);
    logger.error('Request failed', { method: req.method, route: routeOf(res), ...errorFields(error) });
    res.status(500).json(INTERNAL);
  };
}
