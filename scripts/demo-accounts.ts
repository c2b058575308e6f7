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
  front_officer: 'Ban vận động Quỹ Vì người nghèo (Ủy ban MTTQ)',
};

/** `Phường Hà Cầu` → `hacau`. */
const slug = (name: string) =>
  name
    .replace(/^(Phường|Xã|Thị trấn|Huyện) /, '')
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
  // Seed 003's campaign in Định Quán: the Fatherland Front of the district (the campaign board) and of each commune,
  // the district fund's treasurer, the district's head and the province's administrator (funds, receipts).
  account('bvd.dinhquan', 'front_officer', 'DN-DQ'),
  ...DEMO_UNITS.filter((u) => u.parentCode === 'DN-DQ').map((u) =>
    account(`mttq.${slug(u.name)}`, 'front_officer', u._id),
  ),
  account('quy.dinhquan', 'treasurer', 'DN-DQ'),
  account('lanhdao.dinhquan', 'unit_head', 'DN-DQ'),
  account('admin.dongnai', 'admin', 'DN'),
];
