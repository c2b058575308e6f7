import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFormDefinition, createFormValidator, type FormDefinition } from '../../../forms';
import { amountRuleErrors } from '../../../forms/amount-rule-errors';
import { createPrecompiledValidator } from '../../../forms/standalone';
import { compileStandaloneValidator } from '../../../forms/standalone/node';
import { loadInStrictRealm } from './strict-realm-validator';

const root = join(__dirname, '../../..');
const readJson = (path: string): any => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** housing-proposal@1 as a new version whose funding lines must add up to the requested amount. */
function proposalWithRule(): FormDefinition {
  const v1 = readJson('forms/definitions/housing-proposal@1.json') as FormDefinition;
  return {
    ...v1,
    version: 90,
    schema: { ...v1.schema, $id: 'urn:hoso:form:housing-proposal@90' },
    amountRules: [{ kind: 'sum-equals', items: '/support/fundingSources/*/amount', total: '/support/requestedAmount' }],
  };
}

/** The example proposal (100,000,000 đ in three lines) with other funding lines. */
function proposal(lines: unknown[], requestedAmount: unknown = 100_000_000): any {
  const data = readJson('forms/examples/housing-proposal@1.json');
  data.support.requestedAmount = requestedAmount;
  data.support.fundingSources = lines.map((amount) => ({ source: 'poor_fund', amount }));
  return data;
}

describe('amountRuleErrors', () => {
  const form = proposalWithRule();

  it('accepts funding lines that add up to the requested amount', () => {
    expect(amountRuleErrors(form, proposal([30_000_000, 20_000_000, 50_000_000]))).toEqual([]);
  });

  it('refuses lines that add up to less, on the list, naming both amounts in VND in each language', () => {
    expect(amountRuleErrors(form, proposal([10_000_000]))).toEqual([
      {
        path: '/support/fundingSources',
        keyword: 'amounts',
        message: {
          vi: 'Nguồn kinh phí: tổng số tiền (10.000.000 đ) phải bằng Số tiền đề nghị hỗ trợ (100.000.000 đ)',
          en: expect.stringMatching(/add up to 10,000,000 VND but must equal .* \(100,000,000 VND\)$/),
        },
        params: { rule: 'sum-equals', sum: 10_000_000, total: 100_000_000, totalPath: '/support/requestedAmount' },
      },
    ]);
  });

  it('refuses lines that add up to more, by one đồng (integer sums, no rounding)', () => {
    const errors = amountRuleErrors(form, proposal([33_333_334, 33_333_333, 33_333_334]));
    expect(errors.map((e) => e.params?.sum)).toEqual([100_000_001]);
  });

  it('counts an empty list as 0', () => {
    expect(amountRuleErrors(form, proposal([])).map((e) => e.params?.sum)).toEqual([0]);
  });

  it.each([
    ['a line amount written as a string', proposal(['100000000'])],
    ['a line without an amount', proposal([undefined])],
    ['a fractional line amount', proposal([50_000_000.5, 50_000_000])],
    ['a requested amount written as a string', proposal([10_000_000], '100000000')],
    ['no requested amount', { support: { fundingSources: [{ source: 'budget', amount: 10_000_000 }] } }],
    ['no funding list', { support: { requestedAmount: 100_000_000 } }],
    ['a funding list that is not a list', { support: { requestedAmount: 1, fundingSources: { amount: 2 } } }],
    ['no data at all', null],
  ])('leaves %s to the schema (no second error)', (_name, data) => {
    expect(amountRuleErrors(form, data)).toEqual([]);
  });

  it('does nothing for a form without rules', () => {
    expect(amountRuleErrors(readJson('forms/definitions/housing-proposal@1.json'), proposal([1]))).toEqual([]);
  });
});

describe('a form with amount rules', () => {
  const form = proposalWithRule();

  it('passes the publish check', () => {
    expect(checkFormDefinition(form)).toMatchObject({ ok: true });
  });

  it.each([
    ['items', '/support/fundingSources/*/source'],
    ['items', '/support/fundingSources/*/nowhere'],
    ['total', '/household/headName'],
  ])('is refused when %s names %s, which is no integer field', (key, pointer) => {
    const rule = { ...form.amountRules![0]!, [key]: pointer };
    expect(checkFormDefinition({ ...form, amountRules: [rule] })).toMatchObject({
      ok: false,
      problems: [{ code: 'amount-rule', path: `/amountRules/0/${key}` }],
    });
  });

  it('is refused when items has no "*"', () => {
    const rule = { ...form.amountRules![0]!, items: '/support/requestedAmount' };
    expect(checkFormDefinition({ ...form, amountRules: [rule] })).toMatchObject({
      ok: false,
      problems: [{ code: 'shape' }],
    });
  });

  it('gives the same errors on the server and in the browser (precompiled validator)', async () => {
    const realm = await loadInStrictRealm(compileStandaloneValidator(form).source);
    const browser = createPrecompiledValidator(realm.validate, form);
    const data = proposal([10_000_000]);
    const server = createFormValidator().validate(form, data);
    expect(server).toMatchObject({ valid: false, errors: [{ path: '/support/fundingSources', keyword: 'amounts' }] });
    expect(browser.validate(data)).toEqual(server);
    expect(browser.validate(proposal([100_000_000]))).toEqual({ valid: true });
  });
});
