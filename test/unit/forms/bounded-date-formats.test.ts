import { fullFormats } from 'ajv-formats/dist/formats';
import { boundedDateFormats } from '../../../forms/bounded-date-formats';
import { createAjv } from '../../../forms';

const ajvFormatsDate = fullFormats.date as { validate: (s: string) => boolean };
const ajvFormatsDateTime = fullFormats['date-time'] as { validate: (s: string) => boolean };

/** Every day of a year, as YYYY-MM-DD, plus the impossible days 29-31 of each month. */
function candidateDays(year: number): string[] {
  const days: string[] = [];
  for (let month = 1; month <= 12; month++)
    for (let day = 0; day <= 32; day++)
      days.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  return days;
}

describe('bounded date formats', () => {
  it.each([1900, 1904, 1999, 2000, 2024, 2025, 2096, 2100])(
    'agree with ajv-formats on every day of %i, leap days included',
    (year) => {
      for (const day of candidateDays(year)) {
        expect([day, boundedDateFormats.date.test(day)]).toEqual([day, ajvFormatsDate.validate(day)]);
      }
    },
  );

  it.each(['9999-12-31', '0000-01-01', '1899-12-31', '2101-01-01', '1000-06-15', '+2025-01-01', '2025-1-1', ''])(
    'refuse %j as a date',
    (value) => {
      expect(boundedDateFormats.date.test(value)).toBe(false);
    },
  );

  it.each(['1900-01-01', '2100-12-31', '2000-02-29', '2024-02-29'])('accept %s, inside the range', (value) => {
    expect(boundedDateFormats.date.test(value)).toBe(true);
  });

  it.each([
    ['2025-06-01T08:30:00Z', true],
    ['2025-06-01T08:30:00.123+07:00', true],
    ['2025-06-01t08:30:00z', true],
    ['2025-06-01 08:30:00-05:30', true],
    ['2025-06-01T08:30:00', false], // no offset
    ['2025-06-01T24:00:00Z', false],
    ['2025-06-01T08:60:00Z', false],
    ['2025-06-01T08:30:00+24:00', false],
    ['2025-02-29T08:30:00Z', false],
  ])('judge the date-time %s like ajv-formats (%s) inside the range', (value, valid) => {
    expect(boundedDateFormats['date-time'].test(value)).toBe(valid);
    expect(ajvFormatsDateTime.validate(value)).toBe(valid);
  });

  it.each(['2025-06-01T08:30:00+0700', '2025-06-01T08:30:00+07'])(
    'refuse the offset of %s, which ajv-formats allows: RFC 3339 writes ±hh:mm, and Date cannot read every other form',
    (value) => {
      expect(ajvFormatsDateTime.validate(value)).toBe(true);
      expect(boundedDateFormats['date-time'].test(value)).toBe(false);
    },
  );

  it('accept only date-times that JavaScript reads as the same instant', () => {
    for (const value of ['2025-06-01T08:30:00.123+07:00', '2025-06-01 08:30:00-05:30', '2100-12-31t23:59:59z']) {
      expect(boundedDateFormats['date-time'].test(value)).toBe(true);
      expect(Number.isNaN(new Date(value).getTime())).toBe(false);
    }
  });

  it.each(['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2101-01-01T00:00:00+07:00', '1899-12-31T23:59:59Z'])(
    'refuse the date-time %s, outside the range',
    (value) => {
      expect(boundedDateFormats['date-time'].test(value)).toBe(false);
    },
  );

  it('are the formats of the shared ajv set-up', () => {
    const ajv = createAjv();
    const date = ajv.compile({ type: 'string', format: 'date' });
    const dateTime = ajv.compile({ type: 'string', format: 'date-time' });
    expect([date('2025-06-01'), date('9999-12-31'), date('0000-01-01')]).toEqual([true, false, false]);
    expect([dateTime('2025-06-01T00:00:00Z'), dateTime('9999-12-31T00:00:00Z')]).toEqual([true, false]);
  });
});
