import { roleName } from '../domain/roles';
import type { UnitDoc } from '../storage/unit-schema';
import { DEMO_UNITS } from './seed/demo-units';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  /** The same in English (the title translated; names of people and units stay as they are). */
  displayNameEn: string;
  role: string;
  roleLabel: string;
  unitCode: string;
  unitName: string;
}

/** Every demo account shares this password; they exist only in demo data seeded by `npm start`. */
export const DEMO_PASSWORD = 'demo1234';

/** `Phường Hà Cầu` → `hacau`. */
const slug = (name: string) =>
  name
    .replace(/^(Phường|Xã|Thị trấn|Huyện) /, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/\s+/g, '')
    .toLowerCase();

/** The national scope (`VN`: the calendar every province follows) is administered at the ministry that publishes it. */
const NATIONAL_UNIT_NAME = 'Bộ Nội vụ';
const unitName = (code: string) =>
  code === 'VN' ? NATIONAL_UNIT_NAME : (DEMO_UNITS.find((u) => u._id === code)?.name ?? code);

/** The demo titles in English, by their Vietnamese (without a trailing comma). */
const TITLES_EN: Readonly<Record<string, string>> = {
  'Cán bộ giảm nghèo': 'Poverty-reduction officer',
  'Bí thư Đoàn Thanh niên': 'Secretary of the Youth Union',
  'Chuyên viên Phòng LĐTBXH': 'Officer of the Labour and Social Affairs Office',
  'Chuyên viên Sở LĐTBXH': 'Officer of the Department of Labour and Social Affairs',
  'Chủ tịch Hội Cựu chiến binh': "Chair of the Veterans' Association",
  'Chủ tịch Hội Liên hiệp Phụ nữ': "Chair of the Women's Union",
  'Chủ tịch Hội Nông dân': "Chair of the Farmers' Union",
  'Chủ tịch UBND': "Chair of the People's Committee",
  'Chủ tịch Ủy ban MTTQ': 'Chair of the Fatherland Front Committee',
  'Cán bộ Dân tộc – Tôn giáo': 'Ethnic and Religious Affairs officer',
  'Cán bộ tín dụng, Chi nhánh NHCSXH': 'Credit officer, Bank for Social Policies branch',
  'Cán bộ tín dụng, Phòng giao dịch NHCSXH': 'Credit officer, Bank for Social Policies transaction office',
  'Cán bộ Ủy ban MTTQ, đầu mối chi trả': 'Fatherland Front officer, payment coordinator',
  'Công chức Văn hóa – Xã hội': 'Culture and Social Affairs officer',
  'Kế toán Kho bạc Nhà nước': 'State Treasury accountant',
  'Kế toán Quỹ Vì người nghèo': 'Accountant of the Fund for the Poor',
  'Phó Chủ tịch UBND': "Vice-chair of the People's Committee",
  'Phó Chủ tịch Ủy ban MTTQ': 'Vice-chair of the Fatherland Front Committee',
  'Phó Chủ tịch UBND, Trưởng Ban giảm nghèo':
    "Vice-chair of the People's Committee, head of the poverty-reduction board",
  'Quản trị hệ thống cấp quốc gia': 'National system administrator',
  'Quản trị hệ thống, Văn phòng UBND': "System administrator, Office of the People's Committee",
  'Tổ trưởng tổ dân phố số 3': 'Head of residential group 3',
};

/** `title` in English; a title missing from TITLES_EN is a mistake in the demo data, said when they are loaded. */
function titleEn(title: string): string {
  const en = TITLES_EN[title.replace(/,$/, '')];
  if (!en) throw new Error(`demo accounts: no English for the title "${title}"`);
  return en;
}

/**
 * A demo person: the display name is the full name, then the title at the unit (`Nguyễn Thị Hoa — Cán bộ giảm nghèo
 * Phường Hà Cầu`), which is what every screen and document shows of them (people are never shown by username). The
 * role's name comes from the one glossary (domain/roles).
 */
const person = (username: string, role: string, unitCode: string, fullName: string, title: string): DemoAccount => ({
  username,
  password: DEMO_PASSWORD,
  displayName: `${fullName} — ${title} ${unitName(unitCode)}`,
  displayNameEn: `${fullName} — ${titleEn(title)}, ${unitName(unitCode)}`,
  role,
  roleLabel: roleName(role, 'vi'),
  unitCode,
  unitName: unitName(unitCode),
});

/** The poverty-reduction officer of each commune-level unit, by unit code. */
const COMMUNE_OFFICERS: Readonly<Record<string, string>> = {
  'HN-HD-HC': 'Nguyễn Thị Hoa',
  'HN-HD-YN': 'Trần Văn Nam',
  'HN-HD-PL': 'Lê Thị Phương',
  'HN-HD-DM': 'Phạm Minh Tuấn',
  'HN-HD-DN': 'Hoàng Thị Duyên',
  'HN-HD-BG': 'Vũ Văn Giang',
  'HN-HADONG': 'Đỗ Thị Thanh Hương',
  'HN-YENNGHIA': 'Bùi Văn Quyết',
  'HN-PHULUONG': 'Nguyễn Thị Lương',
  'HN-DUONGNOI': 'Trịnh Minh Khoa',
  'HN-KIENHUNG': 'Phan Thị Kiều Oanh',
  'DN-DQ-TT': 'Lê Văn Tâm',
  'DN-DQ-PV': 'Nguyễn Thị Vân',
  'DN-DQ-PT': 'Trần Văn Tấn',
  'DN-DQ-LN': 'Điểu Thị Ngà',
};

/** The chair of the Fatherland Front committee of each commune of Định Quán (seed 003's campaign), by unit code. */
const DINH_QUAN_FRONT_CHAIRS: Readonly<Record<string, string>> = {
  'DN-DQ-TT': 'Phạm Thị Thu Thủy',
  'DN-DQ-PV': 'Nguyễn Văn Phúc',
  'DN-DQ-PT': 'Hồ Thị Tân',
  'DN-DQ-LN': 'Ka Thị Nhung',
};

/**
 * One person of `role` in each of `units`, logging in as `login(unit)`, named from `names` (by unit code). A demo
 * unit added without a person named for it is a mistake in the demo data, said when the accounts are loaded.
 */
function onePerUnit(
  units: readonly UnitDoc[],
  login: (unit: UnitDoc) => string,
  { role, names, title }: { role: string; names: Readonly<Record<string, string>>; title: string },
): DemoAccount[] {
  return units.map((unit) => {
    const name = names[unit._id];
    if (!name) throw new Error(`demo accounts: no person named for unit ${unit._id}`);
    return person(login(unit), role, unit._id, name, title);
  });
}

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
  ...onePerUnit(
    DEMO_UNITS.filter((u) => u.level === 'commune'),
    (u) => `${u.effectiveTo ? 'xa' : 'xa2025'}.${slug(u.name)}`,
    { role: 'commune_officer', names: COMMUNE_OFFICERS, title: 'Cán bộ giảm nghèo' },
  ),
  person('quan.hadong', 'district_officer', 'HN-HD', 'Lê Quang Minh', 'Chuyên viên Phòng LĐTBXH'),
  person('quy.hadong', 'treasurer', 'HN-HD', 'Ngô Thị Thu Trang', 'Kế toán Quỹ Vì người nghèo'),
  person('tp.hanoi', 'province_officer', 'HN', 'Đào Thị Hải Yến', 'Chuyên viên Sở LĐTBXH'),
  person('khobac.hanoi', 'treasurer', 'HN', 'Vương Đình Khải', 'Kế toán Kho bạc Nhà nước'),
  person('admin.hanoi', 'admin', 'HN', 'Tạ Quốc Bảo', 'Quản trị hệ thống, Văn phòng UBND'),
  person('lanhdao.hadong', 'unit_head', 'HN-HD', 'Nguyễn Đức Hùng', 'Phó Chủ tịch UBND'),
  person('lanhdao.hanoi', 'unit_head', 'HN', 'Trần Thị Thanh Nga', 'Phó Chủ tịch UBND'),
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
  person('bvd.dinhquan', 'front_officer', 'DN-DQ', 'Hoàng Văn Lợi', 'Phó Chủ tịch Ủy ban MTTQ'),
  ...onePerUnit(
    DEMO_UNITS.filter((u) => u.parentCode === 'DN-DQ'),
    (u) => `mttq.${slug(u.name)}`,
    { role: 'front_officer', names: DINH_QUAN_FRONT_CHAIRS, title: 'Chủ tịch Ủy ban MTTQ' },
  ),
  person('quy.dinhquan', 'treasurer', 'DN-DQ', 'Mai Thị Kim Liên', 'Kế toán Quỹ Vì người nghèo'),
  person('lanhdao.dinhquan', 'unit_head', 'DN-DQ', 'Lương Văn Định', 'Chủ tịch UBND'),
  person('admin.dongnai', 'admin', 'DN', 'Phùng Thanh Sơn', 'Quản trị hệ thống, Văn phòng UBND'),
  // The national administrator loads the working calendar the government publishes for every province (`VN`).
  person('admin.quocgia', 'admin', 'VN', 'Lương Thị Quỳnh', 'Quản trị hệ thống cấp quốc gia,'),
];
