import type { DemoHousehold } from './ha-dong-households';
import { HA_DONG_WARDS, type HaDongSourceKey, type HaDongWardKey } from './ha-dong-sources';
import { seededRandom } from '../../lib/seeded-random';

/** A share of one support paid by one source. */
export interface SourceShare {
  source: HaDongSourceKey;
  amount: number;
}

/** One line of household goods: its kind, its price and who gives it. */
export interface GoodsLine {
  kind: 'fridge' | 'tv' | 'computer' | 'e_bike' | 'bicycle';
  amount: number;
  source: HaDongSourceKey;
}

/** One support the plan of seed 004 gives one household (or one child of it), with the sources that pay it. */
export type PlannedSupport =
  | {
      programme: 'housing';
      supportType: 'new_build' | 'repair';
      household: string;
      amount: number;
      sources: SourceShare[];
    }
  | {
      programme: 'savings_book';
      supportType: 'savings_book';
      household: string;
      amount: number;
      sources: SourceShare[];
    }
  | {
      programme: 'education';
      supportType: 'education';
      household: string;
      /** Index of the child in the household's `children`. */
      child: number;
      yearlyAmount: number;
      schoolYears: number;
      amount: number;
      sources: SourceShare[];
    }
  | {
      programme: 'household_goods';
      supportType: GoodsLine['kind'];
      household: string;
      line: GoodsLine;
      amount: number;
      sources: SourceShare[];
    };

const MILLION = 1_000_000;

/** New builds by ward, and the source of each house's second 50,000,000 ₫ (the plan's 2.2, housing). */
const NEW_BUILDS: readonly [HaDongWardKey, HaDongSourceKey][] = [
  ['PL', 'womens_union'],
  ['DM', 'womens_union'],
  ['DN', 'labour_federation'],
  ['DN', 'political_academy'],
  ['BG', 'youth_union_red_cross'],
];
const REPAIR_WARD: HaDongWardKey = 'BG';

/** Savings books the wards that still had near-poor households mobilised themselves (the plan's 19). */
const WARD_BOOKS: Record<HaDongWardKey, number> = { HC: 2, YN: 3, PL: 3, BG: 3, DM: 3, DN: 5 };
/** The other 59 books: the district's fund 23, mobilised by the Front 25, regulated from wards' funds 11. */
const DISTRICT_BOOKS: readonly [HaDongSourceKey, number][] = [
  ['district_fund_for_the_poor', 23],
  ['district_social', 25],
  ['regulated_ward_funds', 11],
];

/** Children supported by the wards' own funds (10), then by the district's sources (87). */
const WARD_CHILDREN: Record<HaDongWardKey, number> = { HC: 2, YN: 2, PL: 2, DN: 3, BG: 1, DM: 0 };
const DISTRICT_CHILDREN: readonly [HaDongSourceKey, number][] = [
  ['district_fund_for_the_poor', 33],
  ['child_protection_fund', 12],
  ['labour_federation', 12],
  ['bia_ba_relic_board', 30],
];
/**
 * School years per child, so that the 97 children cost the plan's 811,500,000 ₫ at 3,000,000 ₫ a year: the plan
 * supports "theo thời gian học thực tế", at most three years. 80 children for three years, 14 for two, 2 for one,
 * and one for half a school year (1,500,000 ₫).
 */
const YEARS: readonly [yearlyAmount: number, schoolYears: number, children: number][] = [
  [3 * MILLION, 3, 80],
  [3 * MILLION, 2, 14],
  [3 * MILLION, 1, 2],
  [1.5 * MILLION, 1, 1],
];

const GOODS_KINDS = ['fridge', 'tv', 'computer', 'e_bike'] as const;
const BIG_GOODS = 14;
const BICYCLES = 18;

/**
 * Every support of the plan of seed 004, household by household: 5 new builds and 1 repair, 78 savings books (every
 * household without housing support), 97 children's education, 14 large household goods and 18 pupils' bicycles.
 * Which household gets which is the demo's choice (the plan names counts per ward and source only), made by a fixed
 * seed; the counts and money by type, by source and by ward are the plan's (checked by ha-dong-plan-table.test.ts).
 * Household goods are one support per item, as the plan counts them.
 */
export function haDongSupports(households: readonly DemoHousehold[]): PlannedSupport[] {
  const random = seededRandom(2024_0042);
  const supports: PlannedSupport[] = [];
  const housed = new Set<string>();
  const inWard = (ward: HaDongWardKey) => households.filter((household) => household.ward === ward);

  // Each house is paid half by the district's Fund for the Poor and half by the body the plan names.
  const houses = [
    ...NEW_BUILDS.map(([ward, second]) => ({ ward, second, supportType: 'new_build' as const, amount: 100 * MILLION })),
    { ward: REPAIR_WARD, second: 'red_cross' as const, supportType: 'repair' as const, amount: 60 * MILLION },
  ];
  for (const { ward, second, supportType, amount } of houses) {
    const household = inWard(ward).find((candidate) => !housed.has(candidate.code))!;
    housed.add(household.code);
    supports.push({
      programme: 'housing',
      supportType,
      household: household.code,
      amount,
      sources: [
        { source: 'district_fund_for_the_poor', amount: amount / 2 },
        { source: second, amount: amount / 2 },
      ],
    });
  }

  const booksFromDistrict: string[] = [];
  for (const ward of HA_DONG_WARDS) {
    const eligible = inWard(ward.key).filter((household) => !housed.has(household.code));
    eligible.forEach((household, index) => {
      if (index < WARD_BOOKS[ward.key]) supports.push(book(household.code, `ward_fund_${ward.key}`));
      else booksFromDistrict.push(household.code);
    });
  }
  const districtBookSources = expand(DISTRICT_BOOKS);
  if (districtBookSources.length !== booksFromDistrict.length) {
    throw new Error(`savings books: ${booksFromDistrict.length} households for ${districtBookSources.length} books`);
  }
  booksFromDistrict.forEach((code, index) => supports.push(book(code, districtBookSources[index]!)));

  const children = households.flatMap((household) =>
    household.children.map((_, index) => ({ household: household.code, ward: household.ward, child: index })),
  );
  const childSources = new Map<string, HaDongSourceKey>();
  for (const ward of HA_DONG_WARDS) {
    children
      .filter((entry) => entry.ward === ward.key)
      .slice(0, WARD_CHILDREN[ward.key])
      .forEach((entry) => childSources.set(`${entry.household}/${entry.child}`, `ward_fund_${ward.key}`));
  }
  const rest = shuffle(
    children.filter((entry) => !childSources.has(`${entry.household}/${entry.child}`)),
    random,
  );
  const districtChildSources = expand(DISTRICT_CHILDREN);
  if (districtChildSources.length !== rest.length) {
    throw new Error(`education: ${rest.length} children for ${districtChildSources.length} places`);
  }
  rest.forEach((entry, index) => childSources.set(`${entry.household}/${entry.child}`, districtChildSources[index]!));
  const years = shuffle(
    YEARS.flatMap(([yearlyAmount, schoolYears, count]) =>
      Array.from({ length: count }, () => ({ yearlyAmount, schoolYears })),
    ),
    random,
  );
  children.forEach((entry, index) => {
    const { yearlyAmount, schoolYears } = years[index]!;
    const amount = yearlyAmount * schoolYears;
    supports.push({
      programme: 'education',
      supportType: 'education',
      household: entry.household,
      child: entry.child,
      yearlyAmount,
      schoolYears,
      amount,
      sources: [{ source: childSources.get(`${entry.household}/${entry.child}`)!, amount }],
    });
  });

  // One dossier per item, as the plan counts them (14 large items, 18 bicycles), each from the source that gives it.
  const item = (household: DemoHousehold, line: GoodsLine): PlannedSupport => ({
    programme: 'household_goods',
    supportType: line.kind,
    household: household.code,
    line,
    amount: line.amount,
    sources: [{ source: line.source, amount: line.amount }],
  });
  shuffle([...households], random)
    .slice(0, BIG_GOODS)
    .forEach((household, index) =>
      supports.push(
        item(household, {
          kind: GOODS_KINDS[index % GOODS_KINDS.length]!,
          amount: 6 * MILLION,
          source: 'labour_office_mobilised',
        }),
      ),
    );
  shuffle([...households], random)
    .slice(0, BICYCLES)
    .forEach((household) =>
      supports.push(item(household, { kind: 'bicycle', amount: 2 * MILLION, source: 'red_cross' })),
    );
  return supports;
}

function book(household: string, source: HaDongSourceKey): PlannedSupport {
  return {
    programme: 'savings_book',
    supportType: 'savings_book',
    household,
    amount: 20 * MILLION,
    sources: [{ source, amount: 20 * MILLION }],
  };
}

function expand<T>(counts: readonly (readonly [T, number])[]): T[] {
  return counts.flatMap(([value, count]) => Array.from({ length: count }, () => value));
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let index = list.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [list[index], list[other]] = [list[other]!, list[index]!];
  }
  return list;
}
