import { dossierSearchText } from '../../../../read-model/search/dossier-search-text';
import { normalizeSearchText } from '../../../../read-model/search/normalize-search-text';

describe('normalizeSearchText', () => {
  it.each([
    ['Nguyễn Thị Hoa', 'nguyen thi hoa'],
    ['TRẦN ĐỨC HÒA', 'tran duc hoa'],
    ['  Lê   Văn\tÁnh ', 'le van anh'],
    ['Phạm Ngọc Ưng Ơn', 'pham ngoc ung on'],
    ['Nguyễn Thị Hoa'.normalize('NFD'), 'nguyen thi hoa'], // decomposed input gives the same
    ['HN-HD-BG-2026-00001', 'hn-hd-bg-2026-00001'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('builds the dossier search field from the code and the head of household, and copes without a name', () => {
    expect(dossierSearchText('HN-HD-BG-2026-00001', { headName: 'Đỗ Thị Mến' })).toBe('hn-hd-bg-2026-00001 do thi men');
    expect(dossierSearchText('HN-HD-BG-2026-00002', { headName: null })).toBe('hn-hd-bg-2026-00002');
  });
});
