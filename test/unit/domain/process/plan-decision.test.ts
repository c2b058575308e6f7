import seedEra from '../../../../domain/process/definitions/housing-support-2024@1.json';
import postReform from '../../../../domain/process/definitions/housing-support-2025@1.json';
import type { DecideInput, DossierState } from '../../../../workflows/messages';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { planDecision } from '../../../../domain/process/plan-decision';

const oldChain = seedEra as unknown as ProcessDefinition;
const newChain = postReform as unknown as ProcessDefinition;
const units = { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' };

function stateAt(step: string, overrides: Partial<DossierState> = {}): DossierState {
  return {
    dossierId: 'HN-HD-HC-2026-00001',
    processKey: oldChain.key,
    processVersion: 1,
    status: 'in_progress',
    outcome: null,
    currentStep: step,
    currentLevel: null,
    currentRole: null,
    processingUnit: null,
    receivingUnit: 'HN-HD-HC',
    units,
    stepStartedAt: null,
    dueAt: null,
    returnedFrom: null,
    facts: { supportType: 'new_build', requestedAmount: 100_000_000 },
    submissions: { proposal: { id: 's1', form: 'housing-proposal@1' } },
    history: [],
    seq: 1,
    openedAt: '2026-01-05T01:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

const commune = { userId: 'xa.hacau', role: 'commune_officer', unitCode: 'HN-HD-HC' };
const district = { userId: 'quan.hadong', role: 'district_officer', unitCode: 'HN-HD' };
const review = { id: 's2', form: 'housing-review@1' };

describe('planDecision', () => {
  it('sends a submitted proposal to the district review in the seed-era chain', () => {
    const result = planDecision(oldChain, stateAt('proposal'), { action: 'submit', actor: commune });
    expect(result).toMatchObject({ ok: true, plan: { nextStep: { id: 'district-review' }, outcome: null } });
  });

  it('sends a submitted proposal straight to the province in the post-2025 chain', () => {
    const result = planDecision(newChain, stateAt('proposal', { units: { commune: 'HN-HADONG', province: 'HN' } }), {
      action: 'submit',
      actor: { ...commune, unitCode: 'HN-HADONG' },
    });
    expect(result).toMatchObject({ ok: true, plan: { nextStep: { id: 'province-approval' } } });
  });

  it.each([
    ['new_build', 'province-approval'],
    ['repair', 'disbursement'],
  ])('routes an approved %s from the district review to %s', (supportType, next) => {
    const state = stateAt('district-review', { facts: { supportType } });
    const result = planDecision(oldChain, state, { action: 'approve', actor: district, submission: review });
    expect(result).toMatchObject({ ok: true, plan: { nextStep: { id: next } } });
  });

  it('resumes a resubmission at the step that returned the dossier', () => {
    const state = stateAt('proposal', { returnedFrom: 'province-approval', status: 'awaiting_supplement' });
    const result = planDecision(oldChain, state, {
      action: 'submit',
      actor: commune,
      submission: { id: 's9', form: 'housing-proposal@1' },
    });
    expect(result).toMatchObject({ ok: true, plan: { nextStep: { id: 'province-approval' } } });
  });

  it('refuses to resubmit a returned dossier without supplemented form data', () => {
    const state = stateAt('proposal', { returnedFrom: 'province-approval', status: 'awaiting_supplement' });
    expect(planDecision(oldChain, state, { action: 'submit', actor: commune })).toMatchObject({
      ok: false,
      type: 'RequirementMissing',
    });
  });

  it('lets the applicant withdraw at a later step, with a reason', () => {
    const result = planDecision(oldChain, stateAt('district-review'), {
      action: 'withdraw',
      actor: commune,
      comment: 'Hộ gia đình xin rút',
    });
    expect(result).toMatchObject({ ok: true, plan: { nextStep: null, outcome: 'withdrawn' } });
  });

  const refusals: [string, DossierState, DecideInput, string][] = [
    [
      'an action the step does not offer',
      stateAt('proposal'),
      { action: 'approve', actor: commune },
      'ActionNotAllowed',
    ],
    [
      'any action on a closed dossier',
      stateAt('proposal', { currentStep: null, status: 'rejected', outcome: 'rejected' }),
      { action: 'submit', actor: commune },
      'ActionNotAllowed',
    ],
    [
      'an approval by the wrong role',
      stateAt('district-review'),
      { action: 'approve', actor: { ...district, role: 'treasurer' }, submission: review },
      'ActorNotPermitted',
    ],
    [
      'an approval by the right role of another unit',
      stateAt('district-review'),
      { action: 'approve', actor: { ...district, unitCode: 'HN-XX' }, submission: review },
      'ActorNotPermitted',
    ],
    [
      'a rejection without a reason',
      stateAt('district-review'),
      { action: 'reject', actor: district, comment: '  ' },
      'RequirementMissing',
    ],
    [
      'an approval without the review form',
      stateAt('district-review'),
      { action: 'approve', actor: district },
      'RequirementMissing',
    ],
    [
      'data of another form',
      stateAt('district-review'),
      { action: 'approve', actor: district, submission: { id: 'x', form: 'housing-decision@1' } },
      'WrongForm',
    ],
  ];
  it.each(refusals)('refuses %s', (_name, state, input, type) => {
    const result = planDecision(oldChain, state, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.type).toBe(type);
  });
});
