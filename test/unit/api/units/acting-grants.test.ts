import type { AuthenticatedUser } from '../../../../api/auth/authenticated-user';
import { ForbiddenError } from '../../../../api/errors';
import { actingGrants } from '../../../../api/units/acting-grants';
import type { RetiredUnit, UnitValidity } from '../../../../api/units/create-unit-validity';

/** A validity with a fixed today and a fixed set of retired units (the real one reads the units from the database). */
const validityOn = (today: string, retiredCodes: string[] = []): UnitValidity => ({
  today: () => today,
  retired: (codes) =>
    Promise.resolve(
      codes
        .filter((c) => retiredCodes.includes(c))
        .map((code): RetiredUnit => ({ code, name: code, effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30' })),
    ),
  firstRetired: () => undefined,
  describe: (unit) => ({ vi: `${unit.name} hết hiệu lực`, en: `${unit.name} is retired` }),
});

const user = (grants: AuthenticatedUser['grants']): AuthenticatedUser =>
  ({ id: 'officer', displayName: 'Cán bộ', grants }) as AuthenticatedUser;

const unitsActing = async (validity: UnitValidity, u: AuthenticatedUser) =>
  (await actingGrants(validity, u, [])).check((acting) => acting.grants.map((g) => g.unitCode));

describe('actingGrants', () => {
  it.each([
    ['the day before its start day', '2025-06-30', []],
    ['its start day', '2025-07-01', ['HN-HADONG']],
    ['a day after its start day', '2025-07-02', ['HN-HADONG']],
  ])('on %s, a grant with a start day authorises acting only from that day', async (_when, today, expected) => {
    const officer = user([{ role: 'commune_officer', unitCode: 'HN-HADONG', from: '2025-07-01' }]);
    expect(await unitsActing(validityOn(today), officer)).toEqual(expected);
  });

  it('keeps a grant with no start day and drops one at a retired unit', async () => {
    const officer = user([
      { role: 'commune_officer', unitCode: 'HN-HD-HC' },
      { role: 'district_officer', unitCode: 'HN-HD' },
    ]);
    expect(await unitsActing(validityOn('2025-07-01', ['HN-HD']), officer)).toEqual(['HN-HD-HC']);
  });

  it('names the retired unit of the dossier when the remaining grants refuse', async () => {
    const officer = user([{ role: 'district_officer', unitCode: 'HN-HD' }]);
    const acting = await actingGrants(validityOn('2025-07-01', ['HN-HD']), officer, ['HN-HD']);
    expect(() =>
      acting.check((u) => {
        if (u.grants.length === 0) throw new ForbiddenError({ vi: 'không có vai trò', en: 'no role' });
      }),
    ).toThrow(/HN-HD is retired/);
  });
});
