// The embed's DOM-free browser modules, checked in Node (no browser, no servers used): the condition evaluator that
// stands in for ajv in react-jsonschema-form's `isValid`, the validator wrapper, the English form, error shapes,
// dates, drafts.
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { createFormValidator, type FormDefinition } from '../../../forms';
import { loadFormDefinitions } from '../../../forms/node';
import { createDraftStore } from '../../../web/shared/draft/create-draft-store';
import { formatDate } from '../../../web/shared/format/format-date';
import { prefillUnitCode } from '../../../web/shared/format/prefill-unit-code';
import { parseLang } from '../../../web/shared/i18n/lang';
import { localizeForm } from '../../../web/shared/i18n/localize-form';
import { createRjsfValidator } from '../../../web/shared/validation/create-rjsf-validator';
import { matchesSchema, UnsupportedSchemaError } from '../../../web/shared/validation/matches-schema';
import { fromSubmissionErrors, toRjsfErrors } from '../../../web/shared/validation/to-rjsf-errors';
import { example } from '../../integration/support/form-examples';
import { memoryStorage, refusingStorage } from './support/test-storages';

let forms: FormDefinition[];
// Reading and checking every shipped form takes seconds on a loaded machine: more than jest's 5 s default.
beforeAll(async () => {
  forms = await loadFormDefinitions();
}, 30_000);
const proposal = () => forms.find((f) => f.key === 'housing-proposal' && f.version === 1)!;

/** Every `if` schema in a schema, with the JSON pointer of the object it applies to. */
function conditionsOf(schema: unknown, at = ''): { at: string; condition: Record<string, any> }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: { at: string; condition: Record<string, any> }[] = [];
  const node = schema as Record<string, any>;
  if (node.if) found.push({ at, condition: node.if });
  for (const [name, sub] of Object.entries(node.properties ?? {})) found.push(...conditionsOf(sub, `${at}/${name}`));
  if (node.items) found.push(...conditionsOf(node.items, `${at}/*`));
  for (const sub of [...(node.allOf ?? []), node.then, node.else]) found.push(...conditionsOf(sub, at));
  return found;
}

describe('matchesSchema', () => {
  it('agrees with ajv on every condition of every shipped form, for the values each condition tests and others', () => {
    const ajv = new Ajv2020({ strict: false });
    let checked = 0;
    for (const form of forms) {
      for (const { condition } of conditionsOf(form.schema)) {
        const check = ajv.compile(condition);
        const tested = Object.entries(condition.properties as Record<string, any>);
        const candidates = tested.flatMap(([, s]) => [...(s.enum ?? []), ...('const' in s ? [s.const] : [])]);
        const value = fc.oneof(fc.constantFrom(...candidates, 'other', 0, true, null, ''), fc.jsonValue());
        const data = fc.oneof(
          fc.record(Object.fromEntries(tested.map(([name]) => [name, value])), { requiredKeys: [] }),
          fc.jsonValue(),
        );
        fc.assert(
          fc.property(data, (d) => {
            checked++;
            return matchesSchema(condition, d) === check(d);
          }),
          { numRuns: 200 },
        );
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses keywords outside its subset rather than guessing', () => {
    expect(() => matchesSchema({ format: 'date' }, '2024-01-01')).toThrow(UnsupportedSchemaError);
    expect(() => matchesSchema({ $ref: '#/x' }, 1)).toThrow(/\$ref/);
    expect(matchesSchema(true, 1)).toBe(true);
    expect(matchesSchema({ not: { type: 'string' } }, 1)).toBe(true);
    expect(matchesSchema({ type: 'integer', minimum: 2 }, 2.5)).toBe(false);
  });
});

describe('the embed validator', () => {
  const server = createFormValidator();
  const wrap = (form: FormDefinition) => ({ form, validate: (data: unknown) => server.validate(form, data) });

  it("shows the server's field errors next to their fields in the chosen language", () => {
    const data = example('housing-proposal@1');
    delete data.household.headName;
    data.household.citizenId = '123';
    const vi = createRjsfValidator(wrap(proposal()), 'vi').validateFormData(data, proposal().schema as never);
    expect(Object.keys(vi.errorSchema.household ?? {}).sort()).toEqual(['citizenId', 'headName']);
    expect((vi.errorSchema as any).household.citizenId.__errors[0]).toMatch(/^Số CCCD/);
    expect(vi.errors.map((e) => e.property).sort()).toEqual(['.household.citizenId', '.household.headName']);
    const en = createRjsfValidator(wrap(proposal()), 'en');
    expect(
      (en.validateFormData(data, proposal().schema as never).errorSchema as any).household.citizenId.__errors[0],
    ).toMatch(/^Citizen ID/);
    expect(
      en
        .lastFieldErrors()
        .map((e) => e.path)
        .sort(),
    ).toEqual(['/household/citizenId', '/household/headName']);
    expect(
      createRjsfValidator(wrap(proposal()), 'vi').validateFormData(
        example('housing-proposal@1'),
        proposal().schema as never,
      ).errors,
    ).toEqual([]);
  });

  it("answers react-jsonschema-form's condition questions, the root schema by the form's own validator", () => {
    const validator = createRjsfValidator(wrap(proposal()), 'vi');
    const repair = { properties: { type: { const: 'repair' } }, required: ['type'] };
    expect(validator.isValid(repair as never, { type: 'repair' }, proposal().schema as never)).toBe(true);
    expect(validator.isValid(repair as never, { type: 'new_build' }, proposal().schema as never)).toBe(false);
    expect(
      validator.isValid(proposal().schema as never, example('housing-proposal@1'), proposal().schema as never),
    ).toBe(true);
    const warnings: string[] = [];
    const warned = createRjsfValidator(wrap(proposal()), 'vi', (m) => warnings.push(m));
    expect(warned.isValid({ format: 'date' } as never, 'x', proposal().schema as never)).toBe(false);
    expect(warned.isValid({ format: 'date' } as never, 'y', proposal().schema as never)).toBe(false);
    expect(warnings).toHaveLength(1);
  });
});

describe('the English form', () => {
  it('takes labels and option names from the definition and drops Vietnamese-only text, examples and autofocus', () => {
    const { schema, uiSchema } = localizeForm(proposal(), 'en');
    const s = schema as any;
    expect(s.title).toBeUndefined();
    expect(s.properties.household.properties.headName.title).toBe('Head of household');
    expect(s.properties.household.properties.citizenId).not.toHaveProperty('description');
    expect(s.properties.household.properties.citizenId).not.toHaveProperty('examples');
    expect(s.properties.support.properties.fundingSources.items.properties.amount.title).toBe('Amount');
    expect(s.properties.support.allOf[1].then.properties.repairItems.title).toBe('Repair items');
    const u = uiSchema as any;
    expect(u.household.povertyStatus['ui:enumNames']).toEqual([
      'Poor household',
      'Near-poor household',
      'Household in hardship',
    ]);
    expect(u.support.fundingSources.items.source['ui:enumNames'][0]).toBe('Fund for the Poor');
    expect(u.household.citizenId).not.toHaveProperty('ui:help');
    expect(u.household.headName).not.toHaveProperty('ui:autofocus');
    // The definition itself is untouched, and Vietnamese keeps its words.
    expect((proposal().schema as any).properties.household.properties.headName.title).toBe('Họ và tên chủ hộ');
    const vi = localizeForm(proposal(), 'vi');
    expect((vi.uiSchema as any).household.citizenId['ui:help']).toMatch(/12 chữ số/);
    expect((vi.schema as any).properties.household.properties.citizenId.examples).toBeUndefined();
  });

  it('has an English label for every field of every shipped form', () => {
    for (const form of forms) {
      const { schema } = localizeForm(form, 'en');
      const untitled: string[] = [];
      const walk = (node: any, at: string) => {
        if (!node || typeof node !== 'object') return;
        for (const [name, sub] of Object.entries<any>(node.properties ?? {})) {
          if (sub.title && /[^\p{ASCII}]/u.test(sub.title) && form.labels.en[`${at}/${name}`] === undefined)
            untitled.push(`${at}/${name}`);
          walk(sub, `${at}/${name}`);
        }
        if (node.items) walk(node.items, `${at}/*`);
        for (const sub of [...(node.allOf ?? []), node.then, node.else]) walk(sub, at);
      };
      walk(schema, '');
      expect({ form: form.key, untitled }).toEqual({ form: form.key, untitled: [] });
    }
  });
});

describe('error shapes, dates, drafts', () => {
  it('maps a 422 answer onto the fields of the data', () => {
    const fields = fromSubmissionErrors([
      { path: '/data/support/fundingSources/1/amount', keyword: 'maximum', message: 'Số tiền: ...' },
      { path: '/headers/idempotency-key', keyword: 'pattern', message: 'x' },
    ]);
    expect(fields).toEqual([{ path: '/support/fundingSources/1/amount', keyword: 'maximum', message: 'Số tiền: ...' }]);
    expect(toRjsfErrors(fields).errorSchema).toEqual({
      support: { fundingSources: { 1: { amount: { __errors: ['Số tiền: ...'] } } } },
    });
    expect(toRjsfErrors(fields).errors[0]!.property).toBe('.support.fundingSources.1.amount');
  });

  it('writes receipt dates as Vietnamese civil dates, dd/mm/yyyy', () => {
    expect(formatDate('2026-12-31T17:30:00.000Z')).toBe('01/01/2027');
    expect(formatDate('2027-01-05')).toBe('05/01/2027');
    expect(formatDate('soon')).toBe('soon');
  });

  it('prefills the receiving unit into empty unit-code fields only', () => {
    expect(prefillUnitCode(proposal().schema, undefined, 'HN-HD-HC')).toEqual({
      household: { address: { unitCode: 'HN-HD-HC' } },
    });
    const typed = { household: { address: { unitCode: 'HN-HD-YN', village: 'x' } } };
    expect(prefillUnitCode(proposal().schema, typed, 'HN-HD-HC')).toBe(typed);
  });

  it('keeps one draft per token and survives storage that refuses', () => {
    const storage = memoryStorage();
    const a = createDraftStore('tok-a', storage);
    a.save({ x: 1 });
    expect(createDraftStore('tok-a', storage).load()).toEqual({ x: 1 });
    expect(createDraftStore('tok-b', storage).load()).toBeUndefined();
    a.clear();
    expect(a.load()).toBeUndefined();
    const b = createDraftStore('tok', refusingStorage);
    expect(() => b.save({ x: 1 })).not.toThrow();
    expect(b.load()).toBeUndefined();
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang(null)).toBe('vi');
    expect(parseLang('fr')).toBe('vi');
  });
});
