import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { moneyDefinition, moneyForms } from '../funds/money-definition';

type Mutable = { steps: { transitions: Record<string, unknown>[]; funding?: unknown }[]; tranches?: unknown[] };
const broken = (change: (d: Mutable) => void): ProcessDefinition => {
  const d = moneyDefinition() as unknown as Mutable;
  change(d);
  return d as unknown as ProcessDefinition;
};

describe('the publish check of money effects', () => {
  it('accepts a definition that commits, orders, settles, fails and cancels the rest', () => {
    expect(checkProcessDefinition(moneyDefinition(), moneyForms)).toEqual([]);
  });

  it.each<[string, (d: Mutable) => void, { path: string; message: string }]>([
    [
      'an effect naming an undeclared tranche',
      (d) =>
        (d.steps[2]!.transitions[0]!.effects = [
          { kind: 'order_payment', tranche: 'third', amountFact: 'orderedAmount' },
        ]),
      { path: '/steps/2/transitions/0/effects/0/tranche', message: "tranche 'third' is not declared" },
    ],
    [
      'an amount fact no step brings',
      (d) => (d.steps[1]!.transitions[0]!.effects = [{ kind: 'commit', amountFact: 'grantedAmount' }]),
      { path: '/steps/1/transitions/0/effects/0/amountFact', message: "no step brings the fact 'grantedAmount'" },
    ],
    [
      'a commit at a step without funding',
      (d) => delete d.steps[1]!.funding,
      { path: '/steps/1/transitions/0/effects/0', message: "a commit needs step 'approval' to declare funding" },
    ],
    [
      'a commit on a transition without form data',
      (d) => (d.steps[1]!.transitions[0]!.requires = ['comment']),
      { path: '/steps/1/transitions/0/effects/0', message: 'a commit needs the transition to require form' },
    ],
    [
      'cancel_rest without a comment',
      (d) => delete d.steps[4]!.transitions[1]!.requires,
      { path: '/steps/4/transitions/1/effects/0', message: 'cancel_rest requires a comment (the reason)' },
    ],
    [
      'cancel_rest that does not complete',
      (d) => (d.steps[4]!.transitions[1]!.end = 'rejected'),
      { path: '/steps/4/transitions/1/effects/0', message: "cancel_rest ends the dossier 'completed'" },
    ],
    [
      'effects on a rejection',
      (d) => (d.steps[1]!.transitions[1]!.effects = [{ kind: 'settle_payment', tranche: 'advance' }]),
      {
        path: '/steps/1/transitions/1/effects',
        message: "a transition that ends 'rejected' releases by itself: no effects",
      },
    ],
    [
      'the same effect twice',
      (d) =>
        (d.steps[3]!.transitions[0]!.effects = [
          { kind: 'settle_payment', tranche: 'advance' },
          { kind: 'settle_payment', tranche: 'advance' },
        ]),
      { path: '/steps/3/transitions/0/effects/1', message: "more than one 'settle_payment' effect" },
    ],
    [
      'a tranche never settled',
      (d) => (d.steps[5]!.transitions[0]!.effects = []),
      { path: '/tranches', message: "tranche 'rest' is never settled" },
    ],
    [
      'a duplicate tranche id',
      (d) => d.tranches!.push({ id: 'rest', title: { vi: 'x', en: 'x' } }),
      { path: '/tranches/2/id', message: "duplicate tranche id 'rest'" },
    ],
    [
      'tranches without a commitment',
      (d) => (d.steps[1]!.transitions[0]!.effects = []),
      { path: '/tranches', message: 'tranches are declared but no transition commits' },
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(checkProcessDefinition(broken(change), moneyForms)).toEqual(expect.arrayContaining([problem]));
  });

  it('refuses an unknown effect kind by its schema path', () => {
    const d = broken((m) => (m.steps[1]!.transitions[0]!.effects = [{ kind: 'refund' }]));
    expect(checkProcessDefinition(d, moneyForms).map((p) => p.path)).toContain('/steps/1/transitions/0/effects/0');
  });
});
