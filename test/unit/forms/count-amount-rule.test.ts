import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFormDefinition, createFormValidator, type FormDefinition } from '../../../forms';
import { amountRuleErrors } from '../../../forms/amount-rule-errors';
import { createPrecompiledValidator } from '../../../forms/standalone';
import { compileStandaloneValidator } from '../../../forms/standalone/node';
import { loadInStrictRealm } from './strict-realm-validator';

const root = join(__dirname, '../../..');
const readJson = (path: string): any => JSON.parse(readFileSync(join(root, path), 'utf8'));

/**
 * The shipped lists decided as one dossier: the number of people (households) stated equals the list's lines
 * (count-equals), and the total equals the sum of the lines' values (sum-equals).
 */
describe.each([
  ['health-insurance-list@1', '/people', 'cardValue', 'Số người trong danh sách', 'Number of people on the list'],
  ['tet-gift-list@1', '/households', 'value', 'Số hộ trong danh sách', 'Number of households on the list'],
])('the list form %s', (ref, listPath, valueField, countVi, countEn) => {
  const form = readJson(`forms/definitions/${ref}.json`) as FormDefinition;
  const example = () => readJson(`forms/examples/${ref}.json`);
  const list = (data: any): any[] => data[listPath.slice(1)];

  it('accepts its example, whose count and total agree with its lines', () => {
    expect(amountRuleErrors(form, example())).toEqual([]);
  });

  it('refuses a stated count that is not the number of lines, on the count, in each language', () => {
    const data = example();
    data.beneficiaries = list(data).length + 1;
    const [error, ...others] = amountRuleErrors(form, data);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ path: '/beneficiaries', keyword: 'amounts', params: { rule: 'count-equals' } });
    expect(error?.message.vi).toContain(countVi);
    expect(error?.message.vi).toContain(`(${list(data).length})`);
    expect(error?.message.en).toContain(countEn);
  });

  it('refuses a total that is not the sum of the lines, on the list', () => {
    const data = example();
    list(data)[0][valueField] -= 1;
    expect(amountRuleErrors(form, data)).toMatchObject([
      { path: listPath, keyword: 'amounts', params: { rule: 'sum-equals' } },
    ]);
  });

  it('leaves a count that is not an integer to the schema (no second error)', () => {
    const data = example();
    data.beneficiaries = '3';
    expect(amountRuleErrors(form, data)).toEqual([]);
  });

  it('gives the same errors on the server and in the browser (precompiled validator)', async () => {
    const realm = await loadInStrictRealm(compileStandaloneValidator(form).source);
    const browser = createPrecompiledValidator(realm.validate, form);
    const data = example();
    data.beneficiaries = 1;
    const server = createFormValidator().validate(form, data);
    expect(server).toMatchObject({ valid: false, errors: [{ path: '/beneficiaries', keyword: 'amounts' }] });
    expect(browser.validate(data)).toEqual(server);
    expect(browser.validate(example())).toEqual({ valid: true });
  });
});

describe('the publish check of a count-equals rule', () => {
  const form = readJson('forms/definitions/tet-gift-list@1.json') as FormDefinition;
  const withRule = (rule: unknown): FormDefinition => ({ ...form, amountRules: [rule as never] });

  it.each([
    ['items', { kind: 'count-equals', items: '/requestedAmount', total: '/beneficiaries' }],
    ['total', { kind: 'count-equals', items: '/households', total: '/giftDescription' }],
  ])('is refused when %s names the wrong kind of field', (key, rule) => {
    expect(checkFormDefinition(withRule(rule))).toMatchObject({
      ok: false,
      problems: [{ code: 'amount-rule', path: `/amountRules/0/${key}` }],
    });
  });

  it('is refused with a pointer into the list (the definition schema)', () => {
    const rule = { kind: 'count-equals', items: '/households/*/value', total: '/beneficiaries' };
    expect(checkFormDefinition(withRule(rule))).toMatchObject({ ok: false, problems: [{ code: 'shape' }] });
  });
});
