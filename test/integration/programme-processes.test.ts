// Every programme of the seeds that needs no new engine capability, as a running process (issue 15): the livelihood
// model, health-insurance cards (a commune's list), the savings book, household goods and Tết gifts (a commune's
// list), each in the seed-era chain (with the district) and after the 2025 reform (commune → province). Through the
// API and the real workflow: each is decided with its funds split across two funds, paid once (a failed payment
// reissued under the same order), confirmed, and completed with the ledgers balanced and the facts reports rely on;
// and the refusals that matter leave nothing written.
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinition, StepDefinition } from '../../domain/process/process-definition';
import { example } from './support/form-examples';
import { M, moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const K = 1_000;

const PROGRAMMES = ['livelihood', 'health_insurance', 'savings_book', 'household_goods', 'tet_gift'];
const definitionsDir = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions');
const definitions: ProcessDefinition[] = fs
  .readdirSync(definitionsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(definitionsDir, f), 'utf8')) as ProcessDefinition)
  .filter((d) => PROGRAMMES.includes(d.programme));
const seedEra = (d: ProcessDefinition) => d.steps.some((s) => s.level === 'district');

/** The demo account that takes a step: Hà Đông's (before the reform) or Hà Nội's (after it). */
const ACCOUNTS: Record<string, [seedEra: string, postReform: string]> = {
  'commune_officer@commune': ['xa.hacau', 'xa2025.kienhung'],
  'district_officer@district': ['quan.hadong', ''],
  'unit_head@district': ['lanhdao.hadong', ''],
  'treasurer@district': ['quy.hadong', ''],
  'province_officer@province': ['', 'tp.hanoi'],
  'unit_head@province': ['', 'lanhdao.hanoi'],
  'treasurer@province': ['khobac.hanoi', 'khobac.hanoi'],
};
const userFor = (d: ProcessDefinition, step: StepDefinition): string => {
  const user = ACCOUNTS[`${step.role}@${step.level}`]?.[seedEra(d) ? 0 : 1];
  if (!user) throw new Error(`no demo account for ${step.role} at ${step.level}`);
  return user;
};
const stepOf = (d: ProcessDefinition, id: string) => d.steps.find((s) => s.id === id)!;
const communeOf = (d: ProcessDefinition) => (seedEra(d) ? 'HN-HD-HC' : 'HN-KIENHUNG');

/** The proposal's example, placed in the dossier's commune where the form names one. */
function proposalFor(d: ProcessDefinition): Record<string, any> {
  const data = example(stepOf(d, d.initialStep).form!);
  if (data.household?.address) data.household.address.unitCode = communeOf(d);
  return data;
}

/** What each programme's example proposal asks for, its support type and the people or households it covers. */
const EXPECTED: Record<string, { requested: number; supportType: string; beneficiaries: number }> = {
  livelihood: { requested: 15 * M, supportType: 'livestock', beneficiaries: 1 },
  health_insurance: { requested: 3_790_800, supportType: 'health_insurance_card', beneficiaries: 3 },
  savings_book: { requested: 20 * M, supportType: 'savings_book', beneficiaries: 1 },
  household_goods: { requested: 3_800 * K, supportType: 'bicycle', beneficiaries: 1 },
  tet_gift: { requested: 2_800 * K, supportType: 'tet_gift', beneficiaries: 3 },
};

const act = (user: string, id: string, body: Record<string, unknown>) => money.act(user, id, body);

async function create(d: ProcessDefinition, data = proposalFor(d), as = userFor(d, stepOf(d, d.initialStep))) {
  return ctx.api.call('POST', '/api/dossiers', {
    as,
    body: { processKey: d.key, processVersion: d.version, data },
  });
}

const dossierCount = () => ctx.system.models.DossierView.countDocuments({});

describe.each(definitions.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (_ref, d) => {
  const expected = EXPECTED[d.programme]!;

  it('is decided from two funds, paid once (a failed payment reissued), and completes with balanced ledgers and its facts', async () => {
    const fundUnit = seedEra(d) ? 'HN-HD' : 'HN';
    const first = await money.fund(`Quỹ Vì người nghèo (${d.key})`, 100 * M, fundUnit);
    const second = await money.fund(`Nguồn xã hội hóa (${d.key})`, 100 * M, fundUnit);
    const created = await create(d);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let step = stepOf(d, (await act(userFor(d, stepOf(d, d.initialStep)), id, { action: 'submit' })).body.currentStep);
    // The livelihood model is appraised before the decision.
    if (step.form === 'support-review@1') {
      const reviewed = await act(userFor(d, step), id, { action: 'approve', data: example('support-review@1') });
      step = stepOf(d, reviewed.body.currentStep);
    }
    expect(step.funding).toBeDefined();
    // A decision above the requested amount is refused at the field that brings it, before anything is stored.
    const tooMuch = expected.requested + 2;
    const refused = await act(userFor(d, step), id, {
      action: 'approve',
      data: money.decision(tooMuch, [
        [first, tooMuch / 2],
        [second, tooMuch / 2],
      ]),
    });
    expect([refused.status, refused.body.error.fields.map((f: { path: string }) => f.path)]).toEqual([
      422,
      ['/data/approvedAmount'],
    ]);
    // Approved: the whole request when it is a list, a little less for one household's support.
    const approved = expected.beneficiaries > 1 ? expected.requested : expected.requested - 2 * K;
    const firstShare = Math.round((approved * 0.6) / K) * K;
    const decided = await act(userFor(d, step), id, {
      action: 'approve',
      data: money.decision(approved, [
        [first, firstShare],
        [second, approved - firstShare],
      ]),
    });
    expect([decided.status, decided.body.currentStep]).toEqual([200, 'payment-order']);
    expect(await money.balance(first)).toMatchObject({ committed: firstShare });

    const orderer = userFor(d, stepOf(d, 'payment-order'));
    const confirmer = userFor(d, stepOf(d, 'payment-confirmation'));
    const order = () =>
      act(orderer, id, { action: 'approve', data: { ...example('payment-order@1'), amount: approved } });
    // One payment: ordering less than what was decided is refused.
    expect(
      (await act(orderer, id, { action: 'approve', data: { ...example('payment-order@1'), amount: approved - 1 } }))
        .status,
    ).toBe(422);
    expect((await order()).body.currentStep).toBe('payment-confirmation');
    const failed = await act(confirmer, id, { action: 'reject', comment: 'Tài khoản người nhận bị phong tỏa' });
    expect(failed.body.currentStep).toBe('payment-order');
    expect((await order()).body.currentStep).toBe('payment-confirmation');
    let done = await act(confirmer, id, { action: 'approve', data: example('payment-confirmation@1') });
    if (stepOf(d, 'handover')) {
      expect(done.body.currentStep).toBe('handover');
      done = await act(userFor(d, stepOf(d, 'handover')), id, {
        action: 'approve',
        data: example('support-handover@1'),
      });
    }
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'completed' });

    expect((await money.orders(id)).map((o) => [o.trancheId, o.status, o.amount, o.attempt])).toEqual([
      ['payment', 'paid', approved, 2],
    ]);
    const received = 100 * M;
    expect(await money.balance(first)).toEqual({
      received,
      committed: 0,
      paid: firstShare,
      available: received - firstShare,
    });
    expect(await money.balance(second)).toEqual({
      received,
      committed: 0,
      paid: approved - firstShare,
      available: received - approved + firstShare,
    });
    const view = await money.dossier(id);
    expect(view.facts).toMatchObject({
      supportType: expected.supportType,
      requestedAmount: expected.requested,
      approvedAmount: approved,
      beneficiaries: expected.beneficiaries,
    });
    const projected = await ctx.system.models.DossierView.findById(id).lean();
    expect(projected?.amounts).toMatchObject({ approved, disbursed: approved });
  });

  if (seedEra(d)) {
    it('is refused to a ward created by the 2025 reform, which has no district above it', async () => {
      const before = await dossierCount();
      const res = await create(d, proposalFor(d), 'xa2025.kienhung');
      expect([res.status, res.body.error.code]).toEqual([409, 'process_not_applicable']);
      expect(await dossierCount()).toBe(before);
    });
  }
});

/** A proposal refused with a 422 naming exactly `paths`, and no dossier created. */
async function expectRefused(d: ProcessDefinition, data: Record<string, any>, paths: string[]) {
  const before = await dossierCount();
  const res = await create(d, data);
  expect(res.status).toBe(422);
  expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(paths);
  expect(await dossierCount()).toBe(before);
  return res.body.error.fields as { path: string; message: string }[];
}
const ofProgramme = (programme: string) => definitions.filter((d) => d.programme === programme);
const each = (programme: string) => ofProgramme(programme).map((d) => [`${d.key}@${d.version}`, d] as const);

describe.each(each('livelihood'))('the livelihood model (%s)', (_ref, d) => {
  it('refuses a 9 M model, below the 10 M floor, and one above 15 M', async () => {
    const low = proposalFor(d);
    low.model.requestedAmount = 9 * M;
    const [floor] = await expectRefused(d, low, ['/data/model/requestedAmount']);
    expect(floor?.message).toContain('10.000.000');
    const english = await ctx.api.call('POST', '/api/dossiers', {
      as: userFor(d, stepOf(d, d.initialStep)),
      body: { processKey: d.key, processVersion: d.version, data: low },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.error.fields).toEqual([
      expect.objectContaining({ path: '/data/model/requestedAmount', message: expect.stringContaining('10,000,000') }),
    ]);
    const high = proposalFor(d);
    high.model.requestedAmount = 15 * M + 1;
    await expectRefused(d, high, ['/data/model/requestedAmount']);
  });
});

describe.each([...each('health_insurance'), ...each('tet_gift')])('the list of %s', (_ref, d) => {
  const listOf = (data: Record<string, any>): any[] => data.people ?? data.households;
  const listPath = d.programme === 'health_insurance' ? '/data/people' : '/data/households';

  it('refuses a total that differs from the sum of its lines', async () => {
    const data = proposalFor(d);
    data.requestedAmount += 1_000;
    await expectRefused(d, data, [listPath]);
  });

  it('refuses a head count that differs from the number of its lines', async () => {
    const data = proposalFor(d);
    listOf(data).pop();
    data.requestedAmount = listOf(data).reduce((sum, line) => sum + (line.cardValue ?? line.value), 0);
    await expectRefused(d, data, ['/data/beneficiaries']);
  });
});

describe.each(each('household_goods'))('household goods (%s)', (_ref, d) => {
  it('refuses a pupil bicycle above 2,000,000 VND and a support type the lines do not match', async () => {
    const dear = proposalFor(d);
    dear.goods[0].value = 2_500 * K;
    dear.requestedAmount = 4_300 * K;
    await expectRefused(d, dear, ['/data/goods/0/value']);
    const mismatched = proposalFor(d);
    mismatched.supportType = 'fridge';
    const fields = await expectRefused(d, mismatched, ['/data/goods/0/kind', '/data/goods/1/kind']);
    expect(fields).toHaveLength(2);
  });

  it('accepts goods of several kinds as "mixed"', async () => {
    const mixed = example('household-goods@2.mixed');
    mixed.household.address.unitCode = communeOf(d);
    expect((await create(d, mixed)).status).toBe(201);
  });
});
