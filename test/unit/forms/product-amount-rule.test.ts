import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFormDefinition, createFormValidator, type FormDefinition } from '../../../forms';
import { amountRuleErrors } from '../../../forms/amount-rule-errors';
import { createPrecompiledValidator } from '../../../forms/standalone';
import { compileStandaloneValidator } from '../../../forms/standalone/node';
import { loadInStrictRealm } from './strict-realm-validator';

const root = join(__dirname, '../../..');
const readJson = (path: string): any => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** The shipped education decision: approvedAmount = yearlyAmount × schoolYears (product-equals). */
const form = readJson('forms/definitions/education-decision@1.json') as FormDefinition;
/** Its example (2,700,000 đ a year for 3 years, 8,100,000 đ) with other amounts; the split follows the total. */
function decision(yearlyAmount: unknown, schoolYears: unknown, approvedAmount: unknown): any {
  const data = readJson('forms/examples/education-decision@1.json');
  Object.assign(data, { yearlyAmount, schoolYears, approvedAmount });
  if (typeof approvedAmount === 'number') data.fundingSplit = [{ ...data.fundingSplit[0], amount: approvedAmount }];
  return data;
}

describe('the product-equals rule (education-decision@1)', () => {
  it.each([
    [2_700_000, 3, 8_100_000],
    [3_000_000, 2, 6_000_000],
    [1_500_000, 1, 1_500_000],
  ])('accepts %i đ a year for %i years approved at %i đ', (yearly, years, total) => {
    expect(amountRuleErrors(form, decision(yearly, years, total))).toEqual([]);
  });

  it('refuses a total that is not the product, on the total, naming the factors and the product in each language', () => {
    expect(amountRuleErrors(form, decision(3_000_000, 2, 9_000_000))).toEqual([
      {
        path: '/approvedAmount',
        keyword: 'amounts',
        message: {
          vi: 'Tổng số tiền phê duyệt phải bằng Mức hỗ trợ mỗi năm học × Số năm học được hỗ trợ (6.000.000 đ)',
          en: 'Total approved amount must equal Support per school year × School years supported (6,000,000 VND)',
        },
        params: {
          rule: 'product-equals',
          product: 6_000_000,
          total: 9_000_000,
          factorPaths: ['/yearlyAmount', '/schoolYears'],
        },
      },
    ]);
  });

  it('refuses a total one đồng off (integer products, no rounding)', () => {
    expect(amountRuleErrors(form, decision(2_700_000, 3, 8_100_001)).map((e) => e.params?.product)).toEqual([
      8_100_000,
    ]);
  });

  it.each([
    ['a yearly amount written as a string', decision('3000000', 2, 9_000_000)],
    ['no school years', decision(3_000_000, undefined, 9_000_000)],
    ['fractional school years', decision(3_000_000, 1.5, 9_000_000)],
    ['no total', decision(3_000_000, 2, undefined)],
    ['no data at all', null],
  ])('leaves %s to the schema (no second error)', (_name, data) => {
    expect(amountRuleErrors(form, data)).toEqual([]);
  });

  it('gives the same errors on the server and in the browser (precompiled validator)', async () => {
    const realm = await loadInStrictRealm(compileStandaloneValidator(form).source);
    const browser = createPrecompiledValidator(realm.validate, form);
    const data = decision(3_000_000, 2, 9_000_000);
    const server = createFormValidator().validate(form, data);
    expect(server).toMatchObject({ valid: false, errors: [{ path: '/approvedAmount', keyword: 'amounts' }] });
    expect(browser.validate(data)).toEqual(server);
    expect(browser.validate(decision(3_000_000, 3, 9_000_000))).toEqual({ valid: true });
  });
});

describe('the publish check of a product-equals rule', () => {
  const product = form.amountRules!.find((r) => r.kind === 'product-equals')!;
  const withRule = (rule: unknown): FormDefinition => ({ ...form, amountRules: [rule as typeof product] });

  it('passes for the shipped form', () => {
    expect(checkFormDefinition(form)).toMatchObject({ ok: true });
  });

  it.each([
    ['factors/1', { ...product, factors: ['/yearlyAmount', '/signer'] }],
    ['factors/0', { ...product, factors: ['/nowhere', '/schoolYears'] }],
    ['total', { ...product, total: '/decisionDate' }],
  ])('is refused when %s names no integer field', (key, rule) => {
    expect(checkFormDefinition(withRule(rule))).toMatchObject({
      ok: false,
      problems: [{ code: 'amount-rule', path: `/amountRules/0/${key}` }],
    });
  });

  it.each([
    ['one factor', { ...product, factors: ['/yearlyAmount'] }],
    ['a factor inside a list', { ...product, factors: ['/yearlyAmount', '/fundingSplit/*/amount'] }],
    ['a sum-equals field on a product', { ...product, items: '/fundingSplit/*/amount' }],
  ])('is refused with %s (the definition schema)', (_name, rule) => {
    expect(checkFormDefinition(withRule(rule))).toMatchObject({ ok: false, problems: [{ code: 'shape' }] });
  });
});
