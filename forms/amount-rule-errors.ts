import type { FieldError } from './field-error';
import { fieldLabel } from './field-label';
import type { FormDefinition } from './form-definition';
import { formatQuantity } from './format-quantity';
import { jsonPointer } from './json-pointer';

/** The keyword of the errors below: amounts that do not agree with each other. */
export const AMOUNTS_KEYWORD = 'amounts';

function read(data: unknown, pointer: string): unknown {
  let value = data;
  for (const token of jsonPointer.parse(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * The field errors of `form`'s `amountRules` for `data`, already localized (vi/en, amounts written as VND with each
 * language's thousands separator). A rule is judged only when every amount it reads is an integer: a missing line
 * amount, a string or a missing total is the schema's error to report, not this rule's, so nothing is reported
 * twice. An empty list adds up to 0. Sums are exact while they stay below 2^53 (9 million billion đồng); beyond that
 * the rule is not judged. The error is on the list (`/support/fundingSources`), where the lines are edited.
 *
 * Pure and browser-safe; never throws for any `data` (a definition's pointers are checked when it is published).
 */
export function amountRuleErrors(form: FormDefinition, data: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of form.amountRules ?? []) {
    const [listPointer = '', itemPointer = ''] = rule.items.split('/*');
    const total = read(data, rule.total);
    const list = read(data, listPointer);
    if (!isAmount(total) || !Array.isArray(list)) continue;
    const amounts = list.map((item) => (itemPointer === '' ? item : read(item, itemPointer)));
    if (!amounts.every(isAmount)) continue;
    const sum = amounts.reduce((a, b) => a + b, 0);
    if (!Number.isSafeInteger(sum) || sum === total) continue;
    const listLabel = fieldLabel(form, listPointer);
    const totalLabel = fieldLabel(form, rule.total);
    const [sumText, totalText] = [formatQuantity(sum, 'VND'), formatQuantity(total, 'VND')];
    errors.push({
      path: listPointer,
      keyword: AMOUNTS_KEYWORD,
      message: {
        vi: `${listLabel.vi}: tổng số tiền (${sumText.vi}) phải bằng ${totalLabel.vi} (${totalText.vi})`,
        en: `${listLabel.en}: the amounts add up to ${sumText.en} but must equal ${totalLabel.en} (${totalText.en})`,
      },
      params: { rule: rule.kind, sum, total, totalPath: rule.total },
    });
  }
  return errors;
}
