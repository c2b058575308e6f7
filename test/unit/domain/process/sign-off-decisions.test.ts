import seedEra from '../../../../domain/process/definitions/poverty-review-2024@1.json';
import type { ActorRef, DecideInput, DossierState } from '../../../../domain/process/dossier-state';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { planDecision } from '../../../../domain/process/plan-decision';
import { applySignature, signOffAfter } from '../../../../domain/process/apply-signature';
import { actionsOpenTo } from '../../../../domain/process/who-may-act';

const review = seedEra as unknown as ProcessDefinition;
const units = { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' };
const at = (role: string, userId = role): ActorRef => ({ userId, role, unitCode: 'HN-HD-HC' });
const front = at('fatherland_front', 'mttq.hacau');
const women = at('mass_organisation', 'phunu.hacau');
const farmers = at('mass_organisation', 'nongdan.hacau');
const hamlet = at('hamlet_head', 'totruong.hacau');

function signOffState(): DossierState {
  return {
    dossierId: 'HN-HD-HC-2026-00001',
    processKey: review.key,
    processVersion: review.version,
    status: 'in_progress',
    outcome: null,
    currentStep: 'sign-off',
    currentLevel: 'commune',
    currentRole: 'fatherland_front',
    processingUnit: 'HN-HD-HC',
    receivingUnit: 'HN-HD-HC',
    units,
    stepStartedAt: '2026-01-05T01:00:00.000Z',
    dueAt: '2026-01-12T10:00:00.000Z',
    returnedFrom: null,
    facts: { supportType: 'poverty_review', beneficiaries: 2 },
    submissions: { proposal: { id: 's1', form: 'poverty-review-list@1' } },
    history: [],
    seq: 2,
    openedAt: '2026-01-05T01:00:00.000Z',
    closedAt: null,
    signOff: { step: 'sign-off', signatures: [] },
  };
}

/** Plans `input` and applies it as the workflow does when it holds at the step. */
function sign(state: DossierState, input: DecideInput): DossierState {
  const result = planDecision(review, state, input);
  if (!result.ok) throw new Error(result.message);
  expect(result.plan.holds).toBe(true);
  return applySignature(state, result.plan, input, '2026-01-06T02:00:00.000Z');
}

describe('decisions at a sign-off step', () => {
  it('records each signature and moves on only with the last one needed, in any order', () => {
    let state = sign(signOffState(), { action: 'approve', actor: hamlet });
    state = sign(state, { action: 'approve', actor: women, comment: 'Hội Phụ nữ nhất trí' });
    expect(state.signOff?.signatures.map((s) => s.signer)).toEqual([
      'hamlet_head@commune',
      'mass_organisation@commune',
    ]);
    expect(state.history.map((h) => [h.action, h.fromStep, h.toStep, h.signOff])).toEqual([
      ['approve', 'sign-off', 'sign-off', { signer: 'hamlet_head@commune', signed: 1, needed: 3 }],
      ['approve', 'sign-off', 'sign-off', { signer: 'mass_organisation@commune', signed: 2, needed: 3 }],
    ]);
    const last = planDecision(review, state, { action: 'approve', actor: front });
    expect(last).toMatchObject({
      ok: true,
      plan: { nextStep: { id: 'decision' }, signature: { signer: 'fatherland_front@commune', signed: 3, needed: 3 } },
    });
    expect(last.ok && last.plan.holds).toBeFalsy();
  });

  it('refuses a second signature for the same signer as a conflict, even by another holder of the role', () => {
    const state = sign(signOffState(), { action: 'approve', actor: women });
    expect(planDecision(review, state, { action: 'approve', actor: farmers })).toMatchObject({
      ok: false,
      type: 'ActionNotAllowed',
      message: "signer 'mass_organisation@commune' of unit 'HN-HD-HC' has already signed step 'sign-off'",
    });
  });

  it('refuses someone who is not a signer as not permitted', () => {
    expect(planDecision(review, signOffState(), { action: 'approve', actor: at('commune_officer') })).toMatchObject({
      ok: false,
      type: 'ActorNotPermitted',
    });
  });

  it('lets any signer return, even one who has signed, and the return clears the signatures', () => {
    const state = sign(signOffState(), { action: 'approve', actor: hamlet });
    const result = planDecision(review, state, { action: 'return', actor: hamlet, comment: 'Thiếu một hộ ở tổ 3' });
    expect(result).toMatchObject({ ok: true, plan: { nextStep: { id: 'proposal' } } });
    expect(signOffAfter(review, review.steps[0]!)).toEqual({ signOff: null });
    expect(signOffAfter(review, review.steps[1]!)).toEqual({ signOff: { step: 'sign-off', signatures: [] } });
  });

  it('offers approve only to signers still awaited, and return to every signer', () => {
    const state = sign(signOffState(), { action: 'approve', actor: women });
    const actions = (actor: ActorRef) =>
      actionsOpenTo(review, state, [{ role: actor.role, unitCode: actor.unitCode }]).map(
        (a) => a.rule.transition.action,
      );
    expect(actions(front)).toEqual(['approve', 'return', 'reject']);
    expect(actions(farmers)).toEqual(['return', 'reject']);
    expect(actions(at('commune_officer'))).toEqual(['withdraw']);
  });

  it('moves on at the quorum when one is declared', () => {
    const quorum = JSON.parse(JSON.stringify(review)) as ProcessDefinition;
    quorum.steps[1]!.signOff!.quorum = 2;
    const state = sign(signOffState(), { action: 'approve', actor: front });
    expect(planDecision(quorum, state, { action: 'approve', actor: hamlet })).toMatchObject({
      ok: true,
      plan: { nextStep: { id: 'decision' }, signature: { signed: 2, needed: 2 } },
    });
  });

  it('leaves the state of a definition without sign-off as it was', () => {
    expect(signOffAfter({ ...review, steps: review.steps.map(({ signOff: _, ...s }) => s) }, null)).toEqual({});
  });
});
