import { describeValues } from './describe-values';
import { fieldLabel } from './field-label';
import type { FormDefinition } from './form-definition';
import { FormFields } from './form-fields';
import { jsonPointer } from './json-pointer';
import type { LocalizedText } from './localized-text';

/** Keywords followed by a name or an index rather than a sub-schema keyword. */
const namedChildren = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const indexedChildren = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose sub-schema applies one level deeper in the data. */
const deeper = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
]);

/**
 * When a schema location lies inside a `then`, the condition of its `if` in words, e.g. `Hình thức hỗ trợ là
 * “Sửa chữa nhà ở”` / `Support type is "Repair"`, so a message can say when a rule applies. Only the simple
 * conditions forms use are described (`if` with `properties` of `const`/`enum` and `required`); anything else, or a
 * location outside a `then`, gives `undefined` and the message goes without.
 *
 * `schemaLocation` is a JSON pointer inside the form's schema and `dataPointer` the data that location validated.
 */
export function branchCondition(
  form: FormDefinition,
  schemaLocation: string,
  dataPointer: string,
): LocalizedText | undefined {
  let tokens: string[];
  let dataTokens: string[];
  try {
    tokens = jsonPointer.parse(schemaLocation);
    dataTokens = jsonPointer.parse(dataPointer);
  } catch {
    return undefined;
  }

  let thenAt = -1;
  const keywordAt: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    keywordAt.push(i);
    if (token === 'then') thenAt = i;
    if (namedChildren.has(token) || indexedChildren.has(token)) i++;
  }
  if (thenAt < 0) return undefined;
  const depth = keywordAt.filter((i) => i > thenAt && deeper.has(tokens[i]!)).length;
  if (depth > dataTokens.length) return undefined;

  const fields = FormFields.of(form.schema);
  const condition = fields.schemaAt(jsonPointer.format([...tokens.slice(0, thenAt), 'if']));
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  const { properties, required, ...rest } = condition as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (required !== undefined && !Array.isArray(required))) return undefined;
  if (typeof properties !== 'object' || properties === null || Object.keys(properties).length === 0) return undefined;

  const objectPointer = jsonPointer.format(dataTokens.slice(0, dataTokens.length - depth));
  const parts: LocalizedText[] = [];
  for (const [name, test] of Object.entries(properties as Record<string, unknown>)) {
    if (typeof test !== 'object' || test === null) return undefined;
    const { const: constant, enum: options, ...others } = test as Record<string, unknown>;
    if (Object.keys(others).length > 0) return undefined;
    const values = constant !== undefined ? [constant] : Array.isArray(options) ? options : undefined;
    if (!values) return undefined;
    const siblingPointer = jsonPointer.append(objectPointer, name);
    const sibling = fields.locate(siblingPointer).field;
    if (!sibling) return undefined;
    const label = fieldLabel(form, siblingPointer);
    const described = describeValues(form, sibling.pointer, values, { vi: 'hoặc', en: 'or' });
    parts.push({ vi: `${label.vi} là ${described.vi}`, en: `${label.en} is ${described.en}` });
  }
  return {
    vi: parts.map((p) => p.vi).join(' và '),
    en: parts.map((p) => p.en).join(' and '),
  };
}
