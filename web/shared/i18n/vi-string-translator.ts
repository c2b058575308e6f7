// Browser-safe and DOM-free.
import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';
import type { Lang } from './lang';

/** react-jsonschema-form's own strings (buttons, array items, yes/no) in Vietnamese. */
const vietnamese: Record<TranslatableString, string> = {
  [TranslatableString.ArrayItemTitle]: 'Mục',
  [TranslatableString.MissingItems]: 'Thiếu định nghĩa các mục',
  [TranslatableString.EmptyArray]: 'Chưa có mục nào. Bấm nút bên dưới để thêm.',
  [TranslatableString.YesLabel]: 'Có',
  [TranslatableString.NoLabel]: 'Không',
  [TranslatableString.CloseLabel]: 'Đóng',
  [TranslatableString.ErrorsLabel]: 'Lỗi',
  [TranslatableString.NewStringDefault]: 'Giá trị mới',
  [TranslatableString.AddButton]: 'Thêm',
  [TranslatableString.AddItemButton]: 'Thêm mục',
  [TranslatableString.CopyButton]: 'Sao chép',
  [TranslatableString.ExpandButton]: 'Mở rộng',
  [TranslatableString.MoveDownButton]: 'Chuyển xuống',
  [TranslatableString.MoveUpButton]: 'Chuyển lên',
  [TranslatableString.RemoveButton]: 'Xóa',
  [TranslatableString.NowLabel]: 'Bây giờ',
  [TranslatableString.ClearLabel]: 'Xóa',
  [TranslatableString.AriaDateLabel]: 'Chọn ngày',
  [TranslatableString.PreviewLabel]: 'Xem trước',
  [TranslatableString.DecrementAriaLabel]: 'Giảm 1',
  [TranslatableString.IncrementAriaLabel]: 'Tăng 1',
  [TranslatableString.OptionalObjectAdd]: 'Thêm thông tin cho trường không bắt buộc',
  [TranslatableString.OptionalObjectRemove]: 'Bỏ thông tin của trường không bắt buộc',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Chưa có thông tin cho trường không bắt buộc',
  [TranslatableString.Type]: 'Kiểu',
  [TranslatableString.Value]: 'Giá trị',
  [TranslatableString.ClearButton]: 'xóa nội dung',
  [TranslatableString.UnknownFieldType]: 'Không rõ kiểu trường %1',
  [TranslatableString.OptionPrefix]: 'Lựa chọn %1',
  [TranslatableString.TitleOptionPrefix]: '%1 – lựa chọn %2',
  [TranslatableString.KeyLabel]: 'Khóa của %1',
  [TranslatableString.DeprecatedLabel]: '%1 (không còn dùng)',
  [TranslatableString.CycleDetected]:
    'Phát hiện tham chiếu vòng ($ref) ở trường "%1". Có thể mở rộng đến lần ngắt vòng tiếp theo',
  [TranslatableString.InvalidObjectField]: 'Cấu hình trường đối tượng "%1" không hợp lệ: _%2_.',
  [TranslatableString.UnsupportedField]: 'Không hỗ trợ lược đồ của trường này.',
  [TranslatableString.UnsupportedFieldWithId]: 'Không hỗ trợ lược đồ của trường `%1`.',
  [TranslatableString.UnsupportedFieldWithReason]: 'Không hỗ trợ lược đồ của trường: _%1_.',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'Không hỗ trợ lược đồ của trường `%1`: _%2_.',
  [TranslatableString.FilesInfo]: '**%1** (%2, %3 byte)',
};

/** react-jsonschema-form's `translateString` for the chosen language (English is the library's own). */
export function stringTranslator(lang: Lang): (key: TranslatableString, params?: string[]) => string {
  if (lang === 'en') return englishStringTranslator;
  return (key, params) => replaceStringParameters(vietnamese[key] ?? key, params);
}
