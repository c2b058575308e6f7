import type { Locator, Page } from 'playwright-core';
import { example } from '../../integration/support/form-examples';
import { field } from './fill-housing-proposal';

/**
 * The later housing steps' forms in the officer app's workspace (`idPrefix` "step-<step id>"), filled the way a
 * person would with the values of forms/examples/, in Vietnamese. `scope` is the decision panel.
 */
export async function fillHousingReview(scope: Locator, stepId = 'district-review'): Promise<void> {
  const ex = example('housing-review@1');
  const f = (pointer: string) => field(scope, pointer, `step-${stepId}`);
  await scope.getByLabel('Đồng ý', { exact: true }).check();
  await f('/approvedAmount').fill(String(ex.approvedAmount));
  await f('/fieldVisitDate').fill(ex.fieldVisitDate);
  await f('/appraisalNotes').fill(ex.appraisalNotes);
  await f('/reviewerTitle').fill(ex.reviewerTitle);
}

/**
 * The decision, with the whole amount from one source (the form starts with one funding row): a source of the list
 * (housing-decision@1, @2), or a fund by its id (@3: the first fund of the example, one of the demo funds).
 */
export async function fillHousingDecision(scope: Locator, stepId = 'province-approval'): Promise<void> {
  const ex = example('housing-decision@1');
  const f = (pointer: string) => field(scope, pointer, `step-${stepId}`);
  await f('/decisionNumber').fill(ex.decisionNumber);
  await f('/decisionDate').fill(ex.decisionDate);
  await f('/approvedAmount').fill(String(ex.approvedAmount));
  if ((await f('/fundingSplit/0/fundId').count()) > 0) {
    // The fund picker (format fund-id) lists the funds of the dossier's units by name; the option's value is the id.
    await f('/fundingSplit/0/fundId').selectOption({ value: example('housing-decision@3').fundingSplit[0].fundId });
  } else {
    await f('/fundingSplit/0/source').selectOption({ label: 'Quỹ “Vì người nghèo”' });
  }
  await f('/fundingSplit/0/amount').fill(String(ex.approvedAmount));
  await f('/signer').fill(ex.signer);
  await f('/signerTitle').fill(ex.signerTitle);
}

/** The treasurer's record of the first tranche, paid in cash. */
export async function fillHousingDisbursement(scope: Locator): Promise<void> {
  const ex = example('housing-disbursement@1');
  const f = (pointer: string) => field(scope, pointer, 'step-disbursement');
  await f('/trancheNumber').fill(String(ex.trancheNumber));
  await f('/amount').fill(String(ex.amount));
  await f('/paymentDate').fill(ex.paymentDate);
  await scope.getByLabel('Tiền mặt', { exact: true }).check();
  await f('/receiptNumber').fill(ex.receiptNumber);
  await f('/note').fill(ex.note);
}

/** A tranche's payment order (payment-order@1) for `amount`, in cash. */
export async function fillPaymentOrder(scope: Locator, stepId: string, amount: number): Promise<void> {
  const ex = example('payment-order@1');
  const f = (pointer: string) => field(scope, pointer, `step-${stepId}`);
  await f('/amount').fill(String(amount));
  await f('/orderDate').fill(ex.orderDate);
  await scope.getByLabel('Tiền mặt', { exact: true }).check();
}

/** The treasury's confirmation that a payment order was paid (payment-confirmation@1). */
export async function fillPaymentConfirmation(scope: Locator, stepId: string): Promise<void> {
  const ex = example('payment-confirmation@1');
  const f = (pointer: string) => field(scope, pointer, `step-${stepId}`);
  await f('/paidOn').fill(ex.paidOn);
  await f('/receiptNumber').fill(ex.receiptNumber);
}

/** The decision panel of the workspace (the current step's form and the action buttons). */
export const decisionPanel = (page: Page): Locator => page.locator('section.app-decision');
