// A first start's inboxes (scripts/seed/demo-inboxes/), loaded through the API twice: the second run writes nothing;
// every level of both chains has a dossier waiting in its officer's inbox, one returned to its ward with its clock
// stopped and two in Định Quán overdue (past their fixed due dates).
import { DEMO_INBOX_DOSSIERS } from '../../scripts/seed/demo-inboxes/demo-inbox-dossiers';
import { loadDemoInboxes } from '../../scripts/seed/demo-inboxes/load-demo-inboxes';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

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
  });
  expect(await views()).toBe(DEMO_INBOX_DOSSIERS.length);

  const waiting: [string, string, string][] = [
    ['yen-nghia-district', 'quan.hadong', 'district-review'],
    ['phu-luong-district', 'quan.hadong', 'district-review'],
    ['dong-mai-returned', 'xa.dongmai', 'proposal'],
    ['duong-noi-city', 'tp.hanoi', 'province-approval'],
    ['bien-giang-order', 'quy.hadong', 'advance-order'],
    ['duong-noi-2025-appraisal', 'tp.hanoi', 'province-appraisal'],
    ['yen-nghia-2025-approval', 'lanhdao.hanoi', 'province-approval'],
    ['phu-tan-list', 'mttq.phutan', 'commune-list'],
    ['la-nga-report', 'mttq.langa', 'commune-report'],
  ];
  for (const [key, officer, step] of waiting) {
    const row = (await inboxOf(officer)).find((r) => r.id === ids.get(key));
    expect({ key, step: row?.currentStep }).toEqual({ key, step });
  }
  const returned = (await inboxOf('xa.dongmai')).find((r) => r.id === ids.get('dong-mai-returned'))!;
  expect(returned.status).toBe('awaiting_supplement');
  const page = await ctx.api.call('GET', `/api/dossiers/${ids.get('dong-mai-returned')}`, { as: 'xa.dongmai' });
  expect(page.body.clock).toMatchObject({ stoppedAt: expect.any(String) });
  for (const [key, officer] of [
    ['phu-tan-list', 'mttq.phutan'],
    ['la-nga-report', 'mttq.langa'],
  ] as const) {
    expect((await inboxOf(officer)).find((r) => r.id === ids.get(key))?.timeliness).toBe('overdue');
  }
  expect((await inboxOf('quan.hadong')).find((r) => r.id === ids.get('yen-nghia-district'))?.timeliness).toBe(
    'not_due',
  );
});
