import type { LocalizedText } from '../process/process-definition';

/**
 * The one glossary of roles: each role's name in Vietnamese and English, as every screen, document, message and the
 * demo's account list show it (one name per thing; a role is never shown by its code). A role a published process
 * brings without a name here is shown by its code (roleName), and the glossary's unit test fails for every role of
 * the shipped processes, the system roles and the demo accounts that lacks a name in either language.
 */
export const ROLE_NAMES: Readonly<Record<string, LocalizedText>> = {
  commune_officer: { vi: 'Cán bộ giảm nghèo xã/phường', en: 'Commune poverty-reduction officer' },
  district_officer: { vi: 'Phòng LĐTBXH quận/huyện', en: 'District labour and social affairs office' },
  province_officer: { vi: 'Sở chuyên môn cấp tỉnh', en: 'Provincial department' },
  treasurer: { vi: 'Thủ quỹ/Kho bạc', en: 'Fund treasurer or state treasury' },
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  unit_head: { vi: 'Lãnh đạo đơn vị', en: 'Head of unit' },
  supervisor: { vi: 'Giám sát tiến độ', en: 'Progress supervisor' },
  portal: { vi: 'Cổng dịch vụ công', en: 'Public service portal' },
  system: { vi: 'Hệ thống', en: 'System' },
  fatherland_front: { vi: 'Ủy ban MTTQ xã/phường', en: 'Commune Fatherland Front committee' },
  mass_organisation: { vi: 'Tổ chức đoàn thể xã/phường', en: 'Commune mass organisation' },
  hamlet_head: { vi: 'Trưởng thôn/ấp, tổ trưởng tổ dân phố', en: 'Village or residential-group head' },
  ethnic_affairs_officer: { vi: 'Cán bộ Dân tộc – Tôn giáo xã/phường', en: 'Ethnic and religious affairs officer' },
  culture_officer: { vi: 'Công chức Văn hóa – Xã hội xã/phường', en: 'Culture and social affairs officer' },
  coordinating_body: { vi: 'Tổ chức đầu mối chi trả', en: 'Coordinating body for sponsorship payments' },
  front_officer: {
    vi: 'Ban vận động Quỹ Vì người nghèo (Ủy ban MTTQ)',
    en: 'Fund-for-the-Poor campaign board (Fatherland Front)',
  },
  credit_board: { vi: 'Ban giảm nghèo xã/phường', en: 'Commune poverty-reduction board' },
  bank_officer: { vi: 'Cán bộ tín dụng Ngân hàng Chính sách xã hội', en: 'Social Policy Bank credit officer' },
};

/** The role's name in `lang`, or its code when the glossary has none (a role only a newer definition brings). */
export function roleName(role: string, lang: keyof LocalizedText): string {
  return ROLE_NAMES[role]?.[lang] ?? role;
}
