import type Ajv2020 from 'ajv/dist/2020';
import { createAjv } from './create-ajv';
import type { FormDefinition, FormSchema } from './form-definition';
import formDefinitionSchema from './form-definition.schema.json';
import type { FormDefinitionProblem } from './form-definition-problem';
import { FormFields, type FormField } from './form-fields';
import { AUDIENCE_KEYWORD, FIELD_AUDIENCES } from './field-audience';
import { CITIZEN_DESCRIPTION_KEYWORD } from './citizen-description';
import { formRef } from './form-ref';
import { quantityUnits } from './format-quantity';
import { jsonPointer } from './json-pointer';
import { localizeErrors } from './localize-errors';

/** The outcome of {@link checkFormDefinition}: the typed definition, or every problem found. */
export type FormDefinitionCheck =
  { ok: true; definition: FormDefinition } | { ok: false; problems: FormDefinitionProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The definition file format itself, described by form-definition.schema.json, as a form for localizeErrors. */
const definitionFormat: FormDefinition = {
  key: 'form-definition',
  version: 1,
  title: { vi: 'Định nghĩa biểu mẫu', en: 'Form definition' },
  schema: formDefinitionSchema as unknown as FormSchema,
  uiSchema: {},
  labels: { en: {} },
};

function shapeProblems(ajv: Ajv2020, candidate: unknown): FormDefinitionProblem[] {
  const validateShape = ajv.compile(formDefinitionSchema);
  if (validateShape(candidate)) return [];
  return localizeErrors(definitionFormat, validateShape.errors ?? []).map((error) => ({
    code: 'shape' as const,
    path: error.path,
    // The English message starts with the field's label, here its path, which `path` already says.
    message: error.message.en.slice(error.message.en.indexOf(': ') + 2),
  }));
}

function fieldProblems(definition: FormDefinition, fields: FormFields): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  for (const field of fields.all()) {
    if (field.pointer === '' || field.name === '*') continue;
    if (typeof FormFields.keyword(field, 'title') !== 'string') {
      problems.push({
        code: 'missing-title',
        path: `/schema${field.locations[0] ?? ''}`,
        message: `field "${field.pointer}" has no title (its Vietnamese label)`,
      });
    }
    if (typeof definition.labels.en[field.pointer] !== 'string') {
      problems.push({
        code: 'missing-label',
        path: '/labels/en',
        message: `field "${field.pointer}" has no English label`,
      });
    }
  }
  for (const pointer of Object.keys(definition.labels.en)) {
    if (!fields.get(pointer) || pointer === '') {
      problems.push({
        code: 'unknown-field',
        path: jsonPointer.append('/labels/en', pointer),
        message: `labels.en names "${pointer}", which is not a field of the form`,
      });
    }
  }
  return problems;
}

/**
 * Every number a form accepts is bounded where it is declared: an amount of đồng, a count or an area needs
 * `minimum` (or `exclusiveMinimum`) and `maximum` (or `exclusiveMaximum`), unless it is fixed by `const` or `enum`.
 * A conditional section may tighten a bound, not be the only one.
 */
function numberBoundProblems(fields: FormFields): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  for (const field of fields.all()) {
    const declared = field.schemas[0];
    const type = declared?.['type'];
    const types = Array.isArray(type) ? type : [type];
    if (!declared || !types.some((t) => t === 'integer' || t === 'number')) continue;
    if ('const' in declared || 'enum' in declared) continue;
    const lower = 'minimum' in declared || 'exclusiveMinimum' in declared;
    const upper = 'maximum' in declared || 'exclusiveMaximum' in declared;
    if (lower && upper) continue;
    problems.push({
      code: 'number-bounds',
      path: `/schema${field.locations[0] ?? ''}`,
      message: `number field "${field.pointer}" has no ${lower ? 'maximum' : upper ? 'minimum' : 'minimum and maximum'}`,
    });
  }
  return problems;
}

/**
 * Each amount rule reads integer fields: a sum's `items` one inside a list (`*`) and its `total` one outside any
 * list; a product's `factors` and `total` fields outside any list (the definition schema's patterns keep `*` out);
 * a count's `items` an array field and its `total` an integer one, and its `where` an enum field of the list's
 * members with that option.
 */
function amountRuleProblems(definition: FormDefinition, fields: FormFields): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  for (const [i, rule] of (definition.amountRules ?? []).entries()) {
    const pointers: [string, string][] =
      rule.kind === 'product-equals'
        ? [...rule.factors.map((p, k): [string, string] => [`factors/${k}`, p]), ['total', rule.total]]
        : [
            ['items', rule.items],
            ['total', rule.total],
          ];
    for (const [key, pointer] of pointers) {
      const type = rule.kind === 'count-equals' && key === 'items' ? 'array' : 'integer';
      if (FormFields.keyword(fields.get(pointer), 'type') === type) continue;
      problems.push({
        code: 'amount-rule',
        path: `/amountRules/${i}/${key}`,
        message: `amountRules ${key} "${pointer}" is not an ${type} field of the form`,
      });
    }
    // A counted member's field must be one of the list's enum fields, and the value one of its options.
    if (rule.kind === 'count-equals' && rule.where) {
      const options = FormFields.keyword(fields.get(`${rule.items}/*/${rule.where.field}`), 'enum');
      if (!Array.isArray(options) || !options.includes(rule.where.eq)) {
        problems.push({
          code: 'amount-rule',
          path: `/amountRules/${i}/where`,
          message: `amountRules where: "${rule.where.field}" is not an enum field of the list's members with the option "${rule.where.eq}"`,
        });
      }
    }
  }
  return problems;
}

function enumProblems(definition: FormDefinition, fields: FormFields): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const english = definition.enumNames?.en ?? {};
  for (const [pointer, names] of Object.entries(english)) {
    const path = jsonPointer.append('/enumNames/en', pointer);
    const options = FormFields.keyword(fields.get(pointer), 'enum');
    if (!fields.get(pointer)) {
      problems.push({
        code: 'unknown-field',
        path,
        message: `enumNames.en names "${pointer}", which is not a field of the form`,
      });
    } else if (!Array.isArray(options)) {
      problems.push({ code: 'enum-names', path, message: `field "${pointer}" has no enum to name` });
    } else if (options.length !== names.length) {
      problems.push({
        code: 'enum-names',
        path,
        message: `field "${pointer}" has ${options.length} enum values but ${names.length} English names`,
      });
    }
  }
  return problems;
}

function uiProblems(definition: FormDefinition, fields: FormFields): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const english = definition.enumNames?.en ?? {};

  const visit = (node: Record<string, unknown>, field: FormField, path: string): void => {
    const where = field.pointer === '' ? 'the form' : `"${field.pointer}"`;
    for (const [key, value] of Object.entries(node)) {
      const keyPath = jsonPointer.append(path, key);
      if (key.startsWith('ui:')) continue;
      const childName =
        key === 'items' && field.children.includes('*') && !field.children.includes('items') ? '*' : key;
      const child = fields.get(jsonPointer.append(field.pointer, childName));
      if (!child) {
        problems.push({
          code: 'unknown-field',
          path: keyPath,
          message: `uiSchema names "${key}", which is not a field of ${where}`,
        });
      } else if (isObject(value)) {
        visit(value, child, keyPath);
      }
    }

    const order = node['ui:order'];
    if (Array.isArray(order)) {
      const properties = field.children.filter((name) => name !== '*');
      order.forEach((name, i) => {
        if (name !== '*' && !properties.includes(String(name))) {
          problems.push({
            code: 'unknown-field',
            path: jsonPointer.append(jsonPointer.append(path, 'ui:order'), i),
            message: `ui:order names "${String(name)}", which is not a field of ${where}`,
          });
        }
      });
      const missing = properties.filter((name) => !order.includes(name));
      if (!order.includes('*') && missing.length > 0) {
        problems.push({
          code: 'ui-order',
          path: jsonPointer.append(path, 'ui:order'),
          message: `ui:order of ${where} leaves out ${missing.map((m) => `"${m}"`).join(', ')} and has no "*" to place them`,
        });
      }
    }

    const options = FormFields.keyword(field, 'enum');
    const names = node['ui:enumNames'];
    if (names !== undefined) {
      const namesPath = jsonPointer.append(path, 'ui:enumNames');
      if (!Array.isArray(options)) {
        problems.push({ code: 'enum-names', path: namesPath, message: `field ${where} has no enum to name` });
      } else if (Array.isArray(names) ? names.length !== options.length : !isObject(names)) {
        problems.push({
          code: 'enum-names',
          path: namesPath,
          message: `ui:enumNames of ${where} must name each of its ${options.length} enum values`,
        });
      } else if (english[field.pointer] === undefined) {
        problems.push({
          code: 'enum-names',
          path: jsonPointer.append('/enumNames/en', field.pointer),
          message: `field ${where} has Vietnamese option names (ui:enumNames) but no English ones`,
        });
      }
    }

    const unit = isObject(node['ui:options']) ? node['ui:options']['unit'] : undefined;
    if (unit !== undefined && !(quantityUnits as readonly unknown[]).includes(unit)) {
      problems.push({
        code: 'unit',
        path: `${jsonPointer.append(path, 'ui:options')}/unit`,
        message: `unknown unit ${JSON.stringify(unit)}; expected one of ${quantityUnits.join(', ')}`,
      });
    }
  };

  const root = fields.get('');
  if (root) visit(definition.uiSchema, root, '/uiSchema');
  return problems;
}

/**
 * Every `x-audience` marker has a known value and marks a property of an object reached from the root through
 * `properties` only: a marker inside a list, a condition or a definition would leave a field half shown to a citizen.
 */
function audienceProblems(schema: FormSchema): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const visit = (node: unknown, location: string, allowed: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${location}/${i}`, false));
      return;
    }
    if (!isObject(node)) return;
    if (AUDIENCE_KEYWORD in node) {
      const value = node[AUDIENCE_KEYWORD];
      const path = jsonPointer.append(`/schema${location}`, AUDIENCE_KEYWORD);
      if (!(FIELD_AUDIENCES as readonly unknown[]).includes(value)) {
        problems.push({
          code: 'audience',
          path,
          message: `unknown ${AUDIENCE_KEYWORD} ${JSON.stringify(value)}; expected one of ${FIELD_AUDIENCES.join(', ')}`,
        });
      } else if (!allowed) {
        problems.push({
          code: 'audience',
          path,
          message: `${AUDIENCE_KEYWORD} may mark only a property of an object, outside lists and conditions`,
        });
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && isObject(value) && (allowed || location === '')) {
        for (const [name, child] of Object.entries(value)) {
          visit(child, jsonPointer.append(`${location}/properties`, name), true);
        }
      } else if (typeof value === 'object' && value !== null) {
        visit(value, jsonPointer.append(location, key), false);
      }
    }
  };
  visit(schema, '', false);
  return problems;
}

/**
 * The `x-citizen-description` (what a citizen reads above the form) stands at the schema's root only, and is an
 * object of exactly a non-empty Vietnamese and English text.
 */
function citizenDescriptionProblems(schema: FormSchema): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const visit = (node: unknown, location: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${location}/${i}`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === CITIZEN_DESCRIPTION_KEYWORD && location !== '') {
        problems.push({
          code: 'citizen-description',
          path: jsonPointer.append(`/schema${location}`, key),
          message: `${CITIZEN_DESCRIPTION_KEYWORD} may stand only at the schema's root`,
        });
      } else if (typeof value === 'object' && value !== null && key !== CITIZEN_DESCRIPTION_KEYWORD) {
        visit(value, jsonPointer.append(location, key));
      }
    }
  };
  visit(schema, '');
  if (CITIZEN_DESCRIPTION_KEYWORD in schema) {
    const value = schema[CITIZEN_DESCRIPTION_KEYWORD];
    const texts = isObject(value) ? Object.entries(value) : [];
    const wellFormed =
      texts.length === 2 &&
      texts.every(([lang, text]) => (lang === 'vi' || lang === 'en') && typeof text === 'string' && text.trim() !== '');
    if (!wellFormed) {
      problems.push({
        code: 'citizen-description',
        path: `/schema/${CITIZEN_DESCRIPTION_KEYWORD}`,
        message: `${CITIZEN_DESCRIPTION_KEYWORD} must be { "vi": …, "en": … } with two non-empty texts`,
      });
    }
  }
  return problems;
}

/**
 * The check a form definition must pass before it is published (and that every shipped file passes, see the
 * tests). Returns every problem found as data, never throws for a bad candidate:
 * 1. the document matches `form-definition.schema.json` (if not, the other checks are skipped);
 * 2. the schema's `$id` is `urn:hoso:form:<key>@<version>`;
 * 3. the schema compiles with the shared ajv set-up (a fresh instance from `createAjv`, so nothing is registered
 *    anywhere else): an invalid schema, an unknown keyword or format is refused with ajv's explanation;
 * 4. every field has a Vietnamese title and an English label; every `labels.en` and `enumNames.en` pointer, uiSchema
 *    key and `ui:order` entry names an existing field; `ui:order` places every field; option names match the enum;
 *    `ui:options.unit` is a known unit;
 * 5. every number field (amounts in đồng, counts, areas) has a lower and an upper bound where it is declared, or a
 *    fixed value (`const`, `enum`), so no submission carries an unbounded number;
 * 6. every `x-audience` marker (who fills a field) is `everyone` or `officer` and marks an object's property outside
 *    lists and conditions;
 * 7. an `x-citizen-description` stands at the schema's root and has a non-empty Vietnamese and English text.
 */
export function checkFormDefinition(
  candidate: unknown,
  options: { createAjv?: () => Ajv2020 } = {},
): FormDefinitionCheck {
  const ajv = (options.createAjv ?? createAjv)();
  const shape = shapeProblems(ajv, candidate);
  if (shape.length > 0) return { ok: false, problems: shape };

  const definition = candidate as FormDefinition;
  const problems: FormDefinitionProblem[] = [];
  const expectedId = `urn:hoso:form:${formRef(definition.key, definition.version)}`;
  if (definition.schema.$id !== expectedId) {
    problems.push({
      code: 'schema-id',
      path: '/schema/$id',
      message: `expected "${expectedId}" (the form's key and version), found "${definition.schema.$id}"`,
    });
  }
  try {
    ajv.compile(definition.schema);
  } catch (error) {
    problems.push({
      code: 'schema-compile',
      path: '/schema',
      message: `the schema does not compile: ${(error as Error).message}`,
    });
  }

  const fields = FormFields.of(definition.schema);
  problems.push(
    ...fieldProblems(definition, fields),
    ...enumProblems(definition, fields),
    ...uiProblems(definition, fields),
    ...numberBoundProblems(fields),
    ...amountRuleProblems(definition, fields),
    ...audienceProblems(definition.schema),
    ...citizenDescriptionProblems(definition.schema),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
}
