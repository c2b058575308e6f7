import { NotFoundError } from '../../../../api/errors';

describe('a 404 in the caller’s language', () => {
  it('names the kind of thing in Vietnamese, never an English word, and keeps the English as it is', () => {
    const dossier = new NotFoundError('dossier HN-HD-HC-2026-00001');
    expect(dossier.localized).toEqual({
      vi: 'Không tìm thấy hồ sơ HN-HD-HC-2026-00001',
      en: 'dossier HN-HD-HC-2026-00001 not found',
    });
    expect(new NotFoundError('unit HN-XX').localized.vi).toBe('Không tìm thấy đơn vị HN-XX');
    expect(new NotFoundError('fund').localized.vi).toBe('Không tìm thấy nguồn kinh phí');
    expect(new NotFoundError('a version of housing-proposal before 2').localized.vi).toBe(
      'Không tìm thấy phiên bản của housing-proposal trước 2',
    );
    // A text already in both languages is left alone; one starting with no known kind too.
    expect(new NotFoundError('kế hoạch / plan').localized.vi).toBe('Không tìm thấy kế hoạch / plan');
    expect(new NotFoundError('unitless thing').localized.vi).toBe('Không tìm thấy unitless thing');
  });
});
