import { formatDateTime } from '../../../web/app/format/format-date-time';
import { formatVnd } from '../../../web/app/format/format-vnd';

describe('the officer app formats', () => {
  it.each([
    [100_000_000, 'vi', '100.000.000 ₫'],
    [3_051_500_000, 'en', '3,051,500,000 VND'],
    [0, 'vi', '0 ₫'],
    [999, 'vi', '999 ₫'],
    [-1500, 'en', '-1,500 VND'],
  ] as const)('writes %d VND in %s as %s', (amount, lang, text) => {
    expect(formatVnd(amount, lang)).toBe(text);
  });

  it('shows what is not an amount as it is', () => {
    expect(formatVnd('12a', 'vi')).toBe('12a');
    expect(formatVnd(undefined, 'vi')).toBe('');
  });

  it("writes date-times as dd/mm/yyyy HH:mm in Việt Nam's time, whatever the machine's zone", () => {
    expect(formatDateTime('2026-01-31T17:30:00Z')).toBe('01/02/2026 00:30');
    expect(formatDateTime('2024-04-02T02:05:00.000Z')).toBe('02/04/2024 09:05');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime(null)).toBe('');
  });
});
