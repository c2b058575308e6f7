// Preferential loans of the Bank for Social Policies (seed 001: "hỗ trợ hồ sơ tiếp cận nguồn vốn cho vay 100% hộ
// nghèo, hộ cận nghèo, hộ mới thoát nghèo"), in the seed-era chain (the district's bank office) and after the 2025
// reform (the city branch): through the API and the real workflow, the commune proposes, the ward's
// poverty-reduction board confirms, the bank approves and records the disbursement; the amounts are held at each
// step by the one before (field-level 422), the purpose's cap is the form's, the dossier carries the loan's amounts
// and the support report counts the loans by purpose and commune.
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { example } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const M = 1_000_000;
const definitionsDir = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions');
const definitions: ProcessDefinition[] = ['credit-access-2024@1', 'credit-access-2025@1'].map(
  (ref) => JSON.parse(fs.readFileSync(path.join(definitionsDir, `${ref}.json`), 'utf8')) as ProcessDefinition,
);

/** The demo accounts of each chain: the ward, its poverty-reduction board, the bank's officer, a reader above. */
const CHAIN = {
  'credit-access-2024': { commune: 'HN-HD-HC', officer: 'xa.hacau', board: 'tindung.hacau', bank: 'nhcs.hadong' },
  'credit-access-2025': {
    commune: 'HN-KIENHUNG',
    officer: 'xa2025.kienhung',
    board: 'tindung.kienhung',
    bank: 'nhcs.hanoi',
  },
} as const;

const fieldPaths = (body: { error?: { fields?: { path: string }[] } }) => (body.error?.fields ?? []).map((f) => f.path);

describe.each(definitions.map((d) => [`${d.key}@${d.version}`, d] as const))('%s', (_ref, d) => {
  const chain = CHAIN[d.key as keyof typeof CHAIN];
  const act = (as: string, id: string, body: Record<string, unknown>) =>
    ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as, body });
  const proposal = (variant = '') => {
    const data = example(`credit-loan-proposal@1${variant}`);
    data.household.address.unitCode = chain.commune;
    return data;
  };
  const create = (data: Record<string, unknown>) =>
    ctx.api.call('POST', '/api/dossiers', {
      as: chain.officer,
      body: { processKey: d.key, processVersion: d.version, data },
    });

  it('is confirmed by the board, approved by the bank and disbursed, each amount held by the one before', async () => {
    const from = vietnamDate(new Date());
    const created = await create(proposal());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await act(chain.officer, id, { action: 'submit' })).body.currentStep).toBe('board-confirmation');

    // Only the ward's board confirms; the bank may not act yet.
    expect(
      (await act(chain.bank, id, { action: 'approve', data: example('credit-board-confirmation@1') })).status,
    ).toBe(403);
    const overConfirmed = await act(chain.board, id, {
      action: 'approve',
      data: { ...example('credit-board-confirmation@1'), confirmedAmount: 61 * M },
    });
    expect([overConfirmed.status, fieldPaths(overConfirmed.body)]).toEqual([422, ['/data/confirmedAmount']]);
    const confirmed = await act(chain.board, id, {
      action: 'approve',
      data: { ...example('credit-board-confirmation@1'), confirmedAmount: 50 * M },
    });
    expect([confirmed.status, confirmed.body.currentStep]).toEqual([200, 'bank-decision']);

    const overApproved = await act(chain.bank, id, {
      action: 'approve',
      data: { ...example('credit-loan-decision@1'), approvedAmount: 60 * M },
    });
    expect([overApproved.status, fieldPaths(overApproved.body)]).toEqual([422, ['/data/approvedAmount']]);
    const approved = await act(chain.bank, id, {
      action: 'approve',
      data: { ...example('credit-loan-decision@1'), approvedAmount: 50 * M },
    });
    expect([approved.status, approved.body.currentStep]).toEqual([200, 'disbursement']);

    const overPaid = await act(chain.bank, id, {
      action: 'approve',
      data: { ...example('credit-disbursement@1'), disbursedAmount: 50 * M + 1000 },
    });
    expect([overPaid.status, fieldPaths(overPaid.body)]).toEqual([422, ['/data/disbursedAmount']]);
    const done = await act(chain.bank, id, {
      action: 'approve',
      data: { ...example('credit-disbursement@1'), disbursedAmount: 50 * M },
    });
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'completed' });

    const view = await ctx.system.models.DossierView.findById(id).lean();
    expect([view?.programme, view?.facts?.supportType, view?.amounts]).toEqual([
      'credit_access',
      'loan_production',
      { requested: 60 * M, approved: 50 * M, disbursed: 50 * M },
    ]);
    const detail = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: chain.bank });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'submit',
      'approve',
      'approve',
      'approve',
    ]);

    // The support report of the ward counts the loan: proposed, approved, completed, one household.
    const report = await ctx.api.call('GET', `/api/reports/support?unit=${chain.commune}&from=${from}&to=${from}`, {
      as: chain.officer,
    });
    expect(report.status).toBe(200);
    const row = report.body.bySupportType.find((r: { supportType: string }) => r.supportType === 'loan_production');
    expect(row).toMatchObject({ proposed: 1, approved: 1, completed: 1, beneficiaries: 1 });
    expect(row.label.vi).toBe('Vay vốn ưu đãi NHCSXH — Vay phát triển sản xuất, kinh doanh');
  });

  it("refuses a housing loan above the purpose's cap (50,000,000 VND, 180 months) field by field, storing nothing", async () => {
    const before = await ctx.system.models.DossierView.countDocuments({});
    const tooMuch = { ...proposal('.housing'), requestedAmount: 60 * M, termMonths: 240 };
    const refused = await create(tooMuch);
    expect(refused.status).toBe(422);
    expect(fieldPaths(refused.body).sort()).toEqual(['/data/requestedAmount', '/data/termMonths']);
    const noCertificate = proposal();
    delete noCertificate.household.povertyCertificateNo;
    const missing = await create(noCertificate);
    expect([missing.status, fieldPaths(missing.body)]).toEqual([422, ['/data/household/povertyCertificateNo']]);
    expect(await ctx.system.models.DossierView.countDocuments({})).toBe(before);
    // A newly escaped household needs no certificate; the housing cap itself is accepted.
    const escaped = proposal('.housing');
    escaped.household.povertyStatus = 'escaped_poverty';
    delete escaped.household.povertyCertificateNo;
    expect((await create(escaped)).status).toBe(201);
  });

  it('is refused by the board with a reason, and returned by the bank to the commune for a supplement', async () => {
    const first = (await create(proposal())).body.id as string;
    await act(chain.officer, first, { action: 'submit' });
    expect((await act(chain.board, first, { action: 'reject' })).status).toBe(422); // a reason is required
    expect(
      (await act(chain.board, first, { action: 'reject', comment: 'Hộ không còn nhu cầu vay' })).body,
    ).toMatchObject({ status: 'rejected', outcome: 'rejected' });

    const second = (await create(proposal())).body.id as string;
    await act(chain.officer, second, { action: 'submit' });
    await act(chain.board, second, { action: 'approve', data: example('credit-board-confirmation@1') });
    const returned = await act(chain.bank, second, { action: 'return', comment: 'Bổ sung phương án sử dụng vốn' });
    expect([returned.status, returned.body.status, returned.body.currentStep]).toEqual([
      200,
      'awaiting_supplement',
      'proposal',
    ]);
  });
});
