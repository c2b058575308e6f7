import type { CountEqualsRule, ProductEqualsRule, SumEqualsRule } from './amount-rule';
import type { FieldError } from './field-error';
import { fieldLabel } from './field-label';
import type { FormDefinition } from './form-definition';
import { formatQuantity } from './format-quantity';
import { jsonPointer } from './json-pointer';
import { describeValues } from './describe-values';

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
 * twice. An empty list adds up to 0. Sums and products are exact while they stay below 2^53 (9 million billion
 * đồng); beyond that the rule is not judged. A sum's error is on the list (`/support/fundingSources`), where the
 * lines are edited; a product's on the total (`/approvedAmount`), the field that is computed from the factors. A
 * count (`count-equals`) is judged when the list is an array and the total an integer; its error is on the total
 * (`/beneficiaries`), the number stated.
 *
 * Pure and browser-safe; never throws for any `data` (a definition's pointers are checked when it is published).
 */
export function amountRuleErrors(form: FormDefinition, data: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of form.amountRules ?? []) {
    const error =
      rule.kind === 'product-equals'
        ? productError(form, rule, data)
        : rule.kind === 'count-equals'
          ? countError(form, rule, data)
          : sumError(form, rule, data);
    if (error) errors.push(error);
  }
  return errors;
}

function sumError(form: FormDefinition, rule: SumEqualsRule, data: unknown): FieldError | undefined {
  const [listPointer = '', itemPointer = ''] = rule.items.split('/*');
  const total = read(data, rule.total);
  const list = read(data, listPointer);
  if (!isAmount(total) || !Array.isArray(list)) return undefined;
  const amounts = list.map((item) => (itemPointer === '' ? item : read(item, itemPointer)));
  if (!amounts.every(isAmount)) return undefined;
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(sum) || sum === total) return undefined;
  const listLabel = fieldLabel(form, listPointer);
  const totalLabel = fieldLabel(form, rule.total);
  const [sumText, totalText] = [formatQuantity(sum, 'VND'), formatQuantity(total, 'VND')];
  return {
    path: listPointer,
    keyword: AMOUNTS_KEYWORD,
    message: {
      vi: `${listLabel.vi}: tổng số tiền (${sumText.vi}) phải bằng ${totalLabel.vi} (${totalText.vi})`,
      en: `${listLabel.en}: the amounts add up to ${sumText.en} but must equal ${totalLabel.en} (${totalText.en})`,
    },
    params: { rule: rule.kind, sum, total, totalPath: rule.total },
  };
}

function productError(form: FormDefinition, rule: ProductEqualsRule, data: unknown): FieldError | undefined {
  const total = read(data, rule.total);
  const factors = rule.factors.map((pointer) => read(data, pointer));
  if (!isAmount(total) || !factors.every(isAmount)) return undefined;
  const product = factors.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(product) || product === total) return undefined;
  const totalLabel = fieldLabel(form, rule.total);
  const labels = rule.factors.map((pointer) => fieldLabel(form, pointer));
  const productText = formatQuantity(product, 'VND');
  return {
    path: rule.total,
    keyword: AMOUNTS_KEYWORD,
    message: {
      vi: `${totalLabel.vi} phải bằng ${labels.map((l) => l.vi).join(' × ')} (${productText.vi})`,
      en: `${totalLabel.en} must equal ${labels.map((l) => l.en).join(' × ')} (${productText.en})`,
    },
    params: { rule: rule.kind, product, total, factorPaths: rule.factors },
  };
}

function countError(form: FormDefinition, rule: CountEqualsRule, data: unknown): FieldError | undefined {
  const total = read(data, rule.total);
  const list = read(data, rule.items);
  if (!isAmount(total) || !Array.isArray(list)) return undefined;
  const { where } = rule;
  const members = where
    ? list.filter(
        (m) => m !== null && typeof m === 'object' && (m as Record<string, unknown>)[where.field] === where.eq,
      )
    : list;
  const count = members.length;
  if (count === total) return undefined;
  const totalLabel = fieldLabel(form, rule.total);
  const listLabel = fieldLabel(form, rule.items);
  const whereField = where ? `${rule.items}/*/${where.field}` : '';
  const whereLabel = where ? fieldLabel(form, whereField) : { vi: '', en: '' };
  const whereValue = where ? describeValues(form, whereField, [where.eq], { vi: 'và', en: 'and' }) : whereLabel;
  const lines = where
    ? {
        vi: `số dòng của ${listLabel.vi} có ${whereLabel.vi} là ${whereValue.vi}`,
        en: `the number of lines of ${listLabel.en} whose ${whereLabel.en} is ${whereValue.en}`,
      }
    : { vi: `số dòng của ${listLabel.vi}`, en: `the number of lines of ${listLabel.en}` };
  return {
    path: rule.total,
    keyword: AMOUNTS_KEYWORD,
    message: {
      vi: `${totalLabel.vi} (${total}) phải bằng ${lines.vi} (${count})`,
      en: `${totalLabel.en} (${total}) must equal ${lines.en} (${count})`,
    },
    params: { rule: rule.kind, count, total, itemsPath: rule.items },
  };
}
