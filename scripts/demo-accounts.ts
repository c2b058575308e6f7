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
  fatherland_front: 'Ủy ban MTTQ xã/phường (ký xác nhận rà soát hộ nghèo)',
  mass_organisation: 'Tổ chức đoàn thể xã/phường (ký xác nhận rà soát hộ nghèo)',
  hamlet_head: 'Trưởng ấp/thôn, tổ dân phố (ký xác nhận rà soát hộ nghèo)',
  ethnic_affairs_officer: 'Cán bộ Dân tộc – Tôn giáo xã/phường',
  culture_officer: 'Công chức Văn hóa – Xã hội, Đài truyền thanh xã/phường',
  coordinating_body: 'Tổ chức đầu mối chi trả nhận đỡ đầu (Ủy ban MTTQ)',
  front_officer: 'Ban vận động Quỹ Vì người nghèo (Ủy ban MTTQ)',
  credit_board: 'Ban giảm nghèo xã/phường (xác nhận hồ sơ vay vốn)',
  bank_officer: 'Cán bộ tín dụng Ngân hàng Chính sách xã hội',
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

/**
 * A named person of a commune (seed 001's roles): the display name is the full name and the title, which is what the
 * dossier page shows of whoever signs (people are never shown by username).
 */
const person = (username: string, role: string, unitCode: string, fullName: string, title: string): DemoAccount => ({
  ...account(username, role, unitCode),
  displayName: `${fullName} — ${title} ${unitName(unitCode)}`,
});

/**
 * The bodies of a commune that review poor and near-poor households (seed 001), for one seed-era ward and one
 * post-2025 ward: the ward chair who decides, the Fatherland Front, the four mass organisations (one role,
 * `mass_organisation`, each organisation's chair holding it), a residential-group head, and the ethnic-affairs and
 * culture officers.
 */
interface CommuneBodies {
  chair: string;
  front: string;
  women: string;
  farmers: string;
  youth: string;
  veterans: string;
  head: string;
  ethnic: string;
  culture: string;
}
const communeBodies = (suffix: string, unitCode: string, names: CommuneBodies): DemoAccount[] => {
  const { chair, front, women, farmers, youth, veterans, head, ethnic, culture } = names;
  return [
    person(`chutich.${suffix}`, 'unit_head', unitCode, chair, 'Chủ tịch UBND'),
    person(`mttq.${suffix}`, 'fatherland_front', unitCode, front, 'Chủ tịch Ủy ban MTTQ'),
    person(`phunu.${suffix}`, 'mass_organisation', unitCode, women, 'Chủ tịch Hội Liên hiệp Phụ nữ'),
    person(`nongdan.${suffix}`, 'mass_organisation', unitCode, farmers, 'Chủ tịch Hội Nông dân'),
    person(`thanhnien.${suffix}`, 'mass_organisation', unitCode, youth, 'Bí thư Đoàn Thanh niên'),
    person(`cuuchienbinh.${suffix}`, 'mass_organisation', unitCode, veterans, 'Chủ tịch Hội Cựu chiến binh'),
    person(`totruong.${suffix}`, 'hamlet_head', unitCode, head, 'Tổ trưởng tổ dân phố số 3,'),
    person(`dantoc.${suffix}`, 'ethnic_affairs_officer', unitCode, ethnic, 'Cán bộ Dân tộc – Tôn giáo'),
    person(`vanhoa.${suffix}`, 'culture_officer', unitCode, culture, 'Công chức Văn hóa – Xã hội'),
  ];
};

/** The title of a ward's poverty-reduction board head, who confirms loan requests (seed 001). */
const BOARD_HEAD = 'Phó Chủ tịch UBND, Trưởng Ban giảm nghèo';

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
  ...communeBodies('hacau', 'HN-HD-HC', {
    chair: 'Nguyễn Văn Thành',
    front: 'Trần Thị Minh Hà',
    women: 'Lê Thị Thu Hằng',
    farmers: 'Phạm Văn Dũng',
    youth: 'Đỗ Quang Huy',
    veterans: 'Vũ Đình Toàn',
    head: 'Bùi Thị Lan',
    ethnic: 'Hoàng Văn Sơn',
    culture: 'Ngô Thị Mai',
  }),
  ...communeBodies('kienhung', 'HN-KIENHUNG', {
    chair: 'Đặng Quốc Việt',
    front: 'Nguyễn Thị Bích Ngọc',
    women: 'Phan Thị Hồng',
    farmers: 'Trịnh Văn Hải',
    youth: 'Lưu Minh Đức',
    veterans: 'Cao Xuân Bình',
    head: 'Tạ Thị Nga',
    ethnic: 'Lò Văn Pấng',
    culture: 'Đinh Thị Thu Trang',
  }),
  // Sponsorship (sponsorship-2024@1, sponsorship-2025@1): the ward's chair (above) signs, the coordinating body pays.
  person(
    'daumoi.hacau',
    'coordinating_body',
    'HN-HD-HC',
    'Nguyễn Thị Hồng Nhung',
    'Cán bộ Ủy ban MTTQ, đầu mối chi trả',
  ),
  person('daumoi.kienhung', 'coordinating_body', 'HN-KIENHUNG', 'Lê Văn Khánh', 'Cán bộ Ủy ban MTTQ, đầu mối chi trả'),
  // Loans of the Bank for Social Policies (credit-access-2024@1, -2025@1, seed 001): the ward's poverty-reduction
  // board confirms the request, the bank's officer (the district's transaction office before the reform, the city
  // branch after it) approves the loan and records its disbursement.
  person('tindung.hacau', 'credit_board', 'HN-HD-HC', 'Trần Văn Phúc', BOARD_HEAD),
  person('tindung.kienhung', 'credit_board', 'HN-KIENHUNG', 'Vũ Thị Thanh Tâm', BOARD_HEAD),
  person('nhcs.hadong', 'bank_officer', 'HN-HD', 'Đào Thị Thu Hương', 'Cán bộ tín dụng, Phòng giao dịch NHCSXH'),
  person('nhcs.hanoi', 'bank_officer', 'HN', 'Nguyễn Đức Long', 'Cán bộ tín dụng, Chi nhánh NHCSXH'),
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
