import seedEra from '../../../../domain/process/definitions/housing-support-2024@1.json';
import type { DossierState } from '../../../../domain/process/dossier-state';
import { planDecision } from '../../../../domain/process/plan-decision';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { actionsOpenTo, grantToAct, whoMayAct } from '../../../../domain/process/who-may-act';
import type { Dossier } from '../../../../api-contract';
import { allowedActions } from '../../../../web/app/dossier/allowed-actions';

const units = { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' };
const commune = { role: 'commune_officer', unitCode: 'HN-HD-HC' };
const district = { role: 'district_officer', unitCode: 'HN-HD' };

/**
 * A step with two transitions for one action that differ in who acts and what they require: a small repair is
 * closed by the applicant's commune without a form, anything else is approved by the district with its form. The
 * copies of this rule used to disagree here (the API took the first transition for the action, ignoring `when`).
 */
const split: ProcessDefinition = {
  ...(seedEra as unknown as ProcessDefinition),
  key: 'split-approve',
  steps: (seedEra as unknown as ProcessDefinition).steps.map((step) =>
    step.id !== 'district-review'
      ? step
      : {
          ...step,
          facts: { amount: '/amount' },
          transitions: [
            {
              action: 'approve',
              when: { fact: 'amount', lte: 5_000_000 },
              actor: 'applicant',
              requires: ['comment'],
              end: 'completed',
            },
            { action: 'approve', requires: ['form'], to: 'province-approval' },
            ...step.transitions.filter((t) => t.action !== 'approve'),
          ],
        },
  ),
};

const stateAt = (facts: DossierState['facts']) => ({ currentStep: 'district-review', units, facts });

describe('who may act', () => {
  it.each([
    ['a small repair', { amount: 3_000_000 }, commune, 'commune_officer', ['comment']],
    ['a large one', { amount: 90_000_000 }, district, 'district_officer', ['form']],
    ['one whose amount is not known yet', {}, district, 'district_officer', ['form']],
  ])('gives %s to the role of the first transition whose condition holds', (_name, facts, grant, role, requires) => {
    const result = whoMayAct(split, stateAt(facts), 'approve');
    expect(result).toMatchObject({ ok: true, rule: { role, unitCode: grant.unitCode, transition: { requires } } });
    if (!result.ok) return;
    expect(grantToAct(result.rule, [commune, district])).toEqual(grant);
  });

  it('lets the facts of the data being submitted choose the transition, not only the stored ones', () => {
    const stored = stateAt({ amount: 90_000_000 });
    expect(whoMayAct(split, stored, 'approve', { ...stored.facts, amount: 2_000_000 })).toMatchObject({
      ok: true,
      rule: { role: 'commune_officer' },
    });
  });

  it('refuses an action the step does not offer, and any action on a closed dossier, as data', () => {
    expect(whoMayAct(split, stateAt({}), 'submit')).toEqual({
      ok: false,
      type: 'ActionNotAllowed',
      message: "action 'submit' is not allowed in step 'district-review' (allowed: approve, return, reject, withdraw)",
    });
    expect(whoMayAct(split, { ...stateAt({}), currentStep: null, status: 'completed' }, 'approve')).toMatchObject({
      ok: false,
      type: 'ActionNotAllowed',
    });
  });

  describe.each([
    ['a small repair', { amount: 3_000_000 }],
    ['a large one', { amount: 90_000_000 }],
  ])('for %s, the workflow, the web app and the rule agree', (_name, facts) => {
    const expected = whoMayAct(split, stateAt(facts), 'approve');
    if (!expected.ok) throw new Error('the rule must allow approve here');
    const base = seedEra as unknown as ProcessDefinition;
    const workflowState = {
      ...stateAt(facts),
      dossierId: 'X',
      processKey: split.key,
      processVersion: base.version,
      status: 'in_progress' as const,
      outcome: null,
      currentLevel: null,
      currentRole: null,
      processingUnit: null,
      receivingUnit: units.commune,
      stepStartedAt: null,
      dueAt: null,
      returnedFrom: null,
      submissions: { 'district-review': { id: 's', form: 'housing-review@1' } },
      history: [],
      seq: 1,
      openedAt: '2026-01-05T01:00:00.000Z',
      closedAt: null,
    };

    it.each([
      ['the acting role', expected.rule.role === 'commune_officer' ? commune : district, true],
      ['the other role', expected.rule.role === 'commune_officer' ? district : commune, false],
    ])('%s is allowed by both: %s', (_who, grant, allowed) => {
      const planned = planDecision(split, workflowState, {
        action: 'approve',
        actor: { userId: 'u', ...grant },
        comment: 'ok',
      });
      expect(planned.ok).toBe(allowed);
      if (!planned.ok) expect(planned.type).toBe('ActorNotPermitted');
      const dossier = { units, facts, currentStep: { id: 'district-review' } } as unknown as Dossier;
      expect(allowedActions(split, dossier, [grant]).some((a) => a.action === 'approve')).toBe(allowed);
      expect(actionsOpenTo(split, stateAt(facts), [grant]).some((o) => o.rule.transition.action === 'approve')).toBe(
        allowed,
      );
    });
  });
});
