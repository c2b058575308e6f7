import { formatDateTime } from '../../../web/app/format/format-date-time';

describe('the officer app formats', () => {
  it("writes date-times as dd/mm/yyyy HH:mm in Việt Nam's time, whatever the machine's zone", () => {
    expect(formatDateTime('2026-01-31T17:30:00Z')).toBe('01/02/2026 00:30');
    expect(formatDateTime('2024-04-02T02:05:00.000Z')).toBe('02/04/2024 09:05');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime(null)).toBe('');
  });
});
