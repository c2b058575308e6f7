// Browser-safe and DOM-free.
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import type { Lang } from '../../shared/i18n/lang';
import type { UnitItem } from '../../../api-contract';

const day = (iso: string | null) => formatDmyDate(iso) ?? iso ?? '';

const vi = {
  /** Why a unit not in force today is not: retired (it has a last day) or not yet in force (its first day). */
  notInForce: (unit: UnitItem, name: string) =>
    unit.effectiveTo
      ? `${name} đã giải thể (còn hiệu lực đến hết ngày ${day(unit.effectiveTo)})`
      : `${name} chưa có hiệu lực (từ ngày ${day(unit.effectiveFrom)})`,
  retiredShort: (lastDay: string) => `Đã giải thể, hiệu lực đến hết ${day(lastDay)}`,
  inForceUntil: (lastDay: string) => `Còn hiệu lực đến hết ${day(lastDay)}`,
  successors: 'Đơn vị kế thừa:',
  share: (share: number) => `${share.toLocaleString('vi-VN')} % số hộ`,
  noSuccessor: 'Chưa ghi đơn vị kế thừa',
  grantAtRetired: 'Quyền tại đơn vị đã giải thể — không còn dùng để xử lý hồ sơ',
  tokenAtRetired:
    'Đơn vị đã giải thể — hồ sơ nộp qua mã này bị từ chối; hãy nhúng biểu mẫu của đơn vị kế thừa và thu hồi mã này',
  summary: (grants: number, tokens: number) => `${grants} quyền, ${tokens} mã nhúng tại đơn vị đã giải thể`,
  upcomingSummary: (grants: number) => `${grants} quyền chưa đến ngày bắt đầu`,
  cannotStart: (why: string) => `${why}: không mở hồ sơ mới tại đơn vị này.`,
};

export type UnitValidityText = typeof vi;

const en: UnitValidityText = {
  notInForce: (unit, name) =>
    unit.effectiveTo
      ? `${name} was retired (in force until ${day(unit.effectiveTo)})`
      : `${name} is not in force yet (from ${day(unit.effectiveFrom)})`,
  retiredShort: (lastDay) => `Retired, in force until ${day(lastDay)}`,
  inForceUntil: (lastDay) => `In force until ${day(lastDay)}`,
  successors: 'Successors:',
  share: (share) => `${share.toLocaleString('en')} % of households`,
  noSuccessor: 'No successor recorded',
  grantAtRetired: 'Grant at a retired unit — it no longer acts on dossiers',
  tokenAtRetired:
    "Retired unit — submissions through this token are refused; embed the successor's form and revoke this token",
  summary: (grants, tokens) => `${grants} grants, ${tokens} embed tokens at retired units`,
  upcomingSummary: (grants) => `${grants} grants not started yet`,
  cannotStart: (why) => `${why}: no new dossier can be opened at this unit.`,
};

/** The words of unit validity (warnings of the admin pages, the reason a unit cannot start a dossier). */
export function unitValidityText(lang: Lang): UnitValidityText {
  return lang === 'en' ? en : vi;
}
