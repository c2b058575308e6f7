import type { PlanContent } from '../../../../domain/plans/plan';
import { planProgress } from '../../../../domain/plans/plan-progress';
import { countRow, hdPlan, moneyRow, results, SEED_004_TARGETS, tree } from './plan-fixtures';

const plan: PlanContent = hdPlan([
  ...SEED_004_TARGETS,
  { programme: 'housing', supportType: 'new_build', metric: 'count', value: 5 },
  { programme: 'sponsorship', metric: 'share', value: 70, sourceLevels: ['commune', 'district'] },
  { programme: 'health_insurance', metric: 'count', value: 80, counting: 'beneficiaries' },
]);

const data = results(
  [
    countRow('HN-HD-HC', 'savings_book', null, 2),
    countRow('HN-HD-YN', 'savings_book', null, 3),
    countRow('HN-HD-DN', 'savings_book', null, 5),
    countRow('HN-HD-HC', 'health_insurance', null, 1, 40),
    countRow('HN-HD-YN', 'health_insurance', null, 1, 44),
    countRow('HN-HD-HC', 'housing', 'new_build', 2),
    countRow('HN-HD-YN', 'housing', 'repair', 1),
    countRow('HN-HD-HC', 'sponsorship', null, 6),
    countRow('HN-HD-YN', 'sponsorship', null, 4),
  ],
  [
    moneyRow('HN-HD-HC', 'savings_book', null, 'fund-hd', 2, 40_000_000),
    moneyRow('HN-HD-DN', 'savings_book', null, 'fund-hd', 4, 80_000_000),
    moneyRow('HN-HD-YN', 'savings_book', null, 'fund-yn', 3, 60_000_000),
    moneyRow('HN-HD-HC', 'sponsorship', null, 'fund-hd', 5, 10_000_000),
    moneyRow('HN-HD-YN', 'sponsorship', null, 'fund-hn', 4, 8_000_000),
  ],
);
const fundUnits = new Map([
  ['fund-hd', 'HN-HD'],
  ['fund-yn', 'HN-HD-YN'],
  ['fund-hn', 'HN'],
]);

describe('planProgress', () => {
  const progress = planProgress(plan, data, tree, fundUnits).targets;

  test('a count sums the approved dossiers of every ward, with the breakdown by ward', () => {
    expect(progress[0]).toEqual({
      index: 0,
      actual: 10,
      of: null,
      achieved: 10,
      ratio: 10 / 78,
      met: false,
      byUnit: [
        { unitCode: 'HN-HD-DN', actual: 5 },
        { unitCode: 'HN-HD-YN', actual: 3 },
        { unitCode: 'HN-HD-HC', actual: 2 },
      ],
    });
  });

  test('a count per source counts the dossiers the fund committed to', () => {
    expect(progress[1]).toMatchObject({ actual: 6, met: false });
  });

  test('a ward’s target counts only that ward, and is met at its value', () => {
    expect(progress[2]).toMatchObject({ actual: 2, achieved: 2, ratio: 1, met: true, byUnit: [] });
  });

  test('an amount sums the money committed from every source', () => {
    expect(progress[3]).toMatchObject({ actual: 180_000_000, ratio: 180_000_000 / 1_560_000_000, met: false });
  });

  test('coverage is the beneficiaries over the baseline, in percent', () => {
    expect(progress[4]).toMatchObject({ actual: 84, of: 84, achieved: 100, ratio: 1, met: true });
  });

  test('a support type counts only dossiers of that type', () => {
    expect(progress[5]).toMatchObject({ actual: 2, met: false });
  });

  test('a share of commune and district sources is over every approved dossier of the programme', () => {
    expect(progress[6]).toMatchObject({ actual: 5, of: 10, achieved: 50, met: false });
  });

  test('counting beneficiaries sums the people covered, not the dossiers', () => {
    expect(progress[7]).toMatchObject({ actual: 84, met: true });
  });

  test('a target with no results is 0 and not met; coverage of a zero figure is 0 %', () => {
    const empty = planProgress(plan, results([]), tree).targets;
    expect(empty.map((t) => [t.actual, t.met])).toEqual(plan.targets.map(() => [0, false]));
    expect(empty[6]).toMatchObject({ of: 0, achieved: 0 });
  });
});
