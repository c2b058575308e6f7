import seedEra from '../../../../domain/process/definitions/poverty-review-2024@1.json';
import postReform from '../../../../domain/process/definitions/poverty-review-2025@1.json';
import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';
import type { ProcessDefinition, StepDefinition } from '../../../../domain/process/process-definition';

const forms = new Set(['poverty-review-list@1']);
const clone = (d: unknown): ProcessDefinition => JSON.parse(JSON.stringify(d)) as ProcessDefinition;
/** The seed-era review with its sign-off step (steps[1]) changed by `change`. */
function withSignOffStep(change: (step: StepDefinition, def: ProcessDefinition) => void): ProcessDefinition {
  const def = clone(seedEra);
  change(def.steps[1]!, def);
  return def;
}
const problemsOf = (def: ProcessDefinition) => checkProcessDefinition(def, forms);

describe('publish-time checks of a sign-off step', () => {
  it.each([
    ['poverty-review-2024@1', seedEra],
    ['poverty-review-2025@1', postReform],
  ])('accept the shipped definition %s', (_ref, def) => {
    expect(problemsOf(clone(def))).toEqual([]);
  });

  it.each<[string, (step: StepDefinition, def: ProcessDefinition) => void, { path: string; message: RegExp }]>([
    [
      'an unknown level',
      (step) => {
        (step.signOff!.by[1] as { level: string }).level = 'hamlet';
      },
      { path: '/steps/1/signOff/by/1/level', message: /unknown level 'hamlet'/ },
    ],
    [
      'a level no step of the definition is at',
      (step) => {
        step.signOff!.by[1]!.level = 'province';
      },
      { path: '/steps/1/signOff/by/1/level', message: /no step of this definition is at level 'province'/ },
    ],
    [
      'a duplicate signer',
      (step) => {
        step.signOff!.by[2] = { ...step.signOff!.by[0]!, title: { vi: 'Lặp', en: 'Again' } };
      },
      { path: '/steps/1/signOff/by/2', message: /duplicate signer: role 'fatherland_front' at level 'commune'/ },
    ],
    [
      'a quorum above the number of signers',
      (step) => {
        step.signOff!.quorum = 4;
      },
      { path: '/steps/1/signOff/quorum', message: /quorum 4 is out of range: a whole number from 1 to the 3 signers/ },
    ],
    [
      'a quorum of 0',
      (step) => {
        step.signOff!.quorum = 0;
      },
      { path: '/steps/1/signOff/quorum', message: /quorum 0 is out of range/ },
    ],
    [
      'a step whose own role is not one of its signers',
      (step) => {
        step.role = 'commune_officer';
      },
      { path: '/steps/1/role', message: /must be one of its signers/ },
    ],
    [
      'a form of its own',
      (step) => {
        step.form = 'poverty-review-list@1';
      },
      { path: '/steps/1/form', message: /has no form of its own/ },
    ],
    [
      'no approve transition',
      (step) => {
        step.transitions = step.transitions.filter((t) => t.action !== 'approve');
      },
      { path: '/steps/1/transitions', message: /needs an approve transition/ },
    ],
    [
      'a submit transition',
      (step) => {
        step.transitions.push({ action: 'submit', to: 'decision' });
      },
      { path: '/steps/1/transitions/4/action', message: /not 'submit'/ },
    ],
    [
      'a bulk approve',
      (step) => {
        step.transitions[0]!.bulk = true;
      },
      { path: '/steps/1/transitions/0/bulk', message: /cannot be bulk/ },
    ],
    [
      'an approve taken by the applicant',
      (step) => {
        step.transitions[0]!.actor = 'applicant';
      },
      { path: '/steps/1/transitions/0/actor', message: /taken by its signers/ },
    ],
    [
      'money effects',
      (step) => {
        step.transitions[0]!.effects = [{ kind: 'cancel_rest' }];
      },
      { path: '/steps/1/transitions/0/effects', message: /moves no money/ },
    ],
    [
      'a sign-off on the initial step',
      (_step, def) => {
        def.steps[0]!.signOff = def.steps[1]!.signOff!;
      },
      { path: '/steps/0/signOff', message: /initial \(applicant\) step cannot be a sign-off step/ },
    ],
  ])('refuse %s with a clear problem', (_name, change, expected) => {
    expect(problemsOf(withSignOffStep(change))).toEqual(
      expect.arrayContaining([{ path: expected.path, message: expect.stringMatching(expected.message) }]),
    );
  });

  it('refuse a sign-off with a single signer by its schema path', () => {
    const def = withSignOffStep((step) => {
      step.signOff!.by = step.signOff!.by.slice(0, 1);
    });
    expect(problemsOf(def).map((p) => p.path)).toContain('/steps/1/signOff/by');
  });
});
