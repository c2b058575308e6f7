import { customFormats } from '../../forms/custom-formats';
import { OPEN_TIMELINESS } from '../../domain/sla/timeliness';

/**
 * One query or path parameter as the route table declares it: a JSON Schema of a single value (the range the API
 * checks before any work; see createParameterValidator) and what it means. The OpenAPI document publishes exactly
 * this, so the document and the check cannot disagree. Only keywords a fuzzer understands are used: a date range is
 * a `pattern`, not a `format` with bounds, so that every value the schema allows is one the API accepts.
 */
export interface ApiParameter {
  type: 'string' | 'integer' | 'boolean';
  description: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  default?: string | number | boolean;
  /** Query parameters only: must be present. Path parameters always are. */
  required?: boolean;
}

/** Parameters by name. */
export type ApiParameters = Record<string, ApiParameter>;

/** The dates the API accepts in a query or path: 2000-01-01 to 2099-12-31 (no data is older; see docs/api.md). */
export const DATE_RANGE = { from: '2000-01-01', to: '2099-12-31' } as const;

/**
 * A real calendar date from 2000-01-01 to 2099-12-31 as `YYYY-MM-DD`, month lengths and leap years included (every
 * year divisible by 4 is a leap year in that range), so that the pattern alone decides.
 */
const DATE = String.raw`(?:20[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|20(?:[02468][048]|[13579][26])-02-29)`;
/** A time of day with an optional fraction, and a zone (`Z` or ±hh:mm). */
const TIME = String.raw`T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,3})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])`;

/** A date in {@link DATE_RANGE}. */
export const dateParameter = (description: string): ApiParameter => ({
  type: 'string',
  pattern: `^${DATE}$`,
  description: `${description} (YYYY-MM-DD, ${DATE_RANGE.from} to ${DATE_RANGE.to})`,
});

/** A date in {@link DATE_RANGE} (the start of that day in Việt Nam), or an ISO 8601 instant on such a date. */
export const instantParameter = (description: string): ApiParameter => ({
  type: 'string',
  pattern: `^${DATE}(?:${TIME})?$`,
  description: `${description}: a date (YYYY-MM-DD, from 00:00 in Việt Nam) or an ISO 8601 instant with its zone, ${DATE_RANGE.from} to ${DATE_RANGE.to}`,
});

/** An administrative-unit code (the `unit-code` format of forms/custom-formats, as a pattern). */
export const unitCodeParameter = (description: string): ApiParameter => ({
  type: 'string',
  pattern: customFormats['unit-code'].source,
  maxLength: 40,
  description: `${description} (a unit code such as HN-HD-HC)`,
});

/** `limit`: a page size from 1 to `max`. */
export const limitParameter = (max: number, fallback: number): ApiParameter => ({
  type: 'integer',
  minimum: 1,
  maximum: max,
  default: fallback,
  description: `page size, 1 to ${max} (default ${fallback})`,
});

/** The longest page cursor the API hands out is far below this; anything longer is refused before decoding. */
export const cursorParameter: ApiParameter = {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]+$',
  maxLength: 400,
  description: 'the nextCursor of the previous page, as given (422 when it does not decode)',
};

/** A definition version: 1 to 999999. */
export const versionParameter = (description: string): ApiParameter => ({
  type: 'integer',
  minimum: 1,
  maximum: 999_999,
  description,
});

/** A process or form key: lower-case words joined by hyphens (see forms/form-ref.ts). */
export const definitionKeyParameter: ApiParameter = {
  type: 'string',
  pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
  maxLength: 100,
  description: 'the definition key, e.g. housing-support-2024',
};

/**
 * No C0 control character and no DEL: a NUL in a text search once reached the database's regular expression and
 * came back as a 500. Written with `\\u` escapes, which JSON Schema, ajv and Python's `re` all read.
 */
const PRINTABLE = String.raw`^[^\u0000-\u001f\u007f]*$`;

/** An opaque identifier: 1 to `maxLength` characters, no control characters. */
export const idParameter = (description: string, maxLength = 100): ApiParameter => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: PRINTABLE,
  description,
});

/** Free text (a search): at most `maxLength` characters, no control characters. */
export const textParameter = (description: string, maxLength: number): ApiParameter => ({
  type: 'string',
  maxLength,
  pattern: PRINTABLE,
  description,
});

/** The published version of a definition, by key and version (process and form reads, diffs). */
export const definitionVersionParameters: ApiParameters = {
  key: definitionKeyParameter,
  version: versionParameter('the published version'),
};

/** Which units a unit list holds (the officer's list and an embedded form's picker). */
export const unitQueryParameters: ApiParameters = {
  at: dateParameter('units in force on this date (default: today in Việt Nam)'),
  all: { type: 'boolean', description: 'true: every unit, whatever its dates (not with at)' },
  under: unitCodeParameter('only this unit and the units below it'),
};

/** A programme filter (inbox, pending dossiers). */
export const programmeParameter: ApiParameter = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_-]{0,59}$',
  description: 'only this programme',
};

/** An open dossier's timeliness filter (inbox, pending dossiers). */
export const openTimelinessParameter: ApiParameter = {
  type: 'string',
  enum: OPEN_TIMELINESS,
  description: 'not_due, near_due, overdue or stopped (returned for supplement, the clock stopped)',
};
