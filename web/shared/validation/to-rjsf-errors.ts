// Browser-safe and DOM-free.
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import type { FieldError } from '../../../forms/field-error';
import type { Lang } from '../i18n/lang';

/** A field error in one language, at a JSON pointer into the form data (`/household/citizenId`). */
export interface ShownFieldError {
  path: string;
  keyword: string;
  message: string;
}

/** Our field errors (both languages) in the chosen one. */
export function inLanguage(errors: readonly FieldError[], lang: Lang): ShownFieldError[] {
  return errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message[lang] }));
}

/**
 * The 422 answer's fields (`/data/household/citizenId`, message already in the requested language) as field errors
 * on the form data; fields outside `/data` (a header, the body itself) have no field to sit next to and are dropped
 * here (the caller shows the response's overall message).
 */
export function fromSubmissionErrors(
  fields: readonly { path: string; keyword: string; message: string }[],
): ShownFieldError[] {
  return fields
    .filter((f) => f.path === '/data' || f.path.startsWith('/data/'))
    .map((f) => ({ path: f.path.slice('/data'.length), keyword: f.keyword, message: f.message }));
}

function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * react-jsonschema-form's two shapes of the same errors: the nested `ErrorSchema` that puts each message next to its
 * field (`{ household: { citizenId: { __errors: [...] } } }`; array indexes are keys too) and the flat list
 * (`property` in its dotted notation).
 */
export function toRjsfErrors(errors: readonly ShownFieldError[]): {
  errorSchema: ErrorSchema;
  errors: RJSFValidationError[];
} {
  const errorSchema: Record<string, unknown> = {};
  const list: RJSFValidationError[] = [];
  for (const error of errors) {
    const segments = segmentsOf(error.path);
    let node = errorSchema;
    for (const segment of segments) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    ((node.__errors ??= []) as string[]).push(error.message);
    const property =
      segments
        .map((s) => (/^\d+$/.test(s) ? `.${s}` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
        .join('') || '.';
    list.push({ name: error.keyword, message: error.message, property, stack: error.message });
  }
  return { errorSchema: errorSchema as ErrorSchema, errors: list };
}
