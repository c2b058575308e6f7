import { haDongHouseholds } from '../../../scripts/seed/ha-dong-2024/ha-dong-households';
import { HA_DONG_SOURCES, type HaDongSourceKey } from '../../../scripts/seed/ha-dong-2024/ha-dong-sources';
import { haDongSupports, type PlannedSupport } from '../../../scripts/seed/ha-dong-2024/ha-dong-supports';

// The figures below are typed from the plan itself (shared/seeds/004: "Kế hoạch hỗ trợ hộ cận nghèo thoát cận nghèo
// năm 2024", UBND quận Hà Đông), not computed from the data under test.
const M = 1_000_000;
const households = haDongHouseholds();
const supports = haDongSupports(households);
const of = (programme: PlannedSupport['programme'], supportType?: string) =>
  supports.filter(
    (support) => support.programme === programme && (!supportType || support.supportType === supportType),
  );
const total = (list: readonly PlannedSupport[]) => list.reduce((sum, support) => sum + support.amount, 0);
const countFrom = (list: readonly PlannedSupport[], source: HaDongSourceKey) =>
  list.filter((support) => support.sources.some((share) => share.source === source)).length;
const moneyFrom = (list: readonly PlannedSupport[], source: HaDongSourceKey) =>
  list
    .flatMap((support) => support.sources)
    .filter((share) => share.source === source)
    .reduce((sum, share) => sum + share.amount, 0);

describe('the Hà Đông plan of seed 004 as demo data', () => {
  it('has the 84 near-poor households of the six wards, 2 by the central standard and 82 by the city standard', () => {
    const perWard = Object.fromEntries(
      ['HC', 'YN', 'PL', 'DM', 'DN', 'BG'].map((ward) => [ward, households.filter((h) => h.ward === ward).length]),
    );
    expect(perWard).toEqual({ HC: 2, YN: 3, PL: 17, DM: 19, DN: 21, BG: 22 });
    expect(households.filter((h) => h.standard === 'central')).toHaveLength(2);
    expect(new Set(households.map((h) => h.citizenId)).size).toBe(84);
    expect(households.every((h) => /^[0-9]{12}$/.test(h.citizenId) && /^0[35789][0-9]{8}$/.test(h.phone))).toBe(true);
  });

  it('is the same on every call (a fixed seed), so a second start finds the households it made', () => {
    expect(haDongSupports(haDongHouseholds())).toEqual(supports);
    expect(haDongHouseholds()).toEqual(households);
  });

  it('reproduces the plan’s table by support type: counts and money', () => {
    expect([of('housing', 'new_build').length, total(of('housing', 'new_build'))]).toEqual([5, 500 * M]);
    expect([of('housing', 'repair').length, total(of('housing', 'repair'))]).toEqual([1, 60 * M]);
    expect(total(of('housing'))).toBe(560 * M);
    expect([of('savings_book').length, total(of('savings_book'))]).toEqual([78, 1_560 * M]);
    expect([of('education').length, total(of('education'))]).toEqual([97, 811.5 * M]);
    // One dossier per item, as the plan counts them: 14 fridges, TVs, computers or e-bikes at 6 M, 18 bicycles at 2 M.
    const goods = of('household_goods');
    expect(goods.filter((s) => s.supportType !== 'bicycle').map((s) => s.amount)).toEqual(Array(14).fill(6 * M));
    expect(goods.filter((s) => s.supportType === 'bicycle').map((s) => s.amount)).toEqual(Array(18).fill(2 * M));
    expect(total(of('household_goods'))).toBe(120 * M);
    expect(total(supports)).toBe(3_051_500_000);
  });

  it('reproduces the plan’s table by source', () => {
    const books = of('savings_book');
    expect(countFrom(books, 'district_fund_for_the_poor')).toBe(23);
    expect(countFrom(books, 'district_social')).toBe(25);
    expect(countFrom(books, 'regulated_ward_funds')).toBe(11);
    expect(
      Object.fromEntries(
        (['HC', 'YN', 'PL', 'BG', 'DM', 'DN'] as const).map((w) => [w, countFrom(books, `ward_fund_${w}`)]),
      ),
    ).toEqual({ HC: 2, YN: 3, PL: 3, BG: 3, DM: 3, DN: 5 });
    const children = of('education');
    expect(countFrom(children, 'district_fund_for_the_poor')).toBe(33);
    expect(countFrom(children, 'child_protection_fund')).toBe(12);
    expect(countFrom(children, 'labour_federation')).toBe(12);
    expect(countFrom(children, 'bia_ba_relic_board')).toBe(30);
    expect(
      Object.fromEntries(
        (['HC', 'YN', 'PL', 'DN', 'BG'] as const).map((w) => [w, countFrom(children, `ward_fund_${w}`)]),
      ),
    ).toEqual({ HC: 2, YN: 2, PL: 2, DN: 3, BG: 1 });
    const builds = of('housing', 'new_build');
    expect(moneyFrom(builds, 'district_fund_for_the_poor')).toBe(250 * M);
    expect(countFrom(builds, 'womens_union')).toBe(2);
    expect(countFrom(builds, 'labour_federation')).toBe(1);
    expect(countFrom(builds, 'political_academy')).toBe(1);
    expect(countFrom(builds, 'youth_union_red_cross')).toBe(1);
    const repair = of('housing', 'repair');
    expect([moneyFrom(repair, 'district_fund_for_the_poor'), moneyFrom(repair, 'red_cross')]).toEqual([30 * M, 30 * M]);
    expect(moneyFrom(of('household_goods'), 'red_cross')).toBe(36 * M);
    expect(moneyFrom(of('household_goods'), 'labour_office_mobilised')).toBe(84 * M);
  });

  it('gives every household either housing support or a savings book, never both', () => {
    const housed = new Set(of('housing').map((support) => support.household));
    const booked = new Set(of('savings_book').map((support) => support.household));
    expect(housed.size + booked.size).toBe(84);
    expect([...housed].filter((code) => booked.has(code))).toEqual([]);
  });

  it('pays every support exactly from its sources, each source a fund of the district or of the ward concerned', () => {
    for (const support of supports) {
      expect(support.sources.reduce((sum, share) => sum + share.amount, 0)).toBe(support.amount);
    }
    const keys = new Set(HA_DONG_SOURCES.map((source) => source.key));
    expect(supports.flatMap((support) => support.sources).every((share) => keys.has(share.source))).toBe(true);
    const wardSources = supports.flatMap((support) =>
      support.sources
        .filter((share) => share.source.startsWith('ward_fund_'))
        .map((share) => [share.source, support.household]),
    );
    expect(
      wardSources.every(([source, household]) => household!.startsWith(`HD-${source!.slice('ward_fund_'.length)}-`)),
    ).toBe(true);
    expect(new Set(HA_DONG_SOURCES.map((source) => source.fundId)).size).toBe(HA_DONG_SOURCES.length);
  });
});
