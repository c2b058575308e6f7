// Parallel sign-off by several bodies (issue 15, seed 001) through the API and the real workflow, on the shipped
// poverty-review-2024@1 of Phường Hà Cầu: the ward's poverty officer proposes the year-end review list; the
// Fatherland Front, a mass organisation and a residential-group head sign it in any order (one due time for the
// step); the step moves on once, with the last signature; a second signature for the same signer is a 409, a
// non-signer a 403; a return by one signer clears the signatures; two signatures at the same instant are both
// recorded; the inbox shows the step to each signer still awaited; the history and the audit log list every signature.
import { example } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

const OFFICER = 'xa.hacau';
const FRONT = 'mttq.hacau';
const WOMEN = 'phunu.hacau';
const FARMERS = 'nongdan.hacau';
const HAMLET = 'totruong.hacau';
const CHAIR = 'chutich.hacau';

const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
const sign = (user: string, id: string, comment?: string) =>
  act(user, id, { action: 'approve', ...(comment ? { comment } : {}) });
const dossier = async (id: string) => (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: OFFICER })).body;

/** The ids in `user`'s inbox, checking that its first page's count agrees with its items. */
async function inboxOf(user: string): Promise<string[]> {
  const res = await ctx.api.call('GET', '/api/inbox?limit=100', { as: user });
  expect(res.status).toBe(200);
  const ids = (res.body.items as { id: string }[]).map((i) => i.id);
  expect(res.body.counts.total).toBe(ids.length);
  return ids;
}

/** A review list proposed by the ward and sent for sign-off. */
async function atSignOff(): Promise<string> {
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: OFFICER,
    body: { processKey: 'poverty-review-2024', processVersion: 1, data: example('poverty-review-list@1') },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const sent = await act(OFFICER, id, { action: 'submit' });
  expect([sent.status, sent.body.currentStep]).toEqual([200, 'sign-off']);
  return id;
}

describe('parallel sign-off of the year-end poverty review', () => {
  it('takes every signer once, in any order, and moves on once with the last signature', async () => {
    const id = await atSignOff();
    for (const signer of [FRONT, WOMEN, FARMERS, HAMLET]) expect(await inboxOf(signer)).toContain(id);
    expect(await inboxOf(OFFICER)).not.toContain(id);

    const first = await sign(HAMLET, id, 'Tổ dân phố số 3 nhất trí');
    expect([first.status, first.body.currentStep]).toEqual([200, 'sign-off']);
    expect(await inboxOf(HAMLET)).not.toContain(id);
    expect(await inboxOf(FRONT)).toContain(id);

    // The dossier page's view: who signed (by name and title) and who is awaited.
    const shown = (await dossier(id)).signOff;
    expect(shown).toMatchObject({ step: 'sign-off', needed: 3, signed: 1 });
    const byRole = Object.fromEntries(shown.signers.map((s: { role: string }) => [s.role, s]));
    expect(byRole.hamlet_head.signed).toMatchObject({
      name: 'Bùi Thị Lan — Tổ trưởng tổ dân phố số 3, Phường Hà Cầu',
      comment: 'Tổ dân phố số 3 nhất trí',
    });
    expect(byRole.hamlet_head.awaitedFrom).toEqual([]);
    expect(byRole.fatherland_front.signed).toBeNull();
    expect(byRole.mass_organisation.awaitedFrom).toEqual(
      expect.arrayContaining(['Lê Thị Thu Hằng — Chủ tịch Hội Liên hiệp Phụ nữ Phường Hà Cầu']),
    );

    // A second signature for a signer that has signed is a conflict, whoever holds its role; a non-signer may not.
    const again = await sign(HAMLET, id);
    expect([again.status, again.body.error.code]).toEqual([409, 'already_signed']);
    expect((await sign(WOMEN, id)).status).toBe(200);
    const otherOrganisation = await sign(FARMERS, id);
    expect([otherOrganisation.status, otherOrganisation.body.error.code]).toEqual([409, 'already_signed']);
    expect((await sign('dantoc.hacau', id)).status).toBe(403);
    expect((await sign(OFFICER, id)).status).toBe(403);
    expect((await sign(CHAIR, id)).status).toBe(403);

    const last = await sign(FRONT, id);
    expect([last.status, last.body.currentStep]).toEqual([200, 'decision']);
    expect(await inboxOf(CHAIR)).toContain(id);
    for (const signer of [FRONT, WOMEN, HAMLET]) expect(await inboxOf(signer)).not.toContain(id);

    const state = await dossier(id);
    expect(state.signOff).toBeUndefined();
    const signatures = state.history.filter((h: { signOff?: unknown }) => h.signOff);
    expect(
      signatures.map((h: any) => [h.actor.userId, h.actor.role, h.toStep, h.signOff.signed, h.signOff.needed]),
    ).toEqual([
      [HAMLET, 'hamlet_head', 'sign-off', 1, 3],
      [WOMEN, 'mass_organisation', 'sign-off', 2, 3],
      [FRONT, 'fatherland_front', 'decision', 3, 3],
    ]);
    const audited = await ctx.system.models.AuditEntry.find({ dossierId: id, signOff: { $exists: true } }).lean();
    expect(audited.map((a) => a.actor.userId).sort()).toEqual([FRONT, HAMLET, WOMEN].sort());

    // The commune chair recognises the households; the district records the review.
    expect((await act(CHAIR, id, { action: 'approve', comment: 'Quyết định số 125/QĐ-UBND' })).body.currentStep).toBe(
      'district-recognition',
    );
    const done = await act('quan.hadong', id, { action: 'approve' });
    expect([done.status, done.body.status]).toEqual([200, 'completed']);
    const view = await ctx.system.models.DossierView.findById(id).lean();
    expect(view?.facts).toMatchObject({
      supportType: 'poverty_review',
      beneficiaries: 3,
      poorHouseholds: 1,
      nearPoorHouseholds: 1,
    });
    expect([view?.signersAwaited, view?.signersSigned, view?.signOff]).toEqual([[], [], null]);
  });

  it('goes back to the proposal when one signer returns it, and needs every signature again', async () => {
    const id = await atSignOff();
    expect((await sign(HAMLET, id)).status).toBe(200);
    const refusedWithoutReason = await act(WOMEN, id, { action: 'return' });
    expect(refusedWithoutReason.status).toBe(422);
    const returned = await act(WOMEN, id, { action: 'return', comment: 'Thiếu hộ bà Nguyễn Thị Tư ở tổ 5' });
    expect([returned.status, returned.body.currentStep, returned.body.status]).toEqual([
      200,
      'proposal',
      'awaiting_supplement',
    ]);
    for (const signer of [FRONT, WOMEN, HAMLET]) expect(await inboxOf(signer)).not.toContain(id);

    const resubmitted = await act(OFFICER, id, { action: 'submit', data: example('poverty-review-list@1') });
    expect([resubmitted.status, resubmitted.body.currentStep]).toEqual([200, 'sign-off']);
    expect((await dossier(id)).signOff).toMatchObject({ signed: 0, needed: 3 });
    expect(await inboxOf(HAMLET)).toContain(id);
    expect((await sign(HAMLET, id)).status).toBe(200);
  });

  it('records two signatures sent at the same instant and moves on once', async () => {
    const id = await atSignOff();
    expect((await sign(HAMLET, id)).status).toBe(200);
    const both = await Promise.all([sign(FRONT, id), sign(WOMEN, id)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.body.currentStep).sort()).toEqual(['decision', 'sign-off']);
    const history = (await dossier(id)).history as { toStep: string | null; signOff?: { signed: number } }[];
    expect(history.filter((h) => h.signOff).map((h) => h.signOff!.signed)).toEqual([1, 2, 3]);
    expect(history.filter((h) => h.toStep === 'decision')).toHaveLength(1);
  });

  it('records one of two signatures for the same signer sent at the same instant and refuses the other', async () => {
    const id = await atSignOff();
    const both = await Promise.all([sign(WOMEN, id), sign(FARMERS, id)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const shown = (await dossier(id)).signOff;
    expect(shown.signed).toBe(1);
  });
});
