// Amounts that agree (issue 14): a form's lines add up to its total (amountRules), and a step's amount never exceeds
// what an earlier step brought (a definition's amountLimits), checked through the API with field-level 422s that
// leave the dossier as it was. The shipped versions declare the rules (housing-proposal@2, housing-decision@2,
// housing-support-2024@3, housing-support-2025@4); a version paying in tranches is published here through the admin
// API, as an administrator would, numbered from 90 so the shipped versions can take the next numbers.
import fs from 'node:fs';
import path from 'node:path';
import { example, proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const root = path.join(__dirname, '..', '..');
const readJson = (file: string): any => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
const stepOf = async (id: string) =>
  (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'tp.hanoi' })).body.currentStep?.id as string | undefined;

async function create(variant = '', processVersion = 3): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'housing-support-2024', processVersion, data: proposalIn('HN-HD-HC', variant) },
  });
  expect(res.status).toBe(201);
  expect(res.body.processVersion).toBe(processVersion);
  return res.body.id as string;
}

/** A 60 M repair submitted and appraised by the district at `approvedAmount`, with the appraisal's answer. */
async function repairReviewed(approvedAmount: number, processVersion = 3) {
  const id = await create('.repair', processVersion);
  await act('xa.hacau', id, { action: 'submit' });
  const review = { ...example('housing-review@1'), approvedAmount };
  return { id, answer: await act('quan.hadong', id, { action: 'approve', data: review }) };
}

/** A 422 with exactly one amount-limit problem, at `path`, in Vietnamese (the default language). */
function expectOneProblem(res: { status: number; body: any }, path: string, message: string): void {
  expect(res.status).toBe(422);
  expect(res.body.error.fields).toEqual([{ path, keyword: 'amountLimit', message }]);
}

beforeAll(async () => {
  const process = readJson('domain/process/definitions/housing-support-2024@3.json');
  // Version 90 pays in tranches: after tranche 1 the dossier stays at the disbursement for the next one.
  const disbursement = process.steps.find((s: { id: string }) => s.id === 'disbursement');
  disbursement.facts = { ...disbursement.facts, trancheNumber: '/trancheNumber' };
  disbursement.transitions = [
    { ...disbursement.transitions[0], to: 'disbursement', end: undefined, when: { fact: 'trancheNumber', eq: 1 } },
    disbursement.transitions[0],
  ];
  const tranches = await ctx.api.call('POST', '/api/admin/processes', {
    as: 'admin.hanoi',
    body: JSON.parse(JSON.stringify({ ...process, version: 90 })),
  });
  expect(tranches.status).toBe(201);
});

describe('amounts that agree', () => {
  it.each([
    ['housing-support-2024', 'HN-HD-HC', 'xa.hacau', 4],
    ['housing-support-2025', 'HN-KIENHUNG', 'xa2025.kienhung', 6],
  ])(
    'refuses on the shipped latest %s a 100 M proposal whose funding lines add up to 10 M, at the list, and creates no dossier',
    async (processKey, unitCode, user, latest) => {
      // The newest version shipped in domain/process/definitions/, the one new dossiers of the programme start on.
      const shipped = fs
        .readdirSync(path.join(root, 'domain', 'process', 'definitions'))
        .filter((file) => file.startsWith(`${processKey}@`))
        .map((file) => Number(file.slice(processKey.length + 1, -'.json'.length)));
      expect(Math.max(...shipped)).toBe(latest);
      const data = proposalIn(unitCode);
      data.support.fundingSources = [{ source: 'poor_fund', amount: 10_000_000 }];
      const before = await ctx.system.models.DossierView.countDocuments();
      const res = await ctx.api.call('POST', '/api/dossiers', {
        as: user,
        body: { processKey, processVersion: latest, data },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.fields).toEqual([
        {
          path: '/data/support/fundingSources',
          keyword: 'amounts',
          message: 'Nguồn kinh phí: tổng số tiền (10.000.000 đ) phải bằng Số tiền đề nghị hỗ trợ (100.000.000 đ)',
        },
      ]);
      expect(await ctx.system.models.DossierView.countDocuments()).toBe(before);
      expect(
        await ctx.system.models.Submission.countDocuments({
          form: { $in: ['housing-proposal@2', 'housing-proposal@3'] },
        }),
      ).toBe(0);
    },
  );

  it('serves the shipped form versions with their rules, so the browser checks them before sending', async () => {
    for (const [key, items] of [
      ['housing-proposal', '/support/fundingSources/*/amount'],
      ['housing-decision', '/fundingSplit/*/amount'],
    ]) {
      const form = await ctx.api.call('GET', `/api/forms/${key}/2`, { as: 'xa.hacau' });
      expect(form.status).toBe(200);
      expect(form.body.amountRules).toEqual([expect.objectContaining({ kind: 'sum-equals', items })]);
    }
  });

  it('refuses a decision approving 100 M with a 5 M split, and the dossier stays at the approval', async () => {
    const id = await create();
    await act('xa.hacau', id, { action: 'submit' });
    expect((await act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') })).status).toBe(200);
    const decision = example('housing-decision@1');
    decision.fundingSplit = [{ source: 'poor_fund', amount: 5_000_000 }];
    const refused = await act('tp.hanoi', id, { action: 'approve', data: decision });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ path: '/data/fundingSplit', keyword: 'amounts' }),
    ]);
    expect(refused.body.error.fields[0].message).toContain('(5.000.000 đ)');
    expect(await stepOf(id)).toBe('province-approval');

    const agreed = await act('tp.hanoi', id, { action: 'approve', data: example('housing-decision@1') });
    expect(agreed.status).toBe(200);
    expect(await stepOf(id)).toBe('disbursement');
  });

  it('refuses approving more than was requested: 100 M for a 60 M repair', async () => {
    const { id, answer: refused } = await repairReviewed(100_000_000);
    expectOneProblem(
      refused,
      '/data/approvedAmount',
      'Số tiền phê duyệt (100.000.000 đ) không được vượt quá số tiền đề nghị (60.000.000 đ)',
    );
    expect(await stepOf(id)).toBe('district-review');
  });

  it('refuses paying 95 M on a repair approved at 60 M, and completes it with 60 M', async () => {
    const { id, answer: approval } = await repairReviewed(60_000_000);
    expect(approval.status).toBe(200);
    expect(await stepOf(id)).toBe('disbursement');

    const payment = { ...example('housing-disbursement@1'), amount: 95_000_000 };
    const refused = await act('quy.hadong', id, { action: 'approve', data: payment });
    expectOneProblem(
      refused,
      '/data/amount',
      'Tổng số tiền đã giải ngân (95.000.000 đ) không được vượt quá số tiền phê duyệt (60.000.000 đ)',
    );
    expect(await stepOf(id)).toBe('disbursement');

    const paid = await act('quy.hadong', id, { action: 'approve', data: { ...payment, amount: 60_000_000 } });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'completed' });
  });

  it('adds earlier tranches to a payment: 50 M paid on 60 M approved, then 20 M refused and 10 M accepted', async () => {
    const { id, answer } = await repairReviewed(60_000_000, 90);
    expect(answer.status).toBe(200);
    const tranche = (trancheNumber: number, amount: number) => ({
      ...example('housing-disbursement@1'),
      trancheNumber,
      amount,
      receiptNumber: `UNC-${trancheNumber}/2024`,
    });
    expect((await act('quy.hadong', id, { action: 'approve', data: tranche(1, 50_000_000) })).status).toBe(200);
    expect(await stepOf(id)).toBe('disbursement');

    const refused = await act('quy.hadong', id, { action: 'approve', data: tranche(2, 20_000_000) });
    expectOneProblem(
      refused,
      '/data/amount',
      'Tổng số tiền đã giải ngân (70.000.000 đ) không được vượt quá số tiền phê duyệt (60.000.000 đ)',
    );
    expect(await stepOf(id)).toBe('disbursement');

    const paid = await act('quy.hadong', id, { action: 'approve', data: tranche(2, 10_000_000) });
    expect(paid.body).toMatchObject({ status: 'completed' });
  });
});
