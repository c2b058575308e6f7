import {
  REGISTER_CATEGORIES,
  type RegisterCategory,
  type RegisterCounts,
  type StoredHousehold,
} from './poverty-register';

const zero = (): Record<RegisterCategory, number> =>
  Object.fromEntries(REGISTER_CATEGORIES.map((c) => [c, 0])) as Record<RegisterCategory, number>;

/** No household. */
export const emptyRegisterCounts = (): RegisterCounts => ({
  households: zero(),
  people: zero(),
  ethnicMinorityHouseholds: 0,
});

/** Households and people (the head and the members) per category of one register. Pure. */
export function registerCounts(
  households: readonly Pick<StoredHousehold, 'category' | 'ethnicMinority' | 'members'>[],
): RegisterCounts {
  const counts = emptyRegisterCounts();
  for (const h of households) {
    counts.households[h.category] += 1;
    counts.people[h.category] += 1 + h.members.length;
    if (h.ethnicMinority) counts.ethnicMinorityHouseholds += 1;
  }
  return counts;
}

/** The sum of several registers' counts (a district's communes, a province's districts). Pure. */
export function addRegisterCounts(all: readonly RegisterCounts[]): RegisterCounts {
  const total = emptyRegisterCounts();
  for (const c of all) {
    for (const category of REGISTER_CATEGORIES) {
      total.households[category] += c.households[category];
      total.people[category] += c.people[category];
    }
    total.ethnicMinorityHouseholds += c.ethnicMinorityHouseholds;
  }
  return total;
}
