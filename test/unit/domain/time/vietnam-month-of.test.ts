import { vietnamMonthOf } from '../../../../domain/time/vietnam-month-of';

describe('vietnamMonthOf', () => {
  it.each([
    ['2025-12-31T17:30:00Z', '2026-01'],
    ['9999-12-31T00:00:00Z', '9999-12'],
    ['0001-01-01T00:00:00Z', '0001-01'],
    ['0000-12-31T17:00:00Z', '0001-01'],
  ])('writes the Việt Nam month of %s as %s, four-digit year', (instant, month) => {
    expect(vietnamMonthOf(new Date(instant))).toBe(month);
  });

  it.each([
    ['the last instant a Date holds (275760-09-13)', new Date(8.64e15)],
    ['a date past it', new Date('+275760-09-14T00:00:00Z')],
    ['an invalid date', new Date('275760-09-13x')],
    ['year 10000 in Việt Nam (9999-12-31T17:00Z)', new Date('9999-12-31T17:00:00Z')],
    ['year 0 (0000-01-01)', new Date('0000-01-01T00:00:00Z')],
    ['a negative year', new Date('-000001-06-01T00:00:00Z')],
  ])('throws RangeError for %s instead of answering NaN-NaN', (_what, instant) => {
    expect(() => vietnamMonthOf(instant)).toThrow(RangeError);
  });
});
