import { DomainError, type Bilingual, type FieldProblem } from './domain-error';
import { formatVnd } from '../../domain/funds/format-vnd';

const text = (m: Bilingual | string): Bilingual => (typeof m === 'string' ? { vi: m, en: m } : m);

/** 400: the request is malformed (not JSON, wrong header). */
export class BadRequestError extends DomainError {
  constructor(message: Bilingual | string, options: { cause?: unknown } = {}) {
    super(400, 'bad_request', text(message), options);
  }
}

/** 401: no valid session. */
export class UnauthorizedError extends DomainError {
  constructor(message: Bilingual = { vi: 'Cần đăng nhập', en: 'Authentication required' }) {
    super(401, 'unauthorized', message);
  }
}

/** 403: authenticated, but not allowed to do this. */
export class ForbiddenError extends DomainError {
  constructor(message: Bilingual | string, options: { cause?: unknown } = {}) {
    super(403, 'forbidden', text(message), options);
  }
}

/** What a 404 names in Vietnamese: the kind its English `what` starts with ("dossier HN-…" → "hồ sơ HN-…"). */
const KINDS_VI: [RegExp, string][] = [
  [/^dossier\b/, 'hồ sơ'],
  [/^unit\b/, 'đơn vị'],
  [/^user\b/, 'người dùng'],
  [/^submission\b/, 'dữ liệu biểu mẫu đã gửi'],
  [/^file\b/, 'tệp'],
  [/^notification\b/, 'thông báo'],
  [/^form\b/, 'biểu mẫu'],
  [/^process\b/, 'quy trình'],
  [/^fund\b/, 'nguồn kinh phí'],
  [/^bank statement import\b/, 'lần nhập sao kê ngân hàng'],
  [/^route\b/, 'đường dẫn'],
  [/^a version of (\S+) before (\S+)/, 'phiên bản của $1 trước $2'],
];

/**
 * 404: no such resource (or not visible to the caller). `what` names it in English ("dossier HN-HD-HC-2026-00001");
 * the Vietnamese message names its kind in Vietnamese, so no English word reaches an officer. A text already in both
 * languages ("kế hoạch / plan") stays as it is.
 */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    const kind = what.includes(' / ') ? undefined : KINDS_VI.find(([pattern]) => pattern.test(what));
    const vi = kind ? what.replace(kind[0], kind[1]) : what;
    super(404, 'not_found', { vi: `Không tìm thấy ${vi}`, en: `${what} not found` });
  }
}

/** 409: the request conflicts with the current state (an action not allowed now, a republish that differs). */
export class ConflictError extends DomainError {
  constructor(
    message: Bilingual | string,
    options: { cause?: unknown; code?: string; fields?: FieldProblem[]; extra?: Record<string, unknown> } = {},
  ) {
    super(409, options.code ?? 'conflict', text(message), options);
  }
}

/** 422: the body is well-formed but some fields are invalid; `fields` lists each one. */
export class ValidationError extends DomainError {
  constructor(fields: FieldProblem[], message: Bilingual = { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' }) {
    super(422, 'validation_failed', message, { fields });
  }
}

/** 503: a dependency (Temporal, the database) is unreachable; the request may be retried. */
export class UnavailableError extends DomainError {
  constructor(message: Bilingual | string, options: { cause?: unknown } = {}) {
    super(503, 'unavailable', text(message), options);
  }
}

/** 409 fund_insufficient: a commitment beyond the fund's available balance; names the fund and what it has left. */
export class FundInsufficientError extends ConflictError {
  readonly available: number;

  constructor(fundName: string, amount: number, available: number, options: { cause?: unknown } = {}) {
    super(
      {
        vi: `Nguồn kinh phí "${fundName}" chỉ còn ${formatVnd(available)}, không đủ để cam kết ${formatVnd(amount)}`,
        en: `The fund "${fundName}" has only ${formatVnd(available)} available, not enough to commit ${formatVnd(amount)}`,
      },
      { code: 'fund_insufficient', cause: options.cause },
    );
    this.available = available;
  }
}
