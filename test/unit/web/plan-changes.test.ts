import type { AdminUser, PublishedVersionList } from '../../../api-contract';
import { dayBefore, grantsAtUnits, isNationalAdmin, publishedLabel } from '../../../web/app/transition/plan-changes';
import { transitionText } from '../../../web/app/transition/transition-text';

describe('the transition plan page helpers', () => {
  it('knows a national administrator by an admin grant at VN only', () => {
    expect(isNationalAdmin([{ role: 'admin', unitCode: 'VN' }])).toBe(true);
    expect(isNationalAdmin([{ role: 'admin', unitCode: 'HN' }])).toBe(false);
    expect(isNationalAdmin([{ role: 'supervisor', unitCode: 'VN' }])).toBe(false);
  });

  it.each([
    ['2025-07-01', '2025-06-30'],
    ['2025-01-01', '2024-12-31'],
    ['2024-03-01', '2024-02-29'],
  ])('takes the day before %s as the default last day: %s', (day, before) => {
    expect(dayBefore(day)).toBe(before);
  });

  it('lists the grants at the retired units, person by person, with their display names', () => {
    const users: AdminUser[] = [
      {
        id: 'quan.hadong',
        displayName: 'Lê Quang Minh',
        active: true,
        locked: false,
        grants: [
          { role: 'district_officer', unitCode: 'HN-HD' },
          { role: 'supervisor', unitCode: 'HN' },
        ],
      },
      {
        id: 'tp.hanoi',
        displayName: 'Đinh Văn An',
        active: true,
        locked: false,
        grants: [{ role: 'x', unitCode: 'HN' }],
      },
    ];
    expect(grantsAtUnits(users, new Set(['HN-HD']))).toEqual([
      {
        key: 'quan.hadong|district_officer|HN-HD',
        username: 'quan.hadong',
        displayName: 'Lê Quang Minh',
        role: 'district_officer',
        unitCode: 'HN-HD',
      },
    ]);
    expect(grantsAtUnits(users, new Set())).toEqual([]);
  });

  it('names a process version by title and version, and every version by the latest title', () => {
    const published: PublishedVersionList['items'] = [
      { key: 'p', version: 1, title: { vi: 'Cũ', en: 'Old' }, publishedAt: '2024-01-01T00:00:00Z', publishedBy: 'a' },
      { key: 'p', version: 2, title: { vi: 'Mới', en: 'New' }, publishedAt: '2025-01-01T00:00:00Z', publishedBy: 'a' },
    ];
    const vi = transitionText('vi');
    expect(publishedLabel(published, { processKey: 'p', processVersion: 1 }, 'vi', vi)).toBe('Cũ — phiên bản 1');
    expect(publishedLabel(published, { processKey: 'p', processVersion: null }, 'vi', vi)).toBe('Mới — mọi phiên bản');
    expect(publishedLabel(published, { processKey: 'p', processVersion: 2 }, 'en', transitionText('en'))).toBe(
      'New — version 2',
    );
  });
});
