import { formatVnd } from '../../../../domain/funds/format-vnd';

describe('formatVnd', () => {
  it.each([
    [0, '0 ₫'],
    [999, '999 ₫'],
    [1000, '1.000 ₫'],
    [10_000_000, '10.000.000 ₫'],
    [100_000_000, '100.000.000 ₫'],
    [-2_500_000, '-2.500.000 ₫'],
  ])('writes %p in Vietnamese, the default, as %p', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
    expect(formatVnd(amount, 'vi')).toBe(text);
  });

  it.each([
    [0, '0 VND'],
    [999, '999 VND'],
    [3_051_500_000, '3,051,500,000 VND'],
    [-1500, '-1,500 VND'],
  ])('writes %p in English as %p', (amount, text) => {
    expect(formatVnd(amount, 'en')).toBe(text);
  });

  it('rounds a fraction to whole đồng, on either side of zero', () => {
    expect(formatVnd(1999.5)).toBe('2.000 ₫');
    expect(formatVnd(-1000.4, 'en')).toBe('-1,000 VND');
  });
});
