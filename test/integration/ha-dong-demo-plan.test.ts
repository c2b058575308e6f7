// The Hà Đông plan of seed 004 loaded into a real system (Temporal, FerretDB, the API) as the demo loads it: every
// support with a shipped process becomes a dossier decided through the API by the demo's officers, and the ledger
// then holds exactly the plan's commitments by source; a second load adds nothing. As in the demo, the plan goes
// through an API with validity off (the seed era's records, units in force on the plan's dates) and the system's own
// API enforces validity; Hà Nội's administrator then carries out the 2025 reform for what the plan left open.
import { haDongHouseholds } from '../../scripts/seed/ha-dong-2024/ha-dong-households';
import { HA_DONG_PLAN } from '../../scripts/seed/ha-dong-2024/ha-dong-plan';
import { HA_DONG_SOURCES } from '../../scripts/seed/ha-dong-2024/ha-dong-sources';
import { haDongSupports } from '../../scripts/seed/ha-dong-2024/ha-dong-supports';
import { loadHaDongPlan } from '../../scripts/seed/ha-dong-2024/load-ha-dong-plan';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { carryOutDemoReform } from '../../scripts/seed/demo-reform/carry-out-demo-reform';
import { HA_NOI_REFORM } from '../../scripts/seed/demo-reform/demo-reforms';
import { openAtRetiredUnits } from '../../scripts/seed/demo-reform/open-at-retired-units';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { apiClient } from './support/api-client';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem(undefined, { enforceUnitValidity: true, seedEraApi: true });
const loadPlan = () =>
  loadHaDongPlan({
    api: apiClient(ctx.system.seedEraBaseUrl!),
    models: ctx.system.models,
    baseUrl: ctx.system.seedEraBaseUrl!,
  });
const supports = haDongSupports(haDongHouseholds());
const loaded = supports;

describe('the Hà Đông plan of seed 004, loaded through the API', () => {
  let first: Awaited<ReturnType<typeof loadHaDongPlan>>;
  beforeAll(async () => {
    first = await loadPlan();
  }, 900_000);

  it('creates one dossier per support, on the seed-era chains, and the plan with its targets', async () => {
    expect(first.withoutProcess).toEqual({});
    expect(first.supports).toBe(loaded.length);
    expect(first.created).toBe(loaded.length);
    const views = await ctx.system.models.DossierView.find({}, { programme: 1, processKey: 1 }).lean();
    const count = (programme: string) => views.filter((view) => view.programme === programme).length;
    expect([count('housing'), count('education'), count('savings_book'), count('household_goods')]).toEqual([
      6, 97, 78, 32,
    ]);
  });

  it('commits, source by source, exactly what the plan gives from it', async () => {
    const entries = await ctx.system.models.LedgerEntry.find({}).lean<LedgerEntryDoc[]>();
    for (const source of HA_DONG_SOURCES) {
      const planned = loaded
        .flatMap((support) => support.sources)
        .filter((share) => share.source === source.key)
        .reduce((sum, share) => sum + share.amount, 0);
      const committed = entries
        .filter((entry) => entry.fundId === source.fundId)
        .reduce(
          (sum, entry) =>
            sum + (entry.kind === 'commitment' ? entry.amount : entry.kind === 'release' ? -entry.amount : 0),
          0,
        );
      expect({ source: source.key, committed }).toEqual({ source: source.key, committed: planned });
    }
  });

  it('reproduces the plan’s table: each target of the plan (by type, by source, by ward) reached exactly', async () => {
    expect(first.plan).toBe('created');
    const plans = await ctx.api.call('GET', '/api/plans?unit=HN-HD', { as: 'quan.hadong' });
    const plan = plans.body.items.find((p: { title: string }) => p.title === HA_DONG_PLAN.title);
    const progress = await ctx.api.call('GET', `/api/plans/${plan.id}/progress`, { as: 'quan.hadong' });
    expect(progress.status).toBe(200);
    const reached = progress.body.targets.map((t: { target: { note: string; value: number }; actual: number }) => ({
      note: t.target.note,
      value: t.target.value,
      actual: t.actual,
    }));
    expect(reached).toHaveLength(HA_DONG_PLAN.targets.length);
    expect(reached).toEqual(reached.map((r: { value: number }) => ({ ...r, actual: r.value })));
  });

  it('leaves work waiting where the plan is still running, and finishes the rest', async () => {
    const views = await ctx.system.models.DossierView.find({}, { programme: 1, status: 1, currentStep: 1 }).lean();
    const at = (programme: string, step: string | null, status?: string) =>
      views.filter((v) => v.programme === programme && v.currentStep === step && (!status || v.status === status))
        .length;
    expect(at('housing', null, 'completed')).toBe(4);
    expect(at('housing', 'completion-acceptance')).toBe(1);
    expect(at('housing', 'advance-confirmation')).toBe(1);
    // Children supported for one school year are done after it; the others wait for the next year's enrolment.
    const oneYear = loaded.filter((s) => s.programme === 'education' && s.schoolYears === 1).length;
    expect(at('education', null, 'completed')).toBe(oneYear);
    expect(at('education', 'enrolment')).toBe(97 - oneYear);
    const waitingBooks = at('savings_book', 'payment-confirmation');
    expect(waitingBooks).toBeGreaterThan(0);
    expect(at('savings_book', null, 'completed') + waitingBooks).toBe(78);
    expect(at('household_goods', null, 'completed')).toBe(32);
  });

  it('adds nothing when loaded again', async () => {
    const again = await loadPlan();
    expect(again).toMatchObject({ created: 0, decisions: 0, skipped: loaded.length, plan: 'exists' });
    expect(await ctx.system.models.DossierView.countDocuments({})).toBe(loaded.length);
  });

  it('leaves nothing open at a retired unit once the 2025 reform is carried out, each move in its history', async () => {
    const today = vietnamDate(new Date());
    const { models } = ctx.system;
    const stranded = await openAtRetiredUnits(models, { day: today });
    expect(stranded).toBeGreaterThan(0);
    const reform = await carryOutDemoReform({ api: ctx.api, models, reform: HA_NOI_REFORM });
    expect(reform).toMatchObject({ atRetiredUnits: stranded, failed: 0, left: 0 });
    expect(reform.moved).toBe(reform.planned);
    expect(await openAtRetiredUnits(models, { day: today })).toBe(0);
    // Nor will a later step reach one: the chains of the dossiers finished on their own definitions hold the
    // successors, and the city for the abolished district (an education dossier's next yearly order).
    const retired = new Set(
      (await models.Unit.find({ effectiveTo: { $ne: null, $lt: today } }, { _id: 1 }).lean()).map((u) => u._id),
    );
    const open = await models.DossierView.find(
      { status: { $in: ['received', 'in_progress', 'awaiting_supplement'] }, unitChain: 'HN' },
      { unitChain: 1 },
    ).lean();
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((d) => d.unitChain.some((code) => retired.has(code)))).toEqual([]);

    // An education dossier of Phú Lương waiting for its enrolment is now the successor ward's work, by a decision.
    const moved = await models.DossierView.findOne({
      programme: 'education',
      currentStep: 'enrolment',
      processingUnit: 'HN-PHULUONG',
    }).lean();
    expect(moved).not.toBeNull();
    const inbox = await ctx.api.call('GET', '/api/inbox?limit=100', { as: 'xa2025.phuluong' });
    expect(inbox.body.items.map((row: { id: string }) => row.id)).toContain(moved!._id);
    const page = await ctx.api.call('GET', `/api/dossiers/${moved!._id}`, { as: 'xa2025.phuluong' });
    const transfer = page.body.history.find((h: { transfer?: unknown }) => h.transfer);
    expect(transfer).toMatchObject({ comment: expect.stringContaining('1656/NQ-UBTVQH15') });

    expect(await carryOutDemoReform({ api: ctx.api, models, reform: HA_NOI_REFORM })).toMatchObject({
      atRetiredUnits: 0,
      planned: 0,
    });
  });
});
