// Browser-safe and DOM-free.
import { supportLabel } from '../../../domain/reports/support-labels';
import type { Lang } from '../../shared/i18n/lang';

/** The words of overlap checks (docs/overlap-checks.md) in the officer app. */
export const overlapText = (lang: Lang) =>
  lang === 'en'
    ? {
        flag: 'Overlapping beneficiary',
        found: (n: number) =>
          `This household or person is already supported in ${n} overlapping dossier${n === 1 ? '' : 's'}. Check them; to create the dossier anyway, give the reason (it is recorded and shown to the next levels).`,
        reason: 'Reason to create it anyway',
        reasonBounds: 'Give a reason of 5 to 1,000 characters',
        createAnyway: 'Create anyway',
        cancel: 'Cancel',
        year: 'year',
        dossier: 'dossier',
        overriddenBy: 'Created anyway, reason:',
        rulesHeading: 'Overlap rules',
        columns: ['Rule', 'Programme', 'Overlaps with', 'Whose, when'],
        rulesIntro:
          'The same household or person may not be supported by these programmes within the window; a creator must give a reason to go on. Edit the list as JSON and save.',
        defaults: 'The shipped defaults apply (none saved).',
        saved: 'Saved.',
        save: 'Save rules',
        rulesJson: 'Rules (JSON)',
        notJson: 'Not valid JSON',
        subjects: { household: 'household', person: 'person' } as Record<string, string>,
        window: (w: Record<string, unknown>) =>
          'years' in w
            ? `within ${String(w.years)} years`
            : 'months' in w
              ? `within ${String(w.months)} months`
              : 'sameYear' in w
                ? 'in the same year'
                : 'while the other is open',
      }
    : {
        flag: 'Trùng đối tượng',
        found: (n: number) =>
          `Hộ hoặc người này đã được hỗ trợ trong ${n} hồ sơ trùng lặp. Hãy kiểm tra; nếu vẫn lập hồ sơ, hãy nêu lý do (lý do được ghi lại và hiển thị cho các cấp tiếp theo).`,
        reason: 'Lý do vẫn lập hồ sơ',
        reasonBounds: 'Hãy nêu lý do, từ 5 đến 1.000 ký tự',
        createAnyway: 'Vẫn lập hồ sơ',
        cancel: 'Hủy',
        year: 'năm',
        dossier: 'hồ sơ',
        overriddenBy: 'Vẫn lập hồ sơ, lý do:',
        rulesHeading: 'Quy tắc trùng đối tượng',
        columns: ['Quy tắc', 'Chương trình', 'Trùng với', 'Đối tượng, thời gian'],
        rulesIntro:
          'Cùng một hộ hoặc một người không được hỗ trợ bởi các chương trình này trong khoảng thời gian nêu; người lập hồ sơ phải nêu lý do nếu vẫn lập. Sửa danh sách dưới dạng JSON rồi lưu.',
        defaults: 'Đang áp dụng quy tắc mặc định (chưa lưu quy tắc riêng).',
        saved: 'Đã lưu.',
        save: 'Lưu quy tắc',
        rulesJson: 'Quy tắc (JSON)',
        notJson: 'Không phải JSON hợp lệ',
        subjects: { household: 'hộ', person: 'người' } as Record<string, string>,
        window: (w: Record<string, unknown>) =>
          'years' in w
            ? `trong ${String(w.years)} năm`
            : 'months' in w
              ? `trong ${String(w.months)} tháng`
              : 'sameYear' in w
                ? 'trong cùng năm'
                : 'khi hồ sơ kia đang xử lý',
      };

/** "Hỗ trợ nhà ở (xây mới)": a programme and support type by name (the one table of names); an unknown key as it is. */
export function programmeLabel(programme: string, supportType: string | null | undefined, lang: Lang): string {
  const name = supportLabel(programme)[lang];
  if (!supportType) return name;
  return `${name} (${supportLabel(supportType)[lang].toLocaleLowerCase('vi')})`;
}
