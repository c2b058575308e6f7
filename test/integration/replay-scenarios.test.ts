import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinition, StepDefinition } from '../../domain/process/process-definition';
import { bulkActionsOf } from '../../domain/process/bulk-actions';
import { factsOf } from '../../domain/process/facts-of';
import { timesDue } from '../../domain/funds/tranche-instance';
import { periodOfInstance } from '../../domain/calendar/period-instance';
import { vietnamMonthOf } from '../../domain/time/vietnam-month-of';
import { example, proposalIn } from './support/form-examples';
import { recordHistory } from './support/record-history';
import { useTestSystem } from './support/use-test-system';
import { DINH_QUAN, dinhQuanUserFor, inDinhQuan } from './support/dinh-quan-accounts';
import { M, moneyDossiers } from './support/money-dossiers';

/**
 * Every action on every shipped definition version (domain/process/definitions/), clicked through the HTTP API as
 * its users would: per version, a dossier that is submitted, returned and resubmitted, has its deadline recomputed,
 * is extended (when the version has an overall limit), approved at every step — at a step that allows it, as a list
 * through the bulk endpoint — and completed; one rejected; one withdrawn. Each checks the dossier's recorded history.
 *
 * With HOSO_RECORD_HISTORIES=1 (`npm run replay:record`) it also writes each dossier's workflow history to
 * test/replay/histories/ as `<key>@<version>-<scenario>-<generation>-runN.json`, which replay-histories.test.ts
 * replays on the current workflow code and checks for completeness: record again whenever a definition version is
 * added or the workflow changes in a way that running dossiers must survive.
 */
const ctx = useTestSystem();
const definitionsDir = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions');
const definitions: ProcessDefinition[] = fs
  .readdirSync(definitionsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(definitionsDir, f), 'utf8')) as ProcessDefinition);

/** Who takes a step: the demo accounts of the three-level chain (Hà Đông, before 2025) or the two-level one. */
function userFor(definition: ProcessDefinition, step: StepDefinition): string {
  if (inDinhQuan(definition)) return dinhQuanUserFor(step);
  const threeLevel = definition.steps.some((s) => s.level === 'district');
  switch (step.role) {
    case 'commune_officer':
      return threeLevel ? 'xa.hacau' : 'xa2025.kienhung';
    case 'district_officer':
      return 'quan.hadong';
    case 'province_officer':
      return 'tp.hanoi';
    case 'unit_head':
      if (step.level === 'commune') return threeLevel ? 'chutich.hacau' : 'chutich.kienhung';
      return step.level === 'district' ? 'lanhdao.hadong' : 'lanhdao.hanoi';
    case 'coordinating_body':
      return threeLevel ? 'daumoi.hacau' : 'daumoi.kienhung';
    case 'credit_board':
      return threeLevel ? 'tindung.hacau' : 'tindung.kienhung';
    case 'bank_officer':
      return threeLevel ? 'nhcs.hadong' : 'nhcs.hanoi';
    case 'treasurer':
      return step.level === 'district' ? 'quy.hadong' : 'khobac.hanoi';
    default: {
      // The commune's bodies that sign a sign-off step (scripts/demo-accounts.ts).
      const signer = SIGNERS[step.role];
      if (signer) return `${signer}.${threeLevel ? 'hacau' : 'kienhung'}`;
      throw new Error(`no demo user for role ${step.role}`);
    }
  }
}
const SIGNERS: Record<string, string> = {
  fatherland_front: 'mttq',
  mass_organisation: 'phunu',
  hamlet_head: 'totruong',
};
/** The demo users who sign a sign-off step, one per signer, in declared order. */
const signersOf = (definition: ProcessDefinition, step: StepDefinition): string[] =>
  (step.signOff?.by ?? []).map((signer) => userFor(definition, { ...step, role: signer.role, level: signer.level }));
const communeOf = (definition: ProcessDefinition) =>
  definition.steps.some((s) => s.level === 'district') ? 'HN-HD-HC' : 'HN-KIENHUNG';
const stepOf = (definition: ProcessDefinition, id: string): StepDefinition => {
  const step = definition.steps.find((s) => s.id === id);
  if (!step) throw new Error(`${definition.key}@${definition.version} has no step ${id}`);
  return step;
};
const isBulkApproval = (step: StepDefinition) => bulkActionsOf(step).some((b) => b.action === 'approve');

/**
 * Versions that move money (tranches) commit the decision's split on the two funds its example names: the demo
 * funds (scripts/seed/seed-demo-funds.ts), which have money enough. `approved` is the amount the dossier's review
 * and decision carry.
 */
const money = moneyDossiers(ctx);
const EXAMPLE_FUNDS = (example('housing-decision@3').fundingSplit as { fundId: string }[]).map((l) => l.fundId);
/**
 * How many payments a definition's tranches make when each is paid in full: a repeated one `repeat.max` times, or as
 * many as the proposal's `repeat.timesFact` says (a sponsorship's months).
 */
const paymentsOf = (definition: ProcessDefinition) => {
  const facts = factsOf(stepOf(definition, definition.initialStep), proposalFor(definition));
  return (definition.tranches ?? []).reduce((n, t) => n + (t.repeat ? timesDue(t, facts) : 1), 0);
};
/**
 * What the scenarios approve: 100 M for a house, 3 M a school year for three years (the form's maximum), and for the
 * other programmes what their proposal's example asks for.
 */
const approvedOf = (definition: ProcessDefinition) => {
  if (definition.programme === 'education') return 9 * M;
  if (definition.programme === 'housing') return 100 * M;
  const requested = factsOf(stepOf(definition, definition.initialStep), proposalFor(definition)).requestedAmount;
  return requested as number;
};
async function stepData(definition: ProcessDefinition, step: StepDefinition, approved: number) {
  const data = example(step.form!);
  if (!definition.tranches) return data;
  if (step.form === 'housing-review@1') return { ...data, approvedAmount: approved };
  if (step.form === 'education-decision@1') {
    const fundingSplit = EXAMPLE_FUNDS.map((fundId) => ({ fundId, amount: approved / 2 }));
    return { ...data, yearlyAmount: approved / 3, schoolYears: 3, approvedAmount: approved, fundingSplit };
  }
  if (step.funding) {
    const funds = inDinhQuan(definition) ? DINH_QUAN.funds : EXAMPLE_FUNDS;
    return money.decision(
      approved,
      funds.map((fundId) => [fundId, approved / funds.length]),
    );
  }
  if (step.form === 'payment-order@1') return { ...data, amount: approved / paymentsOf(definition) };
  if (step.form === 'housing-completion@1') return money.acceptance(userFor(definition, step));
  return data;
}

const act = async (user: string, id: string, body: Record<string, unknown>) => {
  const res = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
  expect([res.status, res.body]).toEqual([200, expect.anything()]);
  return res.body as { status: string; currentStep: string | null; overallDueAt?: string | null };
};
const dossier = async (id: string) =>
  (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: id.startsWith('DN-') ? DINH_QUAN.reader : 'tp.hanoi' })).body;

/** The first step's example data, placed in the scenario's commune: a housing proposal, or a child's (education). */
function proposalFor(definition: ProcessDefinition, variant = ''): Record<string, unknown> {
  const form = stepOf(definition, definition.initialStep).form!;
  if (form.startsWith('housing-proposal')) return proposalIn(communeOf(definition), variant);
  const data = example(form);
  if (data.household?.address) data.household.address.unitCode = communeOf(definition);
  else if (data.household) data.household.unitCode = communeOf(definition);
  // Only forms whose beneficiary names a unit (a sponsorship's person); a savings book's does not.
  if (data.beneficiary && 'unitCode' in data.beneficiary) data.beneficiary.unitCode = communeOf(definition);
  if (data.sponsor?.unitCode) data.sponsor.unitCode = communeOf(definition);
  // A periodic commitment starts next month, so no instance is due (nor any timer fires) while a scenario runs.
  if (typeof data.firstMonth === 'string') data.firstMonth = NEXT_MONTH;
  return data;
}
const NEXT_MONTH = periodOfInstance({ unit: 'month' }, vietnamMonthOf(new Date()), 2);

/** The proposal with its attachments (a sponsorship's signed commitment) uploaded by `by`. */
async function proposalWithFiles(definition: ProcessDefinition, by: string, variant = '') {
  const data = proposalFor(definition, variant);
  if (Array.isArray(data.signedCommitment)) data.signedCommitment = [{ fileId: await money.upload(by) }];
  return data;
}

async function create(definition: ProcessDefinition, variant = ''): Promise<string> {
  const first = stepOf(definition, definition.initialStep);
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: userFor(definition, first),
    body: {
      processKey: definition.key,
      processVersion: definition.version,
      data: await proposalWithFiles(definition, userFor(definition, first), variant),
    },
  });
  expect([res.status, res.body?.processVersion]).toEqual([201, definition.version]);
  return res.body.id as string;
}

/** Created and sent to the first review step; returns the id and that step. */
async function submitted(definition: ProcessDefinition): Promise<{ id: string; review: StepDefinition }> {
  const id = await create(definition);
  const first = stepOf(definition, definition.initialStep);
  const sent = await act(userFor(definition, first), id, { action: 'submit' });
  return { id, review: stepOf(definition, sent.currentStep!) };
}

/** Approves the dossier at its current step: with the step's form, or as a list (bulk) where the step allows it. */
async function approve(
  definition: ProcessDefinition,
  id: string,
  step: StepDefinition,
  approved = approvedOf(definition),
): Promise<string | null> {
  const user = userFor(definition, step);
  if (step.signOff) {
    // Every signer signs; the last signature moves the dossier on.
    let next: string | null = step.id;
    for (const signer of signersOf(definition, step)) next = (await act(signer, id, { action: 'approve' })).currentStep;
    return next;
  }
  if (!isBulkApproval(step)) {
    const data = step.form ? { data: await stepData(definition, step, approved) } : {};
    return (await act(user, id, { action: 'approve', ...data })).currentStep;
  }
  // A list: this dossier and another one waiting at the same step, approved in one request.
  let other = await submitted(definition);
  while (other.review.id !== step.id) {
    const next = await approve(definition, other.id, other.review);
    other = { id: other.id, review: stepOf(definition, next!) };
  }
  const res = await ctx.api.call('POST', '/api/dossiers/bulk-actions', {
    as: user,
    body: { dossierIds: [id, other.id], action: 'approve', comment: 'Phê duyệt theo danh sách' },
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: 2, decided: 2, failed: 0 });
  return res.body.items[0].result.currentStep as string | null;
}

/** The first working day (Việt Nam) a week after `iso`, for an extension's promised date. */
async function workdayAfter(iso: string, unit: string): Promise<string> {
  const addDays = (date: string, n: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
  let day = addDays(new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10), 7);
  while (!(await ctx.system.calendar.day(day, unit)).working) day = addDays(day, 1);
  return day;
}

const record = (name: string, dossierId: string) =>
  recordHistory(ctx.system.temporal, name, ctx.system.workflowIdOf(dossierId));

describe.each(definitions.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (ref, definition) => {
  it('goes through submit, return and resubmission, a recomputed deadline, an extension where it has an overall limit, and every approval (in bulk where allowed) to completion', async () => {
    const { id, review } = await submitted(definition);
    const reviewer = userFor(definition, review);
    expect(await act(reviewer, id, { action: 'return', comment: 'Bổ sung giấy tờ' })).toMatchObject({
      status: 'awaiting_supplement',
    });
    const first = stepOf(definition, definition.initialStep);
    const resumed = await act(userFor(definition, first), id, {
      action: 'submit',
      data: await proposalWithFiles(definition, userFor(definition, first)),
    });
    expect(resumed).toMatchObject({ status: 'in_progress', currentStep: review.id });
    const recomputed = await ctx.api.call('POST', `/api/dossiers/${id}/deadline/recompute`, {
      as: inDinhQuan(definition) ? DINH_QUAN.admin : 'admin.hanoi',
      body: { reason: 'Lịch làm việc thay đổi' },
    });
    expect(recomputed.status).toBe(200);
    const actions = ['create', 'submit', 'return', 'submit', 'recompute_deadline'];
    if (definition.totalLimit) {
      const current = await dossier(id);
      const extended = await ctx.api.call('POST', `/api/dossiers/${id}/extension`, {
        as: reviewer,
        body: {
          reason: 'Cần xác minh thêm',
          newDueDate: await workdayAfter(current.clock.overallDueAt, current.currentStep.processingUnit),
        },
      });
      expect(extended.status).toBe(200);
      actions.push('extend');
    }
    let step: StepDefinition | null = review;
    while (step) {
      const next = await approve(definition, id, step);
      // A sign-off step records one approval per signature.
      actions.push(...(step.signOff?.by ?? [step]).map(() => 'approve'));
      step = next ? stepOf(definition, next) : null;
    }
    const done = await dossier(id);
    expect(done).toMatchObject({ status: 'completed', processVersion: definition.version });
    // A step due by a fixed date already past (the campaign's 2024 dates) reminds and escalates at once, whenever the
    // timers fire: those records are the clock's, not the scenario's.
    const clockRecords = definition.steps.some((s) => s.dueBy) ? ['remind', 'escalate'] : [];
    const decided = done.history
      .map((h: { action: string }) => h.action)
      .filter((a: string) => !clockRecords.includes(a));
    expect(decided).toEqual(actions);
    await record(`${ref}-completed`, id);
  });

  it('is rejected at its first review, with a reason', async () => {
    const { id, review } = await submitted(definition);
    expect(
      await act(userFor(definition, review), id, { action: 'reject', comment: 'Không đủ điều kiện' }),
    ).toMatchObject({ status: 'rejected' });
    await record(`${ref}-rejected`, id);
  });

  it('is withdrawn by the commune during its first review', async () => {
    const { id } = await submitted(definition);
    const first = stepOf(definition, definition.initialStep);
    expect(
      await act(userFor(definition, first), id, { action: 'withdraw', comment: 'Hộ gia đình xin rút' }),
    ).toMatchObject({ status: 'withdrawn' });
    await record(`${ref}-withdrawn`, id);
  });
});

/**
 * Only the versions that pay in tranches, an advance and the rest after completion acceptance, have this scenario: the
 * others are not given a test that would not apply (the one-payment programmes' failed payment is in
 * programme-processes.test.ts).
 */
const withTranches = definitions.filter(
  (d) => d.tranches && !d.tranches.some((t) => t.repeat) && d.steps.some((s) => s.id === 'completion-acceptance'),
);
describe.each(withTranches.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (ref, definition) => {
  const repairs = definition.steps.some((s) => s.id === 'district-approval');
  it(`pays in tranches${repairs ? ' a repair the district approves' : ''}: a failed payment reissued, the rest cancelled with a reason`, async () => {
    const id = await create(definition, repairs ? '.repair' : '');
    let step: StepDefinition = stepOf(
      definition,
      (await act(userFor(definition, stepOf(definition, definition.initialStep)), id, { action: 'submit' }))
        .currentStep!,
    );
    const approved = 60 * M;
    while (step.id !== 'advance-confirmation')
      step = stepOf(definition, (await approve(definition, id, step, approved))!);
    const failed = await act(userFor(definition, step), id, { action: 'reject', comment: 'Chuyển khoản bị trả lại' });
    expect(failed.currentStep).toBe('advance-order');
    step = stepOf(definition, failed.currentStep!);
    while (step.id !== 'completion-acceptance')
      step = stepOf(definition, (await approve(definition, id, step, approved))!);
    const cancelled = await act(userFor(definition, step), id, {
      action: 'reject',
      comment: 'Hộ không tiếp tục xây',
    });
    expect(cancelled).toMatchObject({ status: 'completed' });
    expect((await dossier(id)).money.cancelled).toMatchObject({ released: approved / 2 });
    await record(`${ref}-tranches`, id);
  });
});

const hasEffect = (s: StepDefinition, kind: string) =>
  s.transitions.some((t) => t.effects?.some((e) => e.kind === kind));
const settles = (s: StepDefinition) => hasEffect(s, 'settle_payment');

/**
 * The versions paid in one tranche (the other programmes of issue 15): a failed payment reissued, then paid to
 * completion; and another dossier stopped at its payment order with a reason, its whole commitment released.
 */
const withOnePayment = definitions.filter((d) => d.tranches?.length === 1 && !d.tranches[0]!.repeat);
describe.each(withOnePayment.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (ref, definition) => {
  const sentOn = async (id: string) =>
    stepOf(
      definition,
      (await act(userFor(definition, stepOf(definition, definition.initialStep)), id, { action: 'submit' }))
        .currentStep!,
    );

  it('pays its one tranche after a failed payment is reissued', async () => {
    const id = await create(definition);
    let step = await sentOn(id);
    while (!settles(step)) step = stepOf(definition, (await approve(definition, id, step))!);
    const failed = await act(userFor(definition, step), id, { action: 'reject', comment: 'Chuyển khoản bị trả lại' });
    let next: string | null = failed.currentStep;
    while (next) next = await approve(definition, id, stepOf(definition, next));
    expect(await dossier(id)).toMatchObject({ status: 'completed', money: { cancelled: null } });
    await record(`${ref}-tranches`, id);
  });

  it('is stopped at its payment order with a reason, releasing the whole commitment', async () => {
    const id = await create(definition);
    let step = await sentOn(id);
    while (!hasEffect(step, 'order_payment')) step = stepOf(definition, (await approve(definition, id, step))!);
    const stopped = await act(userFor(definition, step), id, { action: 'reject', comment: 'Hộ đã chuyển đi nơi khác' });
    expect(stopped).toMatchObject({ status: 'completed' });
    expect((await dossier(id)).money.cancelled).toMatchObject({ released: approvedOf(definition) });
    await record(`${ref}-stopped`, id);
  });
});

/** The versions with a repeated tranche (a payment each school year) have theirs. */
const withRepeatedTranche = definitions.filter((d) => d.tranches?.some((t) => t.repeat));
describe.each(withRepeatedTranche.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (ref, definition) => {
  it('pays a repeated tranche: a failed payment reissued, then stopped with the rest cancelled', async () => {
    const id = await create(definition);
    const submitted = await act(userFor(definition, stepOf(definition, definition.initialStep)), id, {
      action: 'submit',
    });
    let step = stepOf(definition, submitted.currentStep!);
    while (!settles(step)) step = stepOf(definition, (await approve(definition, id, step))!);
    const failed = await act(userFor(definition, step), id, { action: 'reject', comment: 'Chuyển khoản bị trả lại' });
    step = stepOf(definition, failed.currentStep!);
    // Reissued and paid, then on to the next step that may cancel the rest (the enrolment for the next year).
    do step = stepOf(definition, (await approve(definition, id, step))!);
    while (!step.transitions.some((t) => t.effects?.some((e) => e.kind === 'cancel_rest')));
    const cancelled = await act(userFor(definition, step), id, { action: 'reject', comment: 'Trẻ thôi học' });
    expect(cancelled).toMatchObject({ status: 'completed' });
    const approved = approvedOf(definition);
    expect((await dossier(id)).money.cancelled).toMatchObject({
      released: approved - approved / paymentsOf(definition),
    });
    await record(`${ref}-tranches`, id);
  });
});

/**
 * The versions whose commitment may be amended (an `adjust_commitment`, the sponsorships): the first instance paid,
 * the commitment amended from the next one at a higher amount (the increase committed), then ended early with the
 * rest released.
 */
const withAmendment = definitions.filter((d) => d.steps.some((s) => hasEffect(s, 'adjust_commitment')));
describe.each(withAmendment.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (ref, definition) => {
  it('is amended from a month not yet paid, then ended early with the rest released', async () => {
    const id = await create(definition);
    let step = stepOf(
      definition,
      (await act(userFor(definition, stepOf(definition, definition.initialStep)), id, { action: 'submit' }))
        .currentStep!,
    );
    while (!hasEffect(step, 'order_payment')) step = stepOf(definition, (await approve(definition, id, step))!);
    do step = stepOf(definition, (await approve(definition, id, step))!);
    while (!hasEffect(step, 'order_payment'));
    const toAmend = step.transitions.find((t) => t.to && hasEffect(stepOf(definition, t.to), 'adjust_commitment'))!;
    const proposed = await act(userFor(definition, step), id, {
      action: toAmend.action,
      comment: 'Bên nhận đỡ đầu đề nghị tăng mức hỗ trợ',
    });
    const amendment = stepOf(definition, proposed.currentStep!);
    const monthly = approvedOf(definition) / paymentsOf(definition);
    const amended = await act(userFor(definition, amendment), id, {
      action: 'approve',
      data: {
        ...example(amendment.form!),
        fromMonth: periodOfInstance({ unit: 'month' }, NEXT_MONTH, 2),
        monthlyAmount: 2 * monthly,
        months: paymentsOf(definition),
      },
    });
    step = stepOf(definition, amended.currentStep!);
    const stopped = await act(userFor(definition, step), id, {
      action: 'reject',
      comment: 'Người được đỡ đầu đã thoát nghèo',
    });
    expect(stopped).toMatchObject({ status: 'completed' });
    expect((await dossier(id)).money.cancelled).toMatchObject({ released: 2 * monthly * (paymentsOf(definition) - 1) });
    await record(`${ref}-amended`, id);
  });
});
