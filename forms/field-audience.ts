// Browser-safe: used by the API (embed submissions), the publish check and the embed bundle.
import type { FieldError } from './field-error';
import type { FormDefinition } from './form-definition';
import type { FormValidationResult } from './form-validation-result';
import { jsonPointer } from './json-pointer';

/**
 * The schema keyword that says who fills a field: `"officer"` for a field only the unit's officer fills (the commune's
 * meeting results, its assessment), `"everyone"` (the default when absent) for a field a citizen may fill too. It is
 * allowed on a property of an object outside lists and conditions (`checkFormDefinition` refuses it elsewhere and
 * refuses other values).
 */
export const AUDIENCE_KEYWORD = 'x-audience';

/** The values {@link AUDIENCE_KEYWORD} may take. */
export const FIELD_AUDIENCES = ['everyone', 'officer'] as const;
export type FieldAudience = (typeof FIELD_AUDIENCES)[number];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The field pointers (`/commune`, `/household/note`) of the fields only an officer fills, outermost first: a field
 * inside an officer field is not listed again. Reads the properties of objects only (the keyword's only allowed
 * place); empty for a form without markers, which a citizen may fill in full.
 */
export function officerFields(form: FormDefinition): string[] {
  const found: string[] = [];
  const visit = (node: Node, pointer: string): void => {
    const properties = node['properties'];
    if (!isNode(properties)) return;
    for (const [name, child] of Object.entries(properties)) {
      if (!isNode(child)) continue;
      const at = jsonPointer.append(pointer, name);
      if (child[AUDIENCE_KEYWORD] === 'officer') found.push(at);
      else visit(child, at);
    }
  };
  visit(form.schema, '');
  return found;
}

/** Whether the data path `path` is one of `fields` (pointers from {@link officerFields}) or inside one. */
export function isWithinFields(fields: readonly string[], path: string): boolean {
  return fields.some((field) => path === field || path.startsWith(`${field}/`));
}

/**
 * The form as a citizen sees it: the officer fields removed from the schema (and from their parent's `required`), the
 * uiSchema, the English labels and option names, and the amount rules that read them. The same form (key, version)
 * otherwise: a citizen's data is checked with {@link citizenErrors} against the full form. A form without officer
 * fields is returned as it is.
 */
export function citizenFormOf(form: FormDefinition): FormDefinition {
  const omitted = officerFields(form);
  if (omitted.length === 0) return form;
  const copy = JSON.parse(JSON.stringify(form)) as FormDefinition;
  for (const pointer of omitted) {
    const names = jsonPointer.parse(pointer);
    const name = names.pop()!;
    let schema: Node = copy.schema;
    let ui: Node | undefined = copy.uiSchema;
    for (const key of names) {
      schema = (schema['properties'] as Node)[key] as Node;
      ui = ui && isNode(ui[key]) ? (ui[key] as Node) : undefined;
    }
    delete (schema['properties'] as Node)[name];
    if (Array.isArray(schema['required'])) schema['required'] = schema['required'].filter((r) => r !== name);
    if (ui) {
      delete ui[name];
      if (Array.isArray(ui['ui:order'])) ui['ui:order'] = ui['ui:order'].filter((o) => o !== name);
    }
  }
  const keep = (pointer: string): boolean => !isWithinFields(omitted, pointer);
  copy.labels = { en: Object.fromEntries(Object.entries(copy.labels.en).filter(([p]) => keep(p))) };
  if (copy.enumNames) {
    copy.enumNames = { en: Object.fromEntries(Object.entries(copy.enumNames.en).filter(([p]) => keep(p))) };
  }
  if (copy.amountRules) {
    copy.amountRules = copy.amountRules.filter((rule) =>
      (rule.kind === 'product-equals' ? [...rule.factors, rule.total] : [rule.items, rule.total]).every(keep),
    );
  }
  return copy;
}

/**
 * A citizen's submission checked for who fills what: one error per officer field the data carries ("Trường này do
 * UBND xã nhập"), at that field's path. The caller also validates the data against the full form and drops the
 * errors {@link isWithinFields} places in an officer field (a missing officer field is the officer's to add later).
 */
export function citizenErrors(form: FormDefinition, data: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const pointer of officerFields(form)) {
    if (valueAt(data, pointer) === undefined) continue;
    errors.push({
      path: pointer,
      keyword: 'audience',
      message: {
        vi: 'Trường này do UBND xã nhập',
        en: "This field is filled in by the commune People's Committee",
      },
    });
  }
  return errors;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of jsonPointer.parse(pointer)) {
    if (!isNode(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * A validation result of the full form without the errors in `fields` (officer fields a citizen leaves out): how the
 * embed reads its precompiled validator, like the server reads its own (see {@link citizenErrors}).
 */
export function withoutErrorsIn(result: FormValidationResult, fields: readonly string[]): FormValidationResult {
  if (result.valid || fields.length === 0) return result;
  const errors = result.errors.filter((e) => !isWithinFields(fields, e.path));
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}
