/** A message in both UI languages; the error middleware picks one by the request's Accept-Language. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** One failing field of a request body or form submission. `path` is a JSON pointer into what was sent. */
export interface FieldProblem {
  path: string;
  keyword: string;
  message: Bilingual;
}

/**
 * The base of every error the system raises on purpose. `status` is the HTTP status the error middleware answers
 * with, `code` a stable machine-readable string, `message` English (logs, error chains) and `localized` what a
 * person reads. Messages never contain personal data: they name fields, steps, units and ids.
 */
export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly localized: Bilingual;
  readonly fields: FieldProblem[];
  /** Further members of the answer's `error` object, declared in the Error schema (`overlaps`); no personal data. */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    localized: Bilingual,
    options: { cause?: unknown; fields?: FieldProblem[]; extra?: Record<string, unknown> } = {},
  ) {
    super(localized.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.localized = localized;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }
}
