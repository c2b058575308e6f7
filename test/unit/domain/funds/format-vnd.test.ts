import { formatVnd } from '../../../../domain/funds/format-vnd';

describe('formatVnd', () => {
  it.each([
    [0, '0 ₫'],
    [999, '999 ₫'],
    [1000, '1.000 ₫'],
    [10_000_000, '10.000.000 ₫'],
    [100_000_000, '100.000.000 ₫'],
    [-2_500_000, '-2.500.000 ₫'],
  ])('writes %p as %p', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });
});
