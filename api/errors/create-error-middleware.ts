import type { ErrorRequestHandler, Request } from 'express';
import { DomainError } from './domain-error';
import { BadRequestError, UnavailableError } from './errors';

export interface ErrorLogger {
  error(message: string, meta: Record<string, unknown>): void;
}

/** Prefers Vietnamese unless the request asks for English first. */
export function pickLanguage(acceptLanguage: string | undefined): 'vi' | 'en' {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'vi';
}

/**
 * The one place errors become HTTP responses, with one JSON shape:
 * `{ "error": { "code", "message", "fields": [{ "path", "keyword", "message" }] } }` in the caller's language.
 * Domain errors keep their status; a body that is not JSON is 400; an unreachable dependency 503; anything else
 * is 500 with a generic message, logged with the request id only (never the body: it may hold personal data).
 */
export function createErrorMiddleware(
  logger: ErrorLogger,
  options: {
    /**
     * Told of every refusal (401, 403, 429) before it is answered, to record it (see noteSecurityEvent); must not
     * throw or wait.
     */
    onRefused?: (req: Request, refusal: { status: number; code: string }) => void;
  } = {},
): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: DomainError;
    if (err instanceof DomainError) error = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed') {
      error = new BadRequestError({
        vi: 'Nội dung yêu cầu không phải JSON hợp lệ',
        en: 'Request body is not valid JSON',
      });
    } else if ((err as { type?: string }).type === 'entity.too.large') {
      error = new DomainError(413, 'payload_too_large', {
        vi: 'Nội dung yêu cầu quá lớn',
        en: 'Request body is too large',
      });
    } else if (isClientError(err)) {
      const status = (err as { status: number }).status;
      error = new DomainError(
        status,
        'bad_request',
        { vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
        { cause: err },
      );
    } else if (isUnavailable(err)) {
      error = new UnavailableError(
        {
          vi: 'Dịch vụ tạm thời không sẵn sàng, vui lòng thử lại',
          en: 'Service temporarily unavailable, please retry',
        },
        { cause: err },
      );
    } else if (grpcCode(err) === GRPC.INVALID_ARGUMENT) {
      error = new BadRequestError({ vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' }, { cause: err });
    } else {
      logger.error('unhandled error', {
        method: req.method,
        path: req.route?.path ?? req.path,
        error: String(err?.stack ?? err),
      });
      res.status(500).json({
        error: {
          code: 'internal',
          message: pickLanguage(req.get('accept-language')) === 'en' ? 'Internal error' : 'Lỗi hệ thống',
          fields: [],
        },
      });
      return;
    }
    const lang = pickLanguage(req.get('accept-language'));
    if (REFUSALS.has(error.status)) options.onRefused?.(req, { status: error.status, code: error.code });
    if (error.status === 503) res.set('Retry-After', '5');
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.localized[lang],
        fields: error.fields.map((f) => ({ path: f.path, keyword: f.keyword, message: f.message[lang] })),
        ...error.extra,
      },
    });
  };
}

/** The answers that are refusals of the caller, recorded as security events. */
const REFUSALS = new Set([401, 403, 429]);

const GRPC = { INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, RESOURCE_EXHAUSTED: 8, UNAVAILABLE: 14 } as const;

/**
 * A client error raised by Express, its router or body-parser (bad URL encoding — a URIError with status 400 —,
 * unsupported charset or content encoding).
 */
function isClientError(err: unknown): boolean {
  const e = err as { status?: unknown; expose?: unknown };
  return (
    typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && (e.expose === true || err instanceof URIError)
  );
}

/** The gRPC status code of a Temporal client error (ServiceError wraps it as `cause`), if any. */
function grpcCode(err: unknown): number | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'number' && (e as { details?: unknown }).details !== undefined) return e.code;
  }
  return undefined;
}

/**
 * A dependency that is down or overloaded, so a retry may succeed: Temporal answering UNAVAILABLE, DEADLINE_EXCEEDED
 * or RESOURCE_EXHAUSTED, or the MongoDB driver unable to reach or keep its server (including mongoose's buffering
 * time-out while disconnected).
 */
function isUnavailable(err: unknown): boolean {
  const code = grpcCode(err);
  if (code === GRPC.UNAVAILABLE || code === GRPC.DEADLINE_EXCEEDED || code === GRPC.RESOURCE_EXHAUSTED) return true;
  const name = (err as { name?: string })?.name ?? '';
  if (/^Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|PoolCleared|TopologyClosed)Error$/.test(name))
    return true;
  return name === 'MongooseError' && /buffering timed out/.test(String((err as Error).message));
}
