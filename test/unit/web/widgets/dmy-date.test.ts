// Dates typed as dd/mm/yyyy and stored as ISO yyyy-mm-dd.
import fc from 'fast-check';
import { formatDmyDate } from '../../../../web/shared/widgets/format-dmy-date';
import { parseDmyDate } from '../../../../web/shared/widgets/parse-dmy-date';

describe('parseDmyDate', () => {
  it.each([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15-03-2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['15032024', '2024-03-15'],
    ['  01/07/2025 ', '2025-07-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2199', '2199-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(parseDmyDate(text)).toEqual({ kind: 'ok', iso });
  });

  it.each([
    '31/02/2025',
    '29/02/2023',
    '29/02/1900',
    '31/04/2024',
    '00/01/2024',
    '32/01/2024',
    '15/13/2024',
    '15/00/2024',
    '01/01/1899',
    '01/01/2200',
  ])('%s is no date', (text) => {
    expect(parseDmyDate(text)).toEqual({ kind: 'no-such-date' });
  });

  it.each(['15/03/24', 'abc', '2024-03-15', '15/03', '15//2024', '1/2/3/2024', '150320245'])(
    '%s is not day/month/year',
    (text) => {
      expect(parseDmyDate(text)).toEqual({ kind: 'malformed' });
    },
  );

  it('treats blank text as empty', () => {
    expect(parseDmyDate('')).toEqual({ kind: 'empty' });
    expect(parseDmyDate('   ')).toEqual({ kind: 'empty' });
  });
});

describe('formatDmyDate', () => {
  it('shows an ISO date day first and nothing else', () => {
    expect(formatDmyDate('2024-03-15')).toBe('15/03/2024');
    expect(formatDmyDate('2024-03-15T10:00:00Z')).toBeUndefined();
    expect(formatDmyDate('31/02/2025')).toBeUndefined();
    expect(formatDmyDate(20240315)).toBeUndefined();
    expect(formatDmyDate(undefined)).toBeUndefined();
  });

  it('round-trips every date from 1900 to 2199', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(parseDmyDate(formatDmyDate(iso)!)).toEqual({ kind: 'ok', iso });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
