import type { ApiResult } from '../api/create-app-api-client';
import type { ApiFieldError } from '../../../api-contract';

export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>;

/** The server's messages for the field at `path` (a JSON pointer into the request body) or inside it, if any. */
export function fieldMessage(failure: ApiFailure | undefined, path: string): string | undefined {
  const messages =
    failure?.fields.filter((f) => f.path === path || f.path.startsWith(`${path}/`)).map((f) => f.message) ?? [];
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/**
 * An API failure shown where the action was: its message (already in the person's language, the API answers in
 * it) and, for a 422, every problem with where it is.
 */
export function ApiProblems({
  failure,
  heading,
  fields = failure?.fields,
}: {
  failure: ApiFailure | undefined;
  heading?: string;
  fields?: readonly ApiFieldError[];
}) {
  if (!failure) return null;
  return (
    <div className="app-error" role="alert">
      <p>{heading ?? failure.message}</p>
      {fields && fields.length > 0 ? (
        <ul className="app-problems">
          {fields.map((f, i) => (
            <li key={`${f.path}-${i}`}>
              {f.path ? <code>{f.path}</code> : null} {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The end of an admin form: what the API refused (see ApiProblems) above the submit button, disabled while busy. */
export function SubmitWithProblems({
  failure,
  fields,
  busy,
  label,
  heading,
}: {
  failure: ApiFailure | undefined;
  fields?: readonly ApiFieldError[];
  busy: boolean;
  label: string;
  /** What the problems are headed by instead of the server's message (see ApiProblems). */
  heading?: string;
}) {
  return (
    <>
      <ApiProblems failure={failure} fields={fields ?? failure?.fields} {...(heading ? { heading } : {})} />
      <div className="app-actions">
        <button type="submit" className="app-button" disabled={busy}>
          {label}
        </button>
      </div>
    </>
  );
}
