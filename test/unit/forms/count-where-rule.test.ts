import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFormDefinition, createFormValidator, type FormDefinition } from '../../../forms';
import { amountRuleErrors } from '../../../forms/amount-rule-errors';
import { createPrecompiledValidator } from '../../../forms/standalone';
import { compileStandaloneValidator } from '../../../forms/standalone/node';
import { loadInStrictRealm } from './strict-realm-validator';

const root = join(__dirname, '../../..');
const readJson = (path: string): any => JSON.parse(readFileSync(join(root, path), 'utf8'));
const form = readJson('forms/definitions/poverty-review-list@1.json') as FormDefinition;
const example = () => readJson('forms/examples/poverty-review-list@1.json');

/** The year-end review list: its stated poor and near-poor counts are the lines of each category. */
describe('a count of the lines of one category (count-equals with where)', () => {
  it('accepts the example, whose counts agree with its lines', () => {
    expect(amountRuleErrors(form, example())).toEqual([]);
  });

  it.each([
    [
      '/poorHouseholds',
      'Số hộ nghèo (2) phải bằng số dòng của Danh sách hộ có Diện hộ là “Hộ nghèo” (1)',
      'Poor households (2) must equal the number of lines of Households whose Household category is "Poor household" (1)',
    ],
    [
      '/nearPoorHouseholds',
      'Số hộ cận nghèo (2) phải bằng số dòng của Danh sách hộ có Diện hộ là “Hộ cận nghèo” (1)',
      'Near-poor households (2) must equal the number of lines of Households whose Household category is "Near-poor household" (1)',
    ],
  ])('refuses a wrong %s on that count, naming the category in each language', (path, vi, en) => {
    const data = example();
    data[path.slice(1)] = 2;
    expect(amountRuleErrors(form, data)).toEqual([
      expect.objectContaining({ path, keyword: 'amounts', message: { vi, en } }),
    ]);
  });

  it('counts a line whose category changed', () => {
    const data = example();
    data.households[2].category = 'poor';
    expect(amountRuleErrors(form, data).map((e) => e.path)).toEqual(['/poorHouseholds']);
    data.poorHouseholds = 2;
    expect(amountRuleErrors(form, data)).toEqual([]);
  });

  it('gives the same errors on the server and in the browser (precompiled validator)', async () => {
    const realm = await loadInStrictRealm(compileStandaloneValidator(form).source);
    const browser = createPrecompiledValidator(realm.validate, form);
    const data = example();
    data.nearPoorHouseholds = 0;
    const server = createFormValidator().validate(form, data);
    expect(server).toMatchObject({ valid: false, errors: [{ path: '/nearPoorHouseholds', keyword: 'amounts' }] });
    expect(browser.validate(data)).toEqual(server);
  });

  it.each([
    [{ field: 'hamlet', eq: 'poor' }, 'not an enum field'],
    [{ field: 'category', eq: 'rich' }, 'with the option "rich"'],
  ])('refuses at publish a where that names no option of an enum field of the members (%j)', (where, message) => {
    const broken = JSON.parse(JSON.stringify(form)) as FormDefinition;
    (broken.amountRules![1] as { where: unknown }).where = where;
    const checked = checkFormDefinition(broken);
    expect(checked.ok ? [] : checked.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/amountRules/1/where', message: expect.stringContaining(message) }),
      ]),
    );
  });
});
