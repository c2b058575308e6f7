import type { ErrorObject } from 'ajv/dist/2020';
import { branchCondition } from './branch-condition';
import { describeValues } from './describe-values';
import { errorMessage } from './error-message';
import type { FieldError } from './field-error';
import { fieldLabel } from './field-label';
import type { FormDefinition } from './form-definition';
import { FormFields, type FormField } from './form-fields';
import { formatQuantity, quantityUnits, type QuantityUnit } from './format-quantity';
import { jsonPointer } from './json-pointer';
import type { LocalizedText } from './localized-text';
import { uiSchemaAt } from './ui-schema-at';

/** Keywords whose error is about a child property named in params; the field error points at the child. */
const childParam: Record<string, string> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
};
const notAllowed = new Set(['additionalProperties', 'unevaluatedProperties']);
/** Limit keywords: of two errors of the same keyword on the same field, the stricter limit is the one to show. */
const upperLimits = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);
const lowerLimits = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);

interface Candidate extends FieldError {
  order: number;
}

function schemaLocationOf(error: ErrorObject): string | undefined {
  try {
    return decodeURIComponent(error.schemaPath.replace(/^#/, ''));
  } catch {
    return undefined;
  }
}

/** Whether the field's first declaration sits inside a `then` (a conditional section). */
function declaredConditionally(field: FormField | undefined): boolean {
  const location = field?.locations[0];
  return location !== undefined && jsonPointer.parse(location).includes('then');
}

function toFieldError(form: FormDefinition, error: ErrorObject): Candidate {
  const fields = FormFields.of(form.schema);
  const params: Record<string, unknown> = { ...error.params };
  const childKey = childParam[error.keyword];
  const child = childKey ? params[childKey] : undefined;
  const path = typeof child === 'string' ? jsonPointer.append(error.instancePath, child) : error.instancePath;

  const located = fields.locate(path);
  const field = located.field;
  const unitOption = field ? uiSchemaAt(form.uiSchema, field.pointer)?.['ui:options'] : undefined;
  const unitValue = (unitOption as Record<string, unknown> | undefined)?.['unit'];
  const unit = (quantityUnits as readonly unknown[]).includes(unitValue) ? (unitValue as QuantityUnit) : undefined;
  const examples = FormFields.keyword(field, 'examples');

  let condition: LocalizedText | undefined;
  if (notAllowed.has(error.keyword) || error.keyword === 'false schema') {
    const declaredIn = field?.locations.find((location) => location.includes('/then/'));
    condition = declaredIn ? branchCondition(form, declaredIn, path) : undefined;
  } else if (error.keyword === 'required' || !declaredConditionally(field)) {
    // A rule on a field that only exists under a condition (a conditional section) needs no "when ...": the field's
    // own presence says it. A conditional `required`, or a conditional rule on an ordinary field, does.
    const location = schemaLocationOf(error);
    condition = location === undefined ? undefined : branchCondition(form, location, error.instancePath);
  }

  const text = errorMessage({
    keyword: error.keyword,
    params,
    ajvMessage: error.message,
    quantity: (value) => formatQuantity(value, unit),
    values: (values, conjunction) => describeValues(form, field?.pointer ?? path, values, conjunction),
    sibling: (name) => fieldLabel(form, jsonPointer.append(error.instancePath, name)),
    example: Array.isArray(examples) && typeof examples[0] === 'string' ? examples[0] : undefined,
    declared: field !== undefined,
    condition,
  });
  const label = fieldLabel(form, path);
  const lastKnown = located.steps[located.steps.length - 1]?.field.order ?? 0;
  return {
    path,
    keyword: error.keyword,
    message: { vi: `${label.vi}: ${text.vi}`, en: `${label.en}: ${text.en}` },
    ...(Object.keys(params).length > 0 ? { params } : {}),
    order: field ? field.order : lastKnown + 0.5,
  };
}

/** Keywords whose params come from the schema alone (or name a child, which the memo key adds). */
const PARAMS_FROM_SCHEMA = new Set([
  'type',
  'format',
  'pattern',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'if',
  'anyOf',
  'not',
  'false schema',
  // Not dependentRequired: which property made the missing one required is data too.
  ...Object.keys(childParam).filter((keyword) => keyword !== 'dependentRequired'),
]);

/** Field errors already worked out, per form object: labels, conditions and messages depend only on the error. */
const memo = new WeakMap<FormDefinition, Map<string, Candidate>>();
/** Bounded so a stream of distinct array indexes cannot grow a form's memo without end. */
const MEMO_LIMIT = 2000;

/**
 * `toFieldError`, remembered per form: the same rule failing on the same field gives the same message, so the
 * schema walks behind labels and "when …" conditions run once, not on every submission.
 */
function toFieldErrorMemo(form: FormDefinition, error: ErrorObject): Candidate {
  let byKey = memo.get(form);
  if (!byKey) memo.set(form, (byKey = new Map()));
  // For most keywords the schema location and the instance path fix the rule, its limits and allowed values (our
  // ajv set-up uses no `$data`), so the params need not be serialised; `required` and the like add the child they
  // name. Keywords whose params depend on the data itself (the duplicate rows of `uniqueItems`, the property of
  // `propertyNames`, ...) keep their params in the key.
  const childKey = childParam[error.keyword];
  const child = childKey === undefined ? '' : String(error.params[childKey as keyof typeof error.params] ?? '');
  const dataParams = PARAMS_FROM_SCHEMA.has(error.keyword) ? '' : JSON.stringify(error.params);
  const key = `${error.schemaPath}\u0000${error.instancePath}\u0000${child}\u0000${dataParams}`;
  let candidate = byKey.get(key);
  if (!candidate) {
    candidate = toFieldError(form, error);
    if (byKey.size >= MEMO_LIMIT) byKey.clear();
    byKey.set(key, candidate);
  }
  return { ...candidate, ...(candidate.params ? { params: { ...candidate.params } } : {}) };
}

function stricter(a: Candidate, b: Candidate): boolean {
  const limitA = Number(a.params?.['limit']);
  const limitB = Number(b.params?.['limit']);
  return upperLimits.has(a.keyword) ? limitA < limitB : limitA > limitB;
}

/**
 * Turns ajv's errors for a submission of `form` into field errors with Vietnamese and English messages.
 * Browser-safe: the API calls it after server validation, the web app after a precompiled validator.
 *
 * Beyond translating, it removes what would confuse a person:
 * - the `if` wrapper errors (`must match "then" schema`); the errors inside the `then` stay, and say when they apply;
 * - the per-branch errors under a failing `anyOf`/`oneOf`, which contradict each other; the one wrapper error stays;
 * - a property reported as not allowed (`unevaluatedProperties`) when it has errors of its own: a conditional
 *   section whose branch failed because of those errors, not because the property does not belong;
 * - duplicates: the same rule on the same field from two places keeps one error, the stricter limit for bounds
 *   (a repair amount over the programme's 100,000,000 cap reports the repair limit of 60,000,000 only).
 * Errors come back in the order the fields are declared, so they read top to bottom like the form.
 */
export function localizeErrors(form: FormDefinition, errors: readonly ErrorObject[]): FieldError[] {
  const wrappers = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const relevant = errors.filter((e) => e.keyword !== 'if' && !wrappers.some((w) => e.schemaPath.startsWith(w)));

  const kept: Candidate[] = [];
  const indexByRule = new Map<string, number>();
  for (const candidate of relevant.map((e) => toFieldErrorMemo(form, e))) {
    const isLimit = upperLimits.has(candidate.keyword) || lowerLimits.has(candidate.keyword);
    const rule = `${candidate.path}\u0000${candidate.keyword}${isLimit ? '' : `\u0000${candidate.message.en}`}`;
    const existing = indexByRule.get(rule);
    if (existing === undefined) {
      indexByRule.set(rule, kept.length);
      kept.push(candidate);
    } else if (isLimit && stricter(candidate, kept[existing]!)) {
      kept[existing] = candidate;
    }
  }

  const result = kept.filter(
    (candidate) =>
      !notAllowed.has(candidate.keyword) ||
      !kept.some(
        (other) =>
          !notAllowed.has(other.keyword) &&
          (other.path === candidate.path || other.path.startsWith(`${candidate.path}/`)),
      ),
  );
  // Never report "invalid" without a reason: should every error have been filtered, keep the first one as it is.
  const reported = result.length > 0 || errors.length === 0 ? result : [toFieldError(form, errors[0]!)];
  return reported.sort((a, b) => a.order - b.order).map(({ order: _order, ...fieldError }) => fieldError);
}
