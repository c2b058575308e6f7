// A first start's inboxes (scripts/seed/demo-inboxes/), loaded twice through an API that enforces units' validity, as
// the demo's served API does: the second run writes nothing; every level of today's chain (housing-support-2025@6 in
// the post-2025 wards of Hà Nội, and the loans of credit-access-2025@1) has a dossier waiting in its officer's inbox,
// every ward's officer has one to act on, one is returned to its ward with its clock stopped, two loans are disbursed
// with collections that the half-yearly loan report adds up; and a retired ward can no longer open one.
import { DEMO_INBOX_DOSSIERS } from '../../scripts/seed/demo-inboxes/demo-inbox-dossiers';
import { loadDemoInboxes } from '../../scripts/seed/demo-inboxes/load-demo-inboxes';
import { useTestSystem } from './support/use-test-system';
import { eventually } from './support/eventually';
import { RECEIPT_MAX_AGE_DAYS } from '../../domain/sla/receipt-problem';

const DAY = 86_400_000;

const ctx = useTestSystem(undefined, { enforceUnitValidity: true });

interface InboxRow {
  id: string;
  currentStep: string | null;
  status: string;
  timeliness: string | null;
}
const inboxOf = async (username: string): Promise<InboxRow[]> => {
  const res = await ctx.api.call('GET', '/api/inbox?limit=100', { as: username });
  expect(res.status).toBe(200);
  return res.body.items;
};

it('leaves a dossier waiting at each level, once, whatever the number of runs', async () => {
  const first = await loadDemoInboxes({ api: ctx.api, models: ctx.system.models });
  expect(first).toMatchObject({
    dossiers: DEMO_INBOX_DOSSIERS.length,
    created: DEMO_INBOX_DOSSIERS.length,
    skipped: 0,
  });
  const ids = new Map(
    await Promise.all(
      DEMO_INBOX_DOSSIERS.map(
        async (d) =>
          [d.key, (await ctx.system.models.Setting.findById(`demo:inboxes:${d.key}`).lean())!.value] as const,
      ),
    ),
  );
  const views = async () => ctx.system.models.DossierView.countDocuments({ _id: { $in: [...ids.values()] } });
  expect(await views()).toBe(DEMO_INBOX_DOSSIERS.length);

  expect(await loadDemoInboxes({ api: ctx.api, models: ctx.system.models })).toEqual({
    dossiers: DEMO_INBOX_DOSSIERS.length,
    created: 0,
    decisions: 0,
    skipped: DEMO_INBOX_DOSSIERS.length,
    loanEntries: 0,
  });
  expect(await views()).toBe(DEMO_INBOX_DOSSIERS.length);
  const loans = DEMO_INBOX_DOSSIERS.filter((d) => d.loan);
  expect(first.loanEntries).toBe(loans.reduce((n, d) => n + d.loan!.entries.length, 0));
  expect(await ctx.system.models.LoanEntry.countDocuments({})).toBe(first.loanEntries);

  // The disbursed loans make the city's half-yearly loan reports not empty (due 05/01/2026 and 05/07/2026).
  for (const period of ['2025-H2', '2026-H1']) {
    const report = await ctx.api.call('GET', `/api/reports/loans?unit=HN&period=${period}`, { as: 'nhcs.hanoi' });
    expect([report.status, report.body.rows.length]).toEqual([200, loans.length]);
    expect(report.body.totals.principalCollected).toBeGreaterThan(0);
  }

  const waiting: [string, string, string][] = [
    ['yen-nghia-appraisal', 'tp.hanoi', 'province-appraisal'],
    ['phu-luong-appraisal', 'tp.hanoi', 'province-appraisal'],
    ['duong-noi-2025-appraisal', 'tp.hanoi', 'province-appraisal'],
    ['ha-dong-returned', 'xa2025.hadong', 'proposal'],
    ['yen-nghia-2025-approval', 'lanhdao.hanoi', 'province-approval'],
    ['kien-hung-order', 'khobac.hanoi', 'advance-order'],
    ['phu-luong-completion', 'xa2025.phuluong', 'completion-acceptance'],
    ['yen-nghia-draft', 'xa2025.yennghia', 'proposal'],
    ['duong-noi-draft', 'xa2025.duongnoi', 'proposal'],
    ['kien-hung-draft', 'xa2025.kienhung', 'proposal'],
    ['kien-hung-loan-board', 'tindung.kienhung', 'board-confirmation'],
    ['kien-hung-loan-bank', 'nhcs.hanoi', 'bank-decision'],
  ];
  for (const [key, officer, step] of waiting) {
    const row = (await inboxOf(officer)).find((r) => r.id === ids.get(key));
    expect({ key, step: row?.currentStep }).toEqual({ key, step });
  }
  expect(new Set(DEMO_INBOX_DOSSIERS.map((d) => `${d.processKey}@${d.processVersion}`))).toEqual(
    new Set(['housing-support-2025@6', 'credit-access-2025@1']),
  );
  const returned = (await inboxOf('xa2025.hadong')).find((r) => r.id === ids.get('ha-dong-returned'))!;
  expect(returned.status).toBe('awaiting_supplement');
  const page = await ctx.api.call('GET', `/api/dossiers/${ids.get('ha-dong-returned')}`, { as: 'xa2025.hadong' });
  expect(page.body.clock).toMatchObject({ stoppedAt: expect.any(String) });
  expect((await inboxOf('tp.hanoi')).find((r) => r.id === ids.get('yen-nghia-appraisal'))?.timeliness).toBe('not_due');

  // The proposals received on paper days before start-up: their clocks started at the receipt (computed at load
  // time on the ward's calendar), so their timers fired at once and the wards' inboxes show them overdue / near due.
  for (const [key, officer, timeliness] of [
    ['duong-noi-draft', 'xa2025.duongnoi', 'overdue'],
    ['kien-hung-draft', 'xa2025.kienhung', 'near_due'],
  ] as const) {
    const dossier = await ctx.api.call('GET', `/api/dossiers/${ids.get(key)}`, { as: officer });
    const created = dossier.body.history[0];
    expect(dossier.body.openedAt).toBe(created.receivedAt);
    expect(Date.parse(created.at) - Date.parse(created.receivedAt)).toBeGreaterThan(DAY / 2);
    expect(Date.parse(created.at) - Date.parse(created.receivedAt)).toBeLessThan(RECEIPT_MAX_AGE_DAYS * DAY);
    const row = await eventually(`${key} ${timeliness} in its ward's inbox`, async () =>
      (await inboxOf(officer)).find((r) => r.id === ids.get(key) && r.timeliness === timeliness),
    );
    expect(row.currentStep).toBe('proposal');
  }
  expect((await inboxOf('xa2025.yennghia')).find((r) => r.id === ids.get('yen-nghia-draft'))?.timeliness).toBe(
    'not_due',
  );
});

it('refuses a dossier at a ward retired on 30/06/2025, at its unit, naming it', async () => {
  const proposal = DEMO_INBOX_DOSSIERS.find((d) => d.key === 'yen-nghia-appraisal')!.data as {
    household: { address: Record<string, unknown> };
  };
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.yennghia',
    body: {
      processKey: 'housing-support-2024',
      processVersion: 4,
      data: {
        ...proposal,
        household: { ...proposal.household, address: { ...proposal.household.address, unitCode: 'HN-HD-YN' } },
      },
    },
  });
  expect(res.status).toBe(422);
  expect(res.body.error.fields).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ path: '/unitCode', message: expect.stringMatching(/Yên Nghĩa/) }),
    ]),
  );
});
