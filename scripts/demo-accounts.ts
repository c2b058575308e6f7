import { DEMO_UNITS } from './seed/demo-units';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: string;
  roleLabel: string;
  unitCode: string;
  unitName: string;
}

/** Every demo account shares this password; they exist only in demo data seeded by `npm start`. */
export const DEMO_PASSWORD = 'demo1234';

const ROLE_LABELS: Record<string, string> = {
  commune_officer: 'Cán bộ giảm nghèo xã/phường',
  district_officer: 'Phòng LĐTBXH quận',
  province_officer: 'Sở chuyên môn thành phố',
  treasurer: 'Quỹ / Kho bạc (giải ngân)',
  admin: 'Quản trị hệ thống',
  unit_head: 'Lãnh đạo đơn vị (phê duyệt danh sách, nhận cảnh báo quá hạn)',
  coordinating_body: 'Tổ chức đầu mối chi trả nhận đỡ đầu (Ủy ban MTTQ)',
};

/** `Phường Hà Cầu` → `hacau`. */
const slug = (name: string) =>
  name
    .replace(/^(Phường|Xã|Thị trấn) /, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/\s+/g, '')
    .toLowerCase();

const unitName = (code: string) => DEMO_UNITS.find((u) => u._id === code)?.name ?? code;
const account = (username: string, role: string, unitCode: string): DemoAccount => ({
  username,
  password: DEMO_PASSWORD,
  displayName: `${ROLE_LABELS[role]} — ${unitName(unitCode)}`,
  role,
  roleLabel: ROLE_LABELS[role] ?? role,
  unitCode,
  unitName: unitName(unitCode),
});

/** One demo user per role per relevant unit, for both the seed-era and the post-2025 chain. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...DEMO_UNITS.filter((u) => u.level === 'commune').map((u) =>
    account(`${u.effectiveTo ? 'xa' : 'xa2025'}.${slug(u.name)}`, 'commune_officer', u._id),
  ),
  account('quan.hadong', 'district_officer', 'HN-HD'),
  account('quy.hadong', 'treasurer', 'HN-HD'),
  account('tp.hanoi', 'province_officer', 'HN'),
  account('khobac.hanoi', 'treasurer', 'HN'),
  account('admin.hanoi', 'admin', 'HN'),
  account('lanhdao.hadong', 'unit_head', 'HN-HD'),
  account('lanhdao.hanoi', 'unit_head', 'HN'),
  // Sponsorship (sponsorship-2024@1, sponsorship-2025@1): the commune's head signs, its coordinating body pays.
  account('lanhdao.hacau', 'unit_head', 'HN-HD-HC'),
  account('mttq.hacau', 'coordinating_body', 'HN-HD-HC'),
  account('lanhdao2025.kienhung', 'unit_head', 'HN-KIENHUNG'),
  account('mttq2025.kienhung', 'coordinating_body', 'HN-KIENHUNG'),
];
