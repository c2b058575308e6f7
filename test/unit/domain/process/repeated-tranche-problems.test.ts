import seedEra from '../../../../domain/process/definitions/education-support-2024@1.json';
import education from '../../../../domain/process/definitions/education-support-2025@1.json';
import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';

/** The forms the shipped education chain pins. */
const forms = new Set(education.steps.flatMap((s) => (s.form ? [s.form] : [])));
type Mutable = {
  steps: { id: string; clockStarts?: unknown; facts?: Record<string, string>; transitions: Record<string, any>[] }[];
  tranches: { id: string; repeat?: Record<string, unknown> }[];
};
const changed = (change: (d: Mutable) => void): ProcessDefinition => {
  const d = structuredClone(education) as unknown as Mutable;
  change(d);
  return d as unknown as ProcessDefinition;
};
const step = (d: Mutable, id: string) => d.steps.find((s) => s.id === id)!;
const at = (id: string) => education.steps.findIndex((s) => s.id === id);

describe('the publish check of repeated tranches, tranche facts and clock starts', () => {
  it.each([
    ['education-support-2024@1', seedEra],
    ['education-support-2025@1', education],
  ])(
    'accepts the shipped %s (a tranche repeated up to 3 times, a loop on left:schoolYear, 5 September)',
    (_ref, def) => {
      expect(checkProcessDefinition(def, forms)).toEqual([]);
    },
  );

  it.each<[string, (d: Mutable) => void, { path: string; message: string }]>([
    [
      'repeat.max 0',
      (d) => (d.tranches[0]!.repeat = { max: 0 }),
      { path: '/tranches/0/repeat/max', message: 'must be >= 1' },
    ],
    [
      'repeat.max 11',
      (d) => (d.tranches[0]!.repeat = { max: 11 }),
      { path: '/tranches/0/repeat/max', message: 'a tranche without a period is repeated at most 10 times (11 given)' },
    ],
    [
      'repeat.max 2.5',
      (d) => (d.tranches[0]!.repeat = { max: 2.5 }),
      { path: '/tranches/0/repeat/max', message: 'must be integer' },
    ],
    [
      'a repeated tranche that is never ordered again after a settlement',
      (d) => {
        const confirmation = step(d, 'year-confirmation');
        confirmation.transitions = confirmation.transitions.filter((t) => t.to !== 'enrolment');
        step(d, 'enrolment').transitions[0]!.to = 'year-confirmation';
      },
      {
        path: '/tranches/0/repeat',
        message:
          "tranche 'schoolYear' is paid up to 3 times, but no step that orders it is reachable after it is settled",
      },
    ],
    [
      'a tranche fact with a typo in the tranche',
      (d) => (step(d, 'year-confirmation').transitions[0]!.when = { fact: 'ordered:schoolyear', lt: 3 }),
      {
        path: `/steps/${at('year-confirmation')}/transitions/0/when/fact`,
        message:
          "unknown tranche fact 'ordered:schoolyear' (known: ordered:schoolYear, paid:schoolYear, left:schoolYear)",
      },
    ],
    [
      'a tranche fact of an unknown kind',
      (d) => (step(d, 'year-confirmation').transitions[0]!.when = { fact: 'settled:schoolYear', lt: 3 }),
      {
        path: `/steps/${at('year-confirmation')}/transitions/0/when/fact`,
        message:
          "unknown tranche fact 'settled:schoolYear' (known: ordered:schoolYear, paid:schoolYear, left:schoolYear)",
      },
    ],
    [
      "a form fact named in the engine's namespace",
      (d) => (step(d, 'year-order').facts = { 'paid:schoolYear': '/amount', orderedAmount: '/amount' }),
      { path: `/steps/${at('year-order')}/facts`, message: "fact 'paid:schoolYear': names with ':' are the engine's" },
    ],
    [
      'a times fact no step brings',
      (d) => (d.tranches[0]!.repeat = { max: 3, timesFact: 'schoolYear' }),
      { path: '/tranches/0/repeat/timesFact', message: "no step brings the fact 'schoolYear'" },
    ],
    [
      'a times fact that is not a name',
      (d) => (d.tranches[0]!.repeat = { max: 3, timesFact: 'left:schoolYear' }),
      { path: '/tranches/0/repeat/timesFact', message: 'must match pattern "^[a-zA-Z][a-zA-Z0-9]{0,62}$"' },
    ],
    [
      'a clock start on 31 April',
      (d) => (step(d, 'enrolment').clockStarts = { month: 4, day: 31 }),
      { path: `/steps/${at('enrolment')}/clockStarts`, message: '4/31 is not a day every year has' },
    ],
    [
      'a clock start on 29 February',
      (d) => (step(d, 'enrolment').clockStarts = { month: 2, day: 29 }),
      { path: `/steps/${at('enrolment')}/clockStarts`, message: '2/29 is not a day every year has' },
    ],
    [
      'a clock start in month 13',
      (d) => (step(d, 'enrolment').clockStarts = { month: 13, day: 1 }),
      { path: `/steps/${at('enrolment')}/clockStarts/month`, message: 'must be <= 12' },
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(checkProcessDefinition(changed(change), forms)).toContainEqual(problem);
  });

  it('accepts paid:<id> and ordered:<id> as well as left:<id>, and a tranche repeated once without a loop', () => {
    for (const when of [
      { fact: 'paid:schoolYear', lt: 2 },
      { fact: 'ordered:schoolYear', lt: 3 },
    ]) {
      const other = changed((d) => (step(d, 'year-confirmation').transitions[0]!.when = when));
      expect(checkProcessDefinition(other, forms)).toEqual([]);
    }
    const once = changed((d) => {
      d.tranches[0]!.repeat = { max: 1 };
      const confirmation = step(d, 'year-confirmation');
      confirmation.transitions = confirmation.transitions.filter((t) => t.to !== 'enrolment');
      d.steps = d.steps.filter((s) => s.id !== 'enrolment');
    });
    expect(checkProcessDefinition(once, forms)).toEqual([]);
  });
});
