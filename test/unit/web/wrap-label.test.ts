import { wrapLabel } from '../../../web/app/funds/wrap-label';

describe('a chart label wrapped for a phone', () => {
  it('keeps a short name on one line', () => {
    expect(wrapLabel('Quỹ Vì người nghèo', 30, 2)).toEqual(['Quỹ Vì người nghèo']);
  });
  it('breaks a long name between words', () => {
    expect(wrapLabel('Quỹ Vì người nghèo quận Hà Đông 2026', 20, 2)).toEqual([
      'Quỹ Vì người nghèo',
      'quận Hà Đông 2026',
    ]);
    expect(wrapLabel('Quỹ Vì người nghèo quận Hà Đông năm 2026', 20, 2)).toEqual([
      'Quỹ Vì người nghèo',
      'quận Hà Đông năm…',
    ]);
  });
  it('ends what does not fit in an ellipsis', () => {
    const lines = wrapLabel('Vốn vay Ngân hàng Chính sách xã hội chi nhánh thành phố Hà Nội đợt hai', 20, 2);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[0]).toBe('Vốn vay Ngân hàng');
  });
  it('cuts a word longer than a line', () => {
    expect(wrapLabel('A'.repeat(30), 10, 2)).toEqual(['AAAAAAAAA…']);
  });
});
