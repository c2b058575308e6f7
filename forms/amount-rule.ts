/**
 * A cross-field rule on amounts, declared in a form definition's `amountRules` and checked wherever the form is
 * validated (the server's `createFormValidator` and the browser's precompiled validators), so it is written once.
 *
 * `sum-equals`: the integer amounts at `items` (a field pointer with exactly one `*`, e.g.
 * `/support/fundingSources/*\/amount`) add up to the integer at `total` (e.g. `/support/requestedAmount`).
 */
export interface AmountRule {
  kind: 'sum-equals';
  items: string;
  total: string;
}
