import {
  RECEIPT_FUTURE_TOLERANCE_MS,
  RECEIPT_MAX_AGE_DAYS,
  receiptProblem,
  receiptProblemMessage,
  vietnamDateTime,
} from '../../../../domain/sla/receipt-problem';

const NOW = Date.parse('2026-12-06T03:00:00Z'); // 10:00 in Việt Nam
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('receiptProblem: the window a paper receipt time must fall in', () => {
  it.each([
    ['now', iso(NOW)],
    ['within the clock-skew tolerance ahead', iso(NOW + RECEIPT_FUTURE_TOLERANCE_MS)],
    ['a day back, with an offset', '2026-12-05T09:00:00+07:00'],
    ['exactly the oldest allowed', iso(NOW - RECEIPT_MAX_AGE_DAYS * DAY)],
  ])('accepts %s', (_what, at) => {
    expect(receiptProblem(at, NOW, '2025-07-01')).toBeNull();
  });

  it.each([
    ['not a time', 'hôm qua', { kind: 'invalid' }],
    ['beyond the tolerance ahead', iso(NOW + RECEIPT_FUTURE_TOLERANCE_MS + 1), { kind: 'future' }],
    [
      'a millisecond older than the window',
      iso(NOW - RECEIPT_MAX_AGE_DAYS * DAY - 1),
      { kind: 'too_old', earliest: iso(NOW - RECEIPT_MAX_AGE_DAYS * DAY) },
    ],
  ])('refuses %s', (_what, at, problem) => {
    expect(receiptProblem(at, NOW)).toEqual(problem);
  });

  it('judges the process effective date on the Việt Nam day of the receipt, not the UTC one', () => {
    // 23:30 UTC on 30 Nov is 06:30 on 1 Dec in Việt Nam: on the effective day, accepted.
    expect(receiptProblem('2026-11-30T23:30:00Z', NOW, '2026-12-01')).toBeNull();
    expect(receiptProblem('2026-11-30T16:59:00Z', NOW, '2026-12-01')).toEqual({
      kind: 'before_process',
      effectiveFrom: '2026-12-01',
    });
  });
});

describe('receiptProblemMessage', () => {
  it('names the earliest receipt in Việt Nam time and the effective day as dd/mm/yyyy, in both languages', () => {
    const old = receiptProblemMessage({ kind: 'too_old', earliest: '2026-11-06T03:00:00.000Z' });
    expect(old.vi).toContain('30 ngày');
    expect(old.vi).toContain('06/11/2026 10:00');
    expect(old.en).toContain('06/11/2026 10:00');
    expect(receiptProblemMessage({ kind: 'before_process', effectiveFrom: '2025-07-01' }).vi).toContain('01/07/2025');
    expect(receiptProblemMessage({ kind: 'future' })).toEqual({
      vi: expect.stringContaining('tương lai'),
      en: expect.stringContaining('future'),
    });
  });

  it('formats instants in Việt Nam time across the UTC day boundary', () => {
    expect(vietnamDateTime('2026-12-31T18:05:00Z')).toBe('01/01/2027 01:05');
  });
});
