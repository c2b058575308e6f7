import type { UnitItem } from '../../../api-contract';
import { countGrantStandings, grantStanding } from '../../../web/app/admin/grant-standing';

const unit = (code: string, effectiveFrom: string, effectiveTo: string | null, parent: string | null): UnitItem =>
  ({
    code,
    name: code,
    level: parent ? 'commune' : 'province',
    parent,
    effectiveFrom,
    effectiveTo,
    successor: null,
    successors: [],
    inForce: effectiveFrom <= TODAY && (effectiveTo === null || TODAY <= effectiveTo),
    acceptsDossiers: true,
  }) as UnitItem;

const TODAY = '2025-06-20';
const units = new Map(
  [
    unit('HN', '2008-08-01', null, null),
    unit('HN-OLD', '2008-08-01', '2025-06-30', 'HN'),
    unit('HN-NEW', '2025-07-01', null, 'HN'),
    unit('HN-GONE', '2008-08-01', '2025-01-31', 'HN'),
  ].map((u) => [u.code, u]),
);
const lookup = (code: string) => units.get(code);

describe('where a grant stands on the users page', () => {
  it('calls a grant whose start day is ahead upcoming, not retired, at a unit that comes into force that day', () => {
    const standing = grantStanding({ role: 'commune_officer', unitCode: 'HN-NEW', from: '2025-07-01' }, TODAY, lookup);
    expect(standing).toEqual({ state: 'upcoming', from: '2025-07-01', retired: undefined });
  });

  it('marks an upcoming grant at a unit that is no longer in force on its start day', () => {
    const standing = grantStanding({ role: 'commune_officer', unitCode: 'HN-OLD', from: '2025-07-01' }, TODAY, lookup);
    expect(standing.state).toBe('upcoming');
    expect(standing.retired?.code).toBe('HN-OLD');
  });

  it.each([
    ['a grant without a start day at a unit in force', { unitCode: 'HN-OLD' }, undefined, undefined],
    ['a grant started in the past', { unitCode: 'HN-OLD', from: '2024-01-01' }, '2024-01-01', undefined],
    ['a grant starting today', { unitCode: 'HN-OLD', from: TODAY }, TODAY, undefined],
    ['a grant at a retired unit', { unitCode: 'HN-GONE' }, undefined, 'HN-GONE'],
  ])('calls %s started', (_, grant, from, retired) => {
    const standing = grantStanding({ role: 'admin', ...grant }, TODAY, lookup);
    expect(standing.state).toBe('started');
    expect(standing.from).toBe(from);
    expect(standing.retired?.code).toBe(retired);
  });

  it('counts grants at retired units and grants not started yet apart', () => {
    const grants = [
      { role: 'a', unitCode: 'HN-GONE' },
      { role: 'b', unitCode: 'HN-NEW', from: '2025-07-01' },
      { role: 'c', unitCode: 'HN-NEW', from: '2025-08-01' },
      { role: 'd', unitCode: 'HN' },
      // Not started, at a unit gone by its start day: counted once, as not started (its row carries the mark).
      { role: 'e', unitCode: 'HN-OLD', from: '2025-07-01' },
    ];
    expect(countGrantStandings(grants, TODAY, lookup)).toEqual({ retired: 1, upcoming: 3 });
  });
});
