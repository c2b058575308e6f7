/**
 * A cross-field rule on amounts, declared in a form definition's `amountRules` and checked wherever the form is
 * validated (the server's `createFormValidator` and the browser's precompiled validators), so it is written once.
 *
 * `sum-equals`: the integer amounts at `items` (a field pointer with exactly one `*`, e.g.
 * `/support/fundingSources/*\/amount`) add up to the integer at `total` (e.g. `/support/requestedAmount`).
 *
 * `product-equals`: the integers at `factors` (field pointers outside any list, e.g. `/yearlyAmount` and
 * `/schoolYears`) multiplied together equal the integer at `total` (e.g. `/approvedAmount`).
 *
 * `count-equals`: the number of members of the list at `items` (a field pointer to an array, no `*`, e.g.
 * `/people`) equals the integer at `total` (e.g. `/beneficiaries`): a list's head count stated and checked; with
 * `where`, the number of members whose field has one value (the poor households of a list).
 */
export type AmountRule = SumEqualsRule | ProductEqualsRule | CountEqualsRule;

export interface SumEqualsRule {
  kind: 'sum-equals';
  items: string;
  total: string;
}

export interface ProductEqualsRule {
  kind: 'product-equals';
  factors: string[];
  total: string;
}

export interface CountEqualsRule {
  kind: 'count-equals';
  items: string;
  total: string;
  /**
   * Count only the members whose `field` (a property of each member, an enum field) equals `eq`, e.g. the poor
   * households of a review list: `{ "field": "category", "eq": "poor" }`.
   */
  where?: { field: string; eq: string };
}
