// Browser-safe and DOM-free.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormDefinition } from '../../../forms/form-definition';
import type { Lang } from './lang';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** uiSchema keys that hold Vietnamese text the definition has no English for. */
const vietnameseUiText = ['ui:help', 'ui:placeholder', 'ui:description', 'ui:title'];

/**
 * Sets each field's title to its English label (`labels.en`, by field pointer) and drops the Vietnamese
 * descriptions, walking `properties`, array `items` (`*` in the pointer) and the `then`/`else` of conditions, where
 * conditional sections declare their fields. `if` schemas are left alone: they only test values.
 */
function englishSchema(schema: unknown, pointer: string, labels: Record<string, string>): void {
  if (!isNode(schema)) return;
  const label = labels[pointer];
  if (label !== undefined) schema.title = label;
  delete schema.description;
  if (isNode(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties))
      englishSchema(sub, `${pointer}/${escape(name)}`, labels);
  }
  if (schema.items !== undefined) englishSchema(schema.items, `${pointer}/*`, labels);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const sub of list) englishSchema(sub, pointer, labels);
  }
  englishSchema(schema.then, pointer, labels);
  englishSchema(schema.else, pointer, labels);
}

function englishUiSchema(ui: unknown, pointer: string, enumNames: Record<string, string[]>): void {
  if (!isNode(ui)) return;
  for (const key of vietnameseUiText) delete ui[key];
  const names = enumNames[pointer];
  if (names) ui['ui:enumNames'] = names;
  for (const [key, sub] of Object.entries(ui)) {
    if (key.startsWith('ui:')) continue;
    englishUiSchema(sub, key === 'items' ? `${pointer}/*` : `${pointer}/${escape(key)}`, enumNames);
  }
}

/** Removes `examples` everywhere: react-jsonschema-form offers them as input suggestions, and a sample citizen ID
 * offered to a person filling in a real one invites mistakes (messages still quote them: they come from the
 * definition, not from this copy). */
function withoutExamples(schema: unknown): void {
  if (!isNode(schema)) return;
  delete schema.examples;
  if (isNode(schema.properties)) for (const sub of Object.values(schema.properties)) withoutExamples(sub);
  withoutExamples(schema.items);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const sub of list) withoutExamples(sub);
  }
  withoutExamples(schema.then);
  withoutExamples(schema.else);
}

function withoutAutofocus(ui: unknown): void {
  if (!isNode(ui)) return;
  delete ui['ui:autofocus'];
  for (const [key, sub] of Object.entries(ui)) if (!key.startsWith('ui:')) withoutAutofocus(sub);
}

/**
 * The schema and uiSchema react-jsonschema-form renders for `form` in `lang` (copies; the definition is untouched).
 * Vietnamese is the definition as published. English takes `labels.en` for titles and `enumNames.en` for option
 * names, and leaves out help texts and descriptions, which exist only in Vietnamese.
 *
 * In both, the root title and description are left to the page's own heading, `examples` are dropped (see
 * withoutExamples), and so is `ui:autofocus`: an embedded form must not take the focus (and scroll) away from the
 * page it sits in.
 */
export function localizeForm(form: FormDefinition, lang: Lang): { schema: RJSFSchema; uiSchema: UiSchema } {
  const schema = clone(form.schema) as Node;
  const uiSchema = clone(form.uiSchema) as Node;
  if (lang === 'en') {
    englishSchema(schema, '', form.labels.en);
    englishUiSchema(uiSchema, '', form.enumNames?.en ?? {});
  }
  delete schema.title;
  delete schema.description;
  withoutExamples(schema);
  withoutAutofocus(uiSchema);
  return { schema: schema as RJSFSchema, uiSchema: uiSchema as UiSchema };
}
