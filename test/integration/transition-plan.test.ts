import { getState, type DossierState } from '../../workflows/messages';
import { DOSSIER_PROCESS, DOSSIER_UNIT } from '../../workflows/search-attributes';
import { example, proposalIn } from './support/form-examples';
import { recordHistory } from './support/record-history';
import { useTestSystem } from './support/use-test-system';

/**
 * The 1 July 2025 reform carried out by a transition plan, on the real Temporal server and the real database: open
 * dossiers of the pre-2025 chain (Hà Đông wards → Quận Hà Đông → Hà Nội) move to the post-2025 chain
 * (new ward → Hà Nội) and to housing-support-2025's equivalent step, each by a recorded `transfer` decision.
 */
const ctx = useTestSystem();

const stateOf = (dossierId: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(dossierId)).query(getState);

const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });

/** A pre-2025 housing dossier (2024@3) from the ward, sent to the district's review. */
async function atDistrictReview(user: string, unitCode: string): Promise<string> {
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(unitCode) },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await act(user, id, { action: 'submit' })).body).toMatchObject({ currentStep: 'district-review' });
  return id;
}

const PLAN = {
  name: 'Sắp xếp đơn vị hành chính Hà Nội 2025',
  legalBasis: 'Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025',
  reformDate: '2025-07-01',
  definitionMapping: [
    ['proposal', 'proposal'],
    ['district-review', 'province-approval'],
    ['province-approval', 'province-approval'],
  ].map(([from, to]) => ({
    from: { processKey: 'housing-support-2024', processVersion: 3, step: from },
    to: { processKey: 'housing-support-2025', processVersion: 2, step: to },
  })),
};

interface Entry {
  dossierId: string;
  action: string;
  result?: string;
  to: { unitCode: string | null; step: string | null; processKey: string } | null;
  problems: { code: string }[];
}
const entryOf = (report: { entries: Entry[] }, id: string) => report.entries.find((e) => e.dossierId === id);

describe('the transition plan of the 1 July 2025 reform', () => {
  it('moves the dossiers waiting at the abolished district to the city, reports every open one, and never twice', async () => {
    const haCau = await atDistrictReview('xa.hacau', 'HN-HD-HC');
    const yenNghia = await atDistrictReview('xa.yennghia', 'HN-HD-YN');
    // Returned to its ward for supplement: it waits for its applicant and cannot be moved now (reported, not lost).
    const phuLuong = await atDistrictReview('xa.phuluong', 'HN-HD-PL');
    const returned = await act('quan.hadong', phuLuong, { action: 'return', comment: 'Thiếu giấy tờ nhà đất' });
    expect(returned.status).toBe(200);

    // Before the plan: routing is fixed at creation.
    const early = await act('tp.hanoi', haCau, { action: 'approve', data: example('housing-decision@1') });
    expect(early.status).toBe(403);
    expect((await ctx.api.call('GET', `/api/dossiers/${haCau}`, { as: 'xa2025.hadong' })).status).toBe(404);

    const created = await ctx.api.call('POST', '/api/admin/transition-plans', { as: 'admin.hanoi', body: PLAN });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    expect(created.body).toMatchObject({ name: PLAN.name, executed: false, unitMapping: [] });

    // Dry run: the report, and nothing changed.
    const before = await stateOf(haCau);
    const dry = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/dry-run`, { as: 'admin.hanoi' });
    expect(dry.status).toBe(200);
    expect(entryOf(dry.body, haCau)).toMatchObject({
      action: 'move',
      from: { processKey: 'housing-support-2024', step: 'district-review', unitCode: 'HN-HD' },
      to: { processKey: 'housing-support-2025', processVersion: 2, step: 'province-approval', unitCode: 'HN' },
    });
    expect(entryOf(dry.body, yenNghia)).toMatchObject({ action: 'move', to: { unitCode: 'HN' } });
    expect(entryOf(dry.body, phuLuong)).toMatchObject({ action: 'blocked', problems: [{ code: 'not_movable' }] });
    expect((await stateOf(haCau)).seq).toBe(before.seq);

    // Every open dossier under the abolished district is in the report: nothing stranded unseen.
    const open = await ctx.system.models.DossierView.find(
      { currentStep: { $ne: null }, unitChain: 'HN-HD' },
      { _id: 1 },
    )
      .lean()
      .then((docs) => docs.map((d) => d._id).sort());
    expect(dry.body.entries.map((e: Entry) => e.dossierId).sort()).toEqual(open);
    expect(dry.body.counts.dossiers).toBe(open.length);

    const run = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/execute`, { as: 'admin.hanoi' });
    expect(run.status).toBe(200);
    expect(entryOf(run.body, haCau)).toMatchObject({ action: 'move', result: 'moved' });
    expect(entryOf(run.body, yenNghia)).toMatchObject({ action: 'move', result: 'moved' });
    expect(entryOf(run.body, phuLuong)).toMatchObject({ action: 'blocked' });
    expect(await ctx.system.models.TransitionReport.countDocuments({ planId })).toBe(2);

    // The move is a recorded decision, the workflow runs the new definition on the new chain, the read model follows.
    const moved = await stateOf(haCau);
    expect(moved).toMatchObject({
      processKey: 'housing-support-2025',
      processVersion: 2,
      currentStep: 'province-approval',
      processingUnit: 'HN',
      units: { commune: 'HN-HADONG', province: 'HN' },
    });
    const record = moved.history.at(-1)!;
    expect(record).toMatchObject({
      action: 'transfer',
      fromStep: 'district-review',
      toStep: 'province-approval',
      actor: { userId: 'admin.hanoi', role: 'admin' },
      comment: `${PLAN.name} — ${PLAN.legalBasis}`,
      transfer: {
        transferId: `${planId}:${haCau}`,
        from: { processKey: 'housing-support-2024', processVersion: 3, unitCode: 'HN-HD' },
        to: { processKey: 'housing-support-2025', processVersion: 2, unitCode: 'HN' },
      },
    });
    // SLA rule: the step's clock restarts on the transfer instant; the overall due time stays.
    expect(moved.clock?.stepClockFrom).toBe(record.at);
    expect(moved.clock?.overallDueAt).toBe(before.clock?.overallDueAt);
    expect(moved.dueAt! > record.at).toBe(true);
    const view = await ctx.system.models.DossierView.findById(haCau).lean();
    expect(view).toMatchObject({
      processKey: 'housing-support-2025',
      processingUnit: 'HN',
      seq: moved.seq,
      dueAt: new Date(moved.dueAt!),
    });
    const described = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(haCau)).describe();
    expect(described.typedSearchAttributes.get(DOSSIER_UNIT)).toBe('HN');
    expect(described.typedSearchAttributes.get(DOSSIER_PROCESS)).toBe('housing-support-2025@2');

    // The processing-control slip shows the move as a hand-off of its own, with its label.
    const slip = await ctx.api.call('GET', `/api/dossiers/${haCau}/control-slip`, { as: 'tp.hanoi' });
    expect(slip.status).toBe(200);
    expect(slip.body.rows.at(-1)).toMatchObject({
      action: 'transfer',
      result: { vi: 'Chuyển theo phương án sắp xếp đơn vị' },
      to: { unitCode: 'HN', step: 'province-approval' },
    });

    // After it: the city's department acts, the successor ward reads, the abolished district's officer cannot act.
    const inbox = await ctx.api.call('GET', '/api/inbox', { as: 'tp.hanoi' });
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(haCau);
    expect((await ctx.api.call('GET', `/api/dossiers/${haCau}`, { as: 'xa2025.hadong' })).status).toBe(200);
    const stale = await act('quan.hadong', yenNghia, { action: 'approve', data: example('housing-review@1') });
    // Not one of its dossiers any more: 404, as for any dossier outside the caller's units.
    expect(stale.status).toBe(404);
    expect((await stateOf(yenNghia)).currentStep).toBe('province-approval');
    const approved = await act('tp.hanoi', haCau, { action: 'approve', data: example('housing-decision@1') });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ currentStep: 'disbursement', processingUnit: 'HN' });

    // A re-run moves nothing twice.
    const seqs = [(await stateOf(haCau)).seq, (await stateOf(yenNghia)).seq];
    const again = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/execute`, { as: 'admin.hanoi' });
    expect(again.status).toBe(200);
    expect(entryOf(again.body, haCau)).toMatchObject({ action: 'already_moved' });
    expect(entryOf(again.body, yenNghia)).toMatchObject({ action: 'already_moved' });
    expect(again.body.entries.filter((e: Entry) => e.result === 'moved')).toEqual([]);
    expect([(await stateOf(haCau)).seq, (await stateOf(yenNghia)).seq]).toEqual(seqs);
    expect((await stateOf(yenNghia)).history.filter((r) => r.action === 'transfer')).toHaveLength(1);

    // Finished on the new chain by the city's treasury; its history (a transfer, then the new definition's steps)
    // is recorded for the replay test (`npm run replay:record`).
    const paid = await act('khobac.hanoi', haCau, { action: 'approve', data: example('housing-disbursement@1') });
    expect(paid.body).toMatchObject({ status: 'completed', currentStep: null });
    await recordHistory(ctx.system.temporal, 'housing-support-2024@3-transferred', ctx.system.workflowIdOf(haCau));
  });

  it('reports a dossier whose step has no equivalent and refuses a plan naming an unknown step (422 at the field)', async () => {
    const id = await atDistrictReview('xa.duongnoi', 'HN-HD-DN');
    const partial = { ...PLAN, definitionMapping: PLAN.definitionMapping.slice(0, 1) };
    const created = await ctx.api.call('POST', '/api/admin/transition-plans', { as: 'admin.hanoi', body: partial });
    expect(created.status).toBe(201);
    const dry = await ctx.api.call('POST', `/api/admin/transition-plans/${created.body.id}/dry-run`, {
      as: 'admin.hanoi',
    });
    expect(entryOf(dry.body, id)).toMatchObject({ action: 'blocked', problems: [{ code: 'no_equivalent_step' }] });

    const wrong = structuredClone(PLAN);
    wrong.definitionMapping[1]!.to.step = 'district-review';
    const refused = await ctx.api.call('POST', '/api/admin/transition-plans', { as: 'admin.hanoi', body: wrong });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields[0].path).toBe('/definitionMapping/1/to/step');
    const officer = await ctx.api.call('POST', '/api/admin/transition-plans', { as: 'tp.hanoi', body: PLAN });
    expect(officer.status).toBe(403);

    // Another province's administrator can neither name this dossier in a plan of its own, nor read or run a plan
    // that names no unit of its own.
    const foreign = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.dongnai',
      body: { ...partial, finishOnOld: [{ dossierId: id, unitCode: 'DN' }] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields[0].path).toBe('/finishOnOld/0/dossierId');
    for (const path of ['', '/dry-run', '/execute']) {
      const method = path === '' ? 'GET' : 'POST';
      const res = await ctx.api.call(method, `/api/admin/transition-plans/${created.body.id}${path}`, {
        as: 'admin.dongnai',
      });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });
});
