import { dateParameter, DATE_RANGE, instantParameter } from '../../../../api/openapi/api-parameter';

const date = new RegExp(dateParameter('d').pattern!, 'u');
const instant = new RegExp(instantParameter('i').pattern!, 'u');

/** Every day from `from` to `to` (UTC dates), as YYYY-MM-DD. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('the date pattern of query and path parameters', () => {
  it('accepts exactly the real days of its range, leap days included', () => {
    const all = days('1999-12-01', '2100-01-31');
    const accepted = all.filter((d) => date.test(d));
    expect(accepted[0]).toBe(DATE_RANGE.from);
    expect(accepted[accepted.length - 1]).toBe(DATE_RANGE.to);
    expect(accepted).toEqual(all.filter((d) => d >= DATE_RANGE.from && d <= DATE_RANGE.to));
  });

  it.each(['2001-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '1999-12-31', '2100-01-01', ''])(
    'refuses %p',
    (text) => {
      expect(date.test(text)).toBe(false);
    },
  );

  it.each(['275760-09-13', '9999-12-31', '0001-01-01', '0000-01-01', '+002026-01-01', '2026-1-1'])(
    'refuses %p, the dates of issue 12',
    (text) => {
      expect(date.test(text)).toBe(false);
      expect(instant.test(text)).toBe(false);
    },
  );

  it.each(['2026-01-01', '2026-01-01T00:00Z', '2025-12-31T17:00:00.000Z', '2026-06-30T23:59:59+07:00'])(
    'takes %p as an instant',
    (text) => {
      expect(instant.test(text)).toBe(true);
      expect(Number.isNaN(Date.parse(text))).toBe(false);
    },
  );

  it.each(['2026-01-01T24:00Z', '2026-01-01T10:00', '2026-01-01T10:00:00.1234Z', '2026-01-01 10:00Z'])(
    'refuses the instant %p',
    (text) => {
      expect(instant.test(text)).toBe(false);
    },
  );
});
