import { diffSlaCounters } from '../../read-model/sla/diff-sla-counters';
import { getState, type DossierState } from '../../workflows/messages';
import { DOSSIER_PROCESS, DOSSIER_UNIT } from '../../workflows/search-attributes';
import { atDistrictReview } from './support/at-district-review';
import { completionProcess, PNG } from './support/completion-process';
import { example, proposalIn } from './support/form-examples';
import { pdfText } from './support/pdf-text';
import { recordHistory } from './support/record-history';
import { REFORM_2025_PLAN } from './support/reform-2025-plan';
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

async function uploadPhoto(as: string): Promise<string> {
  const res = await fetch(`${ctx.system.baseUrl}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await ctx.api.token(as)}`, 'content-type': 'image/png' },
    body: PNG,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { fileId: string }).fileId;
}

/** Polls until the SLA counters equal a recount of the read model (the projections of the last actions landed). */
async function countersSettled(): Promise<void> {
  let drifts = (await diffSlaCounters(ctx.system.models)).drifts;
  for (let i = 0; drifts.length > 0 && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    drifts = (await diffSlaCounters(ctx.system.models)).drifts;
  }
  expect(drifts).toEqual([]);
}

const PLAN = { name: 'Sắp xếp đơn vị hành chính Hà Nội 2025', ...REFORM_2025_PLAN };

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
    const haCau = await atDistrictReview(ctx.api, 'xa.hacau', 'HN-HD-HC');
    const yenNghia = await atDistrictReview(ctx.api, 'xa.yennghia', 'HN-HD-YN');
    // Returned to its ward for supplement: it waits for its applicant and cannot be moved now (reported, not lost).
    const phuLuong = await atDistrictReview(ctx.api, 'xa.phuluong', 'HN-HD-PL');
    const returned = await act('quan.hadong', phuLuong, { action: 'return', comment: 'Thiếu giấy tờ nhà đất' });
    expect(returned.status).toBe(200);

    // Before the plan: routing is fixed at creation.
    const early = await act('tp.hanoi', haCau, { action: 'approve', data: example('housing-decision@1') });
    expect(early.status).toBe(403);
    expect((await ctx.api.call('GET', `/api/dossiers/${haCau}`, { as: 'xa2025.hadong' })).status).toBe(404);

    // No grant ends here (the district's officers keep their roles for the later tests; the last test ends them).
    const created = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.hanoi',
      body: { ...PLAN, grantsEnd: [] },
    });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    expect(created.body).toMatchObject({ name: PLAN.name, executed: false, unitMapping: [], run: null });

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
    // The plan names its latest run, counted to its end (the admin page follows it while it runs).
    const ranOf = async () =>
      (await ctx.api.call('GET', `/api/admin/transition-plans/${planId}`, { as: 'admin.hanoi' })).body.run;
    expect(await ranOf()).toEqual({
      reportId: dry.body.id,
      kind: 'dry_run',
      state: 'finished',
      done: open.length,
      total: open.length,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      by: expect.any(String),
    });

    const run = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/execute`, { as: 'admin.hanoi' });
    expect(run.status).toBe(200);
    expect(entryOf(run.body, haCau)).toMatchObject({ action: 'move', result: 'moved' });
    expect(entryOf(run.body, yenNghia)).toMatchObject({ action: 'move', result: 'moved' });
    expect(entryOf(run.body, phuLuong)).toMatchObject({ action: 'blocked' });
    expect(await ctx.system.models.TransitionReport.countDocuments({ planId })).toBe(2);
    expect(await ranOf()).toMatchObject({
      reportId: run.body.id,
      kind: 'execute',
      state: 'finished',
      done: run.body.counts.dossiers,
      total: run.body.counts.dossiers,
    });

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
    // Its PDF names each step by the definition it was decided under: the district's review is not a step of the
    // new definition, and the move leaves it by its old title, not by its id.
    const pdf = await fetch(`${ctx.system.baseUrl}/api/dossiers/${haCau}/control-slip.pdf`, {
      headers: { authorization: `Bearer ${await ctx.api.token('tp.hanoi')}` },
    });
    expect(pdf.status).toBe(200);
    const printed = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).flat;
    expect(printed).toContain('Thẩm định của huyện');
    expect(printed).not.toContain('district-review');

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
    const id = await atDistrictReview(ctx.api, 'xa.duongnoi', 'HN-HD-DN');
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

  it('ends and starts definitions and grants: the dry run lists them, the execution applies them once, audited', async () => {
    await ctx.system.processes.publish(completionProcess(1, 'district', 'district-check'), 'test');
    await ctx.system.processes.publish(completionProcess(2, 'province', 'province-check'), 'test');
    // Scope: another province's administrator cannot end a grant here, nor may a grant start at a unit not in force.
    const foreign = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.dongnai',
      body: { ...PLAN, grantsEnd: [{ unitCode: 'HN-HD' }] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields[0].path).toBe('/grantsEnd/0/unitCode');
    const atRetired = { username: 'xa2025.hadong', role: 'district_officer', unitCode: 'HN-HD', from: '2025-07-01' };
    const early = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.hanoi',
      body: { ...PLAN, grantsStart: [atRetired] },
    });
    expect(early.status).toBe(422);
    expect(early.body.error.fields[0].path).toBe('/grantsStart/0/unitCode');
    // Nor to a person of another province (Định Quán's treasurer): read as unknown, as the users API does.
    const stranger = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.hanoi',
      body: { ...PLAN, grantsStart: [{ ...atRetired, username: 'quy.dinhquan', unitCode: 'HN-HADONG' }] },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.fields[0].path).toBe('/grantsStart/0/username');
    // The users API applies the same rule to a grant with a start day.
    const direct = await ctx.api.call('POST', '/api/admin/users/xa2025.hadong/grants', {
      as: 'admin.hanoi',
      body: { role: 'district_officer', unitCode: 'HN-HD', from: '2025-07-01' },
    });
    expect(direct.status).toBe(422);
    expect(direct.body.error.fields[0].path).toBe('/unitCode');

    // A dossier with an attachment, waiting at the district's check.
    const photoId = await uploadPhoto('xa.hacau');
    const data = { ...example('housing-completion@1'), photos: [{ fileId: photoId }] };
    const withPhoto = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'test-completion', processVersion: 1, data },
    });
    expect(withPhoto.status).toBe(201);
    const photoDossier = withPhoto.body.id as string;
    expect((await act('xa.hacau', photoDossier, { action: 'submit' })).status).toBe(200);
    const readPhoto = async (user: string) =>
      (
        await fetch(`${ctx.system.baseUrl}/api/files/${photoId}`, {
          headers: { authorization: `Bearer ${await ctx.api.token(user)}` },
        })
      ).status;
    expect(await readPhoto('xa2025.hadong')).toBe(404);

    const newWard = { username: 'quan.hadong', role: 'commune_officer', unitCode: 'HN-HADONG', from: '2025-07-01' };
    const body = {
      ...PLAN,
      definitionMapping: [
        ...PLAN.definitionMapping,
        {
          from: { processKey: 'test-completion', processVersion: 1, step: 'district-check' },
          to: { processKey: 'test-completion', processVersion: 2, step: 'province-check' },
        },
      ],
      grantsStart: [newWard],
    };
    // What a definition offers binds every province: a province's administrator may not narrow it (422 at the field).
    const definitions = {
      definitionsEnd: [{ processKey: 'housing-support-2024', processVersion: 1, lastDay: '2025-06-30' }],
      definitionsStart: [{ processKey: 'housing-support-2025', processVersion: 2, firstDay: '2025-07-01' }],
    };
    const provincial = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.hanoi',
      body: { ...body, ...definitions },
    });
    expect(provincial.status).toBe(422);
    expect(provincial.body.error.fields[0].path).toBe('/definitionsEnd/0/processKey');
    const created = await ctx.api.call('POST', '/api/admin/transition-plans', { as: 'admin.hanoi', body });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    // Default proposal: every grant at a unit the reform retires ends.
    expect(created.body.grantsEnd).toContainEqual({ unitCode: 'HN-HD', username: null, role: null });

    const dry = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/dry-run`, { as: 'admin.hanoi' });
    expect(dry.status).toBe(200);
    const endAtDistrict = { change: 'end', username: 'quan.hadong', role: 'district_officer', unitCode: 'HN-HD' };
    expect(dry.body.grants).toContainEqual(
      expect.objectContaining({
        ...endAtDistrict,
        displayName: expect.stringContaining('Lê Quang Minh'),
        unitName: 'Quận Hà Đông',
      }),
    );
    expect(dry.body.grants).toContainEqual(expect.objectContaining({ change: 'start', ...newWard, problems: [] }));
    expect(dry.body.definitions).toEqual([]);
    // The national administrator's plan for the definitions: its dry run lists what changes.
    const national = await ctx.api.call('POST', '/api/admin/transition-plans', {
      as: 'admin.quocgia',
      body: { ...PLAN, ...definitions },
    });
    expect(national.status).toBe(201);
    const nationalRun = (kind: string) =>
      ctx.api.call('POST', `/api/admin/transition-plans/${national.body.id as string}/${kind}`, {
        as: 'admin.quocgia',
      });
    const nationalDry = await nationalRun('dry-run');
    expect(nationalDry.status).toBe(200);
    expect(nationalDry.body.definitions).toEqual([
      expect.objectContaining({
        processKey: 'housing-support-2024',
        processVersion: 1,
        change: 'end',
        before: {},
        after: { effectiveTo: '2025-06-30' },
      }),
      expect.objectContaining({
        processKey: 'housing-support-2025',
        processVersion: 2,
        change: 'start',
        before: { effectiveFrom: '2025-07-01' },
        after: { effectiveFrom: '2025-07-01' },
      }),
    ]);
    // The dry run changed nothing.
    const grantsOf = async (user: string) => (await ctx.system.models.User.findById(user).lean())!.grants;
    expect(await grantsOf('quan.hadong')).toEqual([{ role: 'district_officer', unitCode: 'HN-HD' }]);

    const run = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/execute`, { as: 'admin.hanoi' });
    expect(run.status).toBe(200);
    expect(run.body.grants).toContainEqual(expect.objectContaining({ ...endAtDistrict, result: 'ended' }));
    expect(run.body.grants).toContainEqual(expect.objectContaining({ change: 'start', result: 'started' }));
    const nationalExecuted = await nationalRun('execute');
    expect(nationalExecuted.status).toBe(200);
    expect(nationalExecuted.body.definitions.map((d: { result: string }) => d.result)).toEqual([
      'applied',
      'unchanged',
    ]);
    expect(await grantsOf('quan.hadong')).toEqual(
      [newWard].map(({ role, unitCode, from }) => ({ role, unitCode, from })),
    );
    const revoked = await ctx.system.models.AdminEvent.findOne({ kind: 'user.revoke', target: 'quan.hadong' }).lean();
    expect(revoked).toMatchObject({ by: 'admin.hanoi', scope: 'HN-HD', details: { planId } });

    // The moved dossier's attachment follows it: the successor ward reads it, the old ward no longer does. Its
    // receiving unit is the ward's successor, and the SLA counters still equal a recount.
    expect(entryOf(run.body, photoDossier)).toMatchObject({ action: 'move', result: 'moved' });
    expect(await readPhoto('xa2025.hadong')).toBe(200);
    expect(await readPhoto('xa.hacau')).toBe(404);
    expect((await ctx.system.models.StoredFile.findById(photoId).lean())!.unitChain).not.toContain('HN-HD-HC');
    expect((await stateOf(photoDossier)).receivingUnit).toBe('HN-HADONG');
    await countersSettled();
    expect(await ctx.system.models.DossierView.findById(photoDossier, { receivingUnit: 1 }).lean()).toMatchObject({
      receivingUnit: 'HN-HADONG',
    });

    // The ended definition takes no new dossier after its last day: the existing start rule, naming the day.
    const late = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa2025.hadong',
      body: { processKey: 'housing-support-2024', processVersion: 1, data: proposalIn('HN-HADONG') },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('process_not_in_effect');
    expect(late.body.error.message).toContain('30/06/2025');

    // A second execution changes nothing: the ended grants are gone, the started one is there, the dates narrowed.
    const again = await ctx.api.call('POST', `/api/admin/transition-plans/${planId}/execute`, { as: 'admin.hanoi' });
    expect(again.status).toBe(200);
    expect(again.body.grants.filter((g: { result: string }) => g.result === 'ended' || g.result === 'started')).toEqual(
      [],
    );
    expect((await nationalRun('execute')).body.definitions.map((d: { result: string }) => d.result)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(await grantsOf('quan.hadong')).toHaveLength(1);
  });
});
