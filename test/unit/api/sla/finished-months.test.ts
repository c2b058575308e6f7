import { finishedMonths } from '../../../../api/sla/finished-months';

describe('finishedMonths at the edges of the calendar', () => {
  it('lists at most maxMonths months, the latest ones, for a period of eight thousand years', () => {
    const p = finishedMonths(new Date('0001-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z'));
    expect(p.months).toHaveLength(120);
    expect(p.months[0]).toBe('9990-01');
    expect(p.months[119]).toBe('9999-12');
    expect(p.from.toISOString()).toBe('9989-12-31T17:00:00.000Z');
    expect(p.to.toISOString()).toBe('9999-12-31T17:00:00.000Z');
  });

  it('keeps years below 100 as they are (0001, not 1901)', () => {
    const p = finishedMonths(new Date('0001-01-01T00:00:00Z'), new Date('0001-02-28T17:00:00Z'));
    expect(p.months).toEqual(['0001-01', '0001-02']);
    expect(p.from.toISOString()).toBe('0000-12-31T17:00:00.000Z');
    expect(p.to.toISOString()).toBe('0001-02-28T17:00:00.000Z');
  });

  it.each([
    ['275760-09-13 (the last instant a Date holds)', new Date(8.64e15)],
    ['an invalid date', new Date(Number.NaN)],
  ])('throws RangeError for a period ending at %s instead of looping', (_what, to) => {
    expect(() => finishedMonths(new Date('2026-01-01T00:00:00Z'), to)).toThrow(RangeError);
  });

  it.each([
    ['0000-01-01 (year 0)', new Date('0000-01-01T00:00:00Z')],
    ['an invalid date', new Date(Number.NaN)],
  ])('throws RangeError for a period starting at %s', (_what, from) => {
    expect(() => finishedMonths(from, new Date('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('lists no month for an empty or reversed period', () => {
    expect(finishedMonths(new Date('2026-03-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z')).months).toEqual([]);
  });
});
