import { naturalItemTitle } from '../../../web/shared/format/natural-item-title';

describe('naturalItemTitle', () => {
  it.each([
    ['Nguồn kinh phí-1', 'Nguồn kinh phí 1'],
    ['Funding source-12', 'Funding source 12'],
    ['Thành viên hộ-3', 'Thành viên hộ 3'],
  ])('writes the array item title %s as %s', (rjsf, natural) => {
    expect(naturalItemTitle(rjsf)).toBe(natural);
  });

  it.each(['Nguồn kinh phí', 'Quý 1-2024 ', 'Mã hồ sơ HN-HD-2024-00001x', '-1'])('leaves %p as it is', (title) => {
    expect(naturalItemTitle(title)).toBe(title);
  });
});
