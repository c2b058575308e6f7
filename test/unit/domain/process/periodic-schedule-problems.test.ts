import seedEra from '../../../../domain/process/definitions/sponsorship-2024@1.json';
import sponsorship from '../../../../domain/process/definitions/sponsorship-2025@1.json';
import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';

/** The forms the shipped sponsorship chains pin. */
const forms = new Set(sponsorship.steps.flatMap((s) => (s.form ? [s.form] : [])));
type Mutable = {
  steps: { id: string; schedule?: unknown; facts?: Record<string, string>; transitions: Record<string, any>[] }[];
  tranches: { id: string; repeat?: Record<string, any> }[];
};
const changed = (change: (d: Mutable) => void): ProcessDefinition => {
  const d = structuredClone(sponsorship) as unknown as Mutable;
  change(d);
  return d as unknown as ProcessDefinition;
};
const step = (d: Mutable, id: string) => d.steps.find((s) => s.id === id)!;
const at = (id: string) => sponsorship.steps.findIndex((s) => s.id === id);
const amend = (d: Mutable) => step(d, 'amendment').transitions[0]!;

describe('the publish check of periodic tranches and the steps on their schedule', () => {
  it.each([
    ['sponsorship-2024@1', seedEra],
    ['sponsorship-2025@1', sponsorship],
  ])('accepts the shipped %s (60 monthly instances due on the 10th, an amendment, an early end)', (_ref, def) => {
    expect(checkProcessDefinition(def, forms)).toEqual([]);
  });

  it.each<[string, (d: Mutable) => void, { path: string; message: string }]>([
    [
      'more than 60 periodic instances',
      (d) => (d.tranches[0]!.repeat!.max = 61),
      { path: '/tranches/0/repeat/max', message: 'must be <= 60' },
    ],
    [
      'more than 10 instances without a period',
      (d) => delete d.tranches[0]!.repeat!.period,
      {
        path: '/tranches/0/repeat/max',
        message: 'a tranche without a period is repeated at most 10 times (60 given)',
      },
    ],
    [
      'a period by the week',
      (d) => (d.tranches[0]!.repeat!.period.unit = 'week'),
      { path: '/tranches/0/repeat/period/unit', message: 'must be equal to one of the allowed values' },
    ],
    [
      'a due day 32',
      (d) => (d.tranches[0]!.repeat!.period.dueDay = 32),
      { path: '/tranches/0/repeat/period/dueDay', message: 'must be <= 31' },
    ],
    [
      'a start month no step brings',
      (d) => (d.tranches[0]!.repeat!.period.startFact = 'startMonth'),
      {
        path: '/tranches/0/repeat/period/startFact',
        message: "no step brings the fact 'startMonth' (the first month, YYYY-MM)",
      },
    ],
    [
      'a schedule on an undeclared tranche',
      (d) => (step(d, 'month-payment').schedule = { tranche: 'weekly' }),
      {
        path: `/steps/${at('month-payment')}/schedule/tranche`,
        message: "'weekly' is not a declared tranche with a period",
      },
    ],
    [
      'a schedule with an unknown member',
      (d) => (step(d, 'month-payment').schedule = { tranche: 'monthly', every: 2 }),
      { path: `/steps/${at('month-payment')}/schedule`, message: 'must NOT have additional properties' },
    ],
    [
      'an amendment whose from-month no step brings',
      (d) => (amend(d).effects[0].fromFact = 'effectiveMonth'),
      {
        path: `/steps/${at('amendment')}/transitions/0/effects/0/fromFact`,
        message: "no step brings the fact 'effectiveMonth'",
      },
    ],
    [
      'an amendment without form data',
      (d) => (amend(d).requires = ['comment']),
      {
        path: `/steps/${at('amendment')}/transitions/0/effects/0`,
        message: 'an adjust_commitment needs the transition to require form',
      },
    ],
    [
      'an amendment without its from-month',
      (d) => delete amend(d).effects[0].fromFact,
      { path: `/steps/${at('amendment')}/transitions/0/effects/0`, message: 'must match exactly one schema in oneOf' },
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(checkProcessDefinition(changed(change), forms)).toContainEqual(problem);
  });

  it('refuses an amendment of a tranche without a period', () => {
    const def = changed((d) => {
      d.tranches.push({ id: 'bonus', repeat: { max: 2 } } as never);
      (d.tranches[1] as Record<string, unknown>).title = { vi: 'Thưởng', en: 'Bonus' };
      amend(d).effects[0].tranche = 'bonus';
    });
    expect(checkProcessDefinition(def, forms)).toContainEqual({
      path: `/steps/${at('amendment')}/transitions/0/effects/0/tranche`,
      message: "'bonus' is not a tranche with a period",
    });
  });
});
