import { clockStartAt, isYearlyDay } from '../../../../domain/calendar/clock-start-at';

const SEPTEMBER_5 = { month: 9, day: 5 };

describe('clockStartAt (Việt Nam time, +07:00 all year)', () => {
  it.each([
    [
      'entered in June: 5 September of the same year, 00:00 in Việt Nam',
      '2026-06-10T03:00:00.000Z',
      '2026-09-04T17:00:00.000Z',
    ],
    ['entered late on 4 September (Việt Nam)', '2026-09-04T16:59:59.000Z', '2026-09-04T17:00:00.000Z'],
    [
      'entered on 5 September itself (Việt Nam, still 4 September in UTC): at once',
      '2026-09-04T17:30:00.000Z',
      '2026-09-04T17:30:00.000Z',
    ],
    ['entered later on 5 September: at once', '2026-09-05T09:00:00.000Z', '2026-09-05T09:00:00.000Z'],
    ['entered on 6 September: the next year', '2026-09-05T17:00:00.000Z', '2027-09-04T17:00:00.000Z'],
    ['entered in December: the next year', '2026-12-31T16:00:00.000Z', '2027-09-04T17:00:00.000Z'],
    [
      'entered on 1 January (Việt Nam) while still 31 December in UTC',
      '2026-12-31T17:30:00.000Z',
      '2027-09-04T17:00:00.000Z',
    ],
  ])('%s', (_name, entered, start) => {
    expect(clockStartAt(entered, SEPTEMBER_5)).toBe(start);
  });

  it('starts at once without a clock start', () => {
    expect(clockStartAt('2026-06-10T03:00:00.000Z', undefined)).toBe('2026-06-10T03:00:00.000Z');
  });

  it('throws RangeError for a malformed entry or a day not every year has', () => {
    expect(() => clockStartAt('not a time', SEPTEMBER_5)).toThrow(RangeError);
    expect(() => clockStartAt('2026-06-10T03:00:00.000Z', { month: 2, day: 29 })).toThrow(RangeError);
  });

  it.each([
    [{ month: 9, day: 5 }, true],
    [{ month: 2, day: 28 }, true],
    [{ month: 12, day: 31 }, true],
    [{ month: 2, day: 29 }, false],
    [{ month: 4, day: 31 }, false],
    [{ month: 0, day: 1 }, false],
    [{ month: 13, day: 1 }, false],
    [{ month: 1, day: 0 }, false],
    [{ month: 1, day: 1.5 }, false],
  ])('isYearlyDay(%o) is %s', (day, yearly) => {
    expect(isYearlyDay(day)).toBe(yearly);
  });
});
