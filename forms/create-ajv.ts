import Ajv2020 from 'ajv/dist/2020';
import type { Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { boundedDateFormats } from './bounded-date-formats';
import { customFormats } from './custom-formats';
import { AUDIENCE_KEYWORD } from './field-audience';
import { CITIZEN_DESCRIPTION_KEYWORD } from './citizen-description';

/**
 * The standard formats a form schema may use from ajv-formats, besides {@link boundedDateFormats} (`date`,
 * `date-time`) and {@link customFormats}. Anything else fails to compile.
 */
const standardFormats = ['email', 'uri'] as const;

/**
 * Options a caller may add to the shared set-up. Only code generation is open (e.g. `{ code: { source: true,
 * esm: true } }` to precompile browser validators with `ajv/dist/standalone`); everything that changes what a
 * schema means or accepts is fixed here, so the API, the tests and the browser agree.
 */
export type CreateAjvOptions = Pick<Options, 'code'>;

/**
 * The one ajv configuration for form schemas (JSON Schema 2020-12), used by the API's submission validation, the
 * publish check and the browser's precompiled validators.
 *
 * - `allErrors`: a submission gets every field error at once, not the first one.
 * - `strict`: unknown keywords, unknown formats, ignored keywords, `required` naming an undeclared property and
 *   type-less applicators are compile errors. Form schemas are plain JSON Schema (react-jsonschema-form's
 *   presentation lives in the separate uiSchema), so nothing is allowed beyond the standard but the annotation
 *   `x-audience` (who fills a field, {@link AUDIENCE_KEYWORD}) and `x-citizen-description` (what a citizen reads above
 *   the form, {@link CITIZEN_DESCRIPTION_KEYWORD}).
 * - formats: `email`, `uri` (ajv-formats, full mode); `date` and `date-time` checked like ajv-formats (the calendar:
 *   2025-02-29 fails) and bounded to 1900-01-01..2100-12-31 ({@link boundedDateFormats}); and the project's
 *   {@link customFormats} (`cccd`, `vn-phone`, `unit-code`).
 *
 * Returns a new instance on each call: an instance caches compiled schemas by `$id`, so give each long-lived
 * consumer its own (see `createFormValidator`), and the publish check a throw-away one.
 */
export function createAjv(options: CreateAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...options, allErrors: true, strict: true });
  addFormats(ajv, [...standardFormats]);
  for (const [name, format] of Object.entries(boundedDateFormats)) ajv.addFormat(name, format);
  for (const [name, format] of Object.entries(customFormats)) ajv.addFormat(name, format);
  // Who fills a field: an annotation, no check on the data (see field-audience.ts; its values and places are
  // checked by checkFormDefinition).
  ajv.addKeyword({ keyword: AUDIENCE_KEYWORD, schemaType: 'string' });
  // What a citizen reads above the form (see citizen-description.ts; checked by checkFormDefinition).
  ajv.addKeyword({ keyword: CITIZEN_DESCRIPTION_KEYWORD, schemaType: 'object' });
  return ajv;
}
