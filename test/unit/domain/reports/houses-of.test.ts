import { housesOf } from '../../../../domain/reports/houses-of';

describe('houses of a dossier (built and repaired apart)', () => {
  it.each([
    ['a housing dossier to build', 'housing', { supportType: 'new_build' }, { built: 1, repaired: 0, unsplit: 0 }],
    [
      'a list to repair',
      'fund_for_the_poor',
      { supportType: 'repair', beneficiaries: 4 },
      { built: 0, repaired: 4, unsplit: 0 },
    ],
    [
      'a mixed list with its houses recorded',
      'fund_for_the_poor',
      { supportType: 'mixed', beneficiaries: 5, housesBuilt: 2, housesRepaired: 3 },
      { built: 2, repaired: 3, unsplit: 0 },
    ],
    [
      'a mixed list whose recorded houses do not add up to its households',
      'fund_for_the_poor',
      { supportType: 'mixed', beneficiaries: 5, housesBuilt: 2, housesRepaired: 2 },
      { built: 0, repaired: 0, unsplit: 5 },
    ],
    [
      'a mixed list recorded before houses were',
      'fund_for_the_poor',
      { supportType: 'mixed', beneficiaries: 2 },
      {
        built: 0,
        repaired: 0,
        unsplit: 2,
      },
    ],
    [
      'household goods of several kinds',
      'household_goods',
      { supportType: 'mixed' },
      { built: 0, repaired: 0, unsplit: 0 },
    ],
  ] as [string, string, Record<string, string | number>, object][])('%s', (_name, programme, facts, houses) => {
    const h = housesOf(programme, facts);
    expect(h).toEqual(houses);
    if (programme !== 'household_goods') {
      const households = typeof facts['beneficiaries'] === 'number' ? facts['beneficiaries'] : 1;
      expect(h.built + h.repaired + h.unsplit).toBe(households);
    }
  });
});
