import {
  DEFAULT_CUTOFF,
  DEFAULT_OFFICE_HOURS,
  type CalendarSource,
  type CalendarYear,
  type DatedEntry,
} from './calendar-year';

/** The Labour Code 2019: the fixed holidays (art. 112) and the day off after a holiday on a weekend (art. 111(3)). */
export const LABOUR_CODE: CalendarSource = { document: '45/2019/QH14', date: '2019-11-20', issuer: 'Quốc hội' };

/**
 * The documents behind the 2024–2026 schedules. Each was found through press and government-portal reports that
 * cite its number and date (see docs/deadlines-and-sla.md#the-official-calendar); the documents' own text was not
 * read here, as this machine has no access to the official gazette.
 */
export const CALENDAR_NOTICES = {
  /** Tết 2024 (08–14/02) and Quốc khánh 2024 (31/08–03/09). */
  tet2024: { document: '5015/TB-LĐTBXH', date: '2023-11-22', issuer: 'Bộ Lao động - Thương binh và Xã hội' },
  /** The Prime Minister's approval of the 30/4–1/5/2024 swap: 29/04 off, made up on Saturday 04/05. */
  swap2024: { document: '2450/VPCP-KGVX', date: '2024-04-12', issuer: 'Văn phòng Chính phủ' },
  /** The Prime Minister's decision on Tết 2025 (25/01–02/02) and the 2025 holidays (30/4–1/5 swap, Quốc khánh). */
  year2025: { document: '8726/VPCP-KGVX', date: '2024-11-26', issuer: 'Văn phòng Chính phủ' },
  /** The Deputy Prime Minister's approval of the New Year 2026 swap: 02/01 off, made up on Saturday 10/01. */
  newYear2026: { document: '12729/VPCP-KGVX', date: '2025-12-25', issuer: 'Văn phòng Chính phủ' },
  /** Tết 2026 (16–20/02 plus the weekends: 14–22/02) and Quốc khánh 2026. */
  tet2026: { document: '9441/TB-BNV', date: '2025-10-16', issuer: 'Bộ Nội vụ' },
} as const satisfies Record<string, CalendarSource>;

const N = CALENDAR_NOTICES;

const day = (date: string, name: string, source: CalendarSource | null, note?: string): DatedEntry => ({
  date,
  name,
  source,
  ...(note ? { note } : {}),
});

/** The weekdays from `from` to `to` (weekends are off anyway), each with the same name and source. */
const range = (from: string, to: string, name: string, source: CalendarSource): DatedEntry[] => {
  const out: DatedEntry[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) out.push(day(new Date(t).toISOString().slice(0, 10), name, source));
  }
  return out;
};

const year = (y: number, daysOff: DatedEntry[], workingDays: DatedEntry[], source: string): CalendarYear => ({
  scope: 'VN',
  year: y,
  daysOff,
  workingDays,
  officeHours: DEFAULT_OFFICE_HOURS,
  cutoff: DEFAULT_CUTOFF,
  source,
});

/**
 * The civil-service schedules as published for 2024–2026 (weekdays off and make-up Saturdays only; weekends are off
 * anyway), each day with the document that sets it. A day whose document was not found has `source: null` and a note.
 * Administrators load later years (and corrections) through the calendar API; every change is audited.
 */
export const PUBLISHED_CALENDAR_YEARS: CalendarYear[] = [
  year(
    2024,
    [
      day('2024-01-01', 'Tết Dương lịch', LABOUR_CODE),
      ...range('2024-02-08', '2024-02-14', 'Tết Nguyên đán', N.tet2024),
      day('2024-04-18', 'Giỗ Tổ Hùng Vương', LABOUR_CODE),
      day('2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05)', N.swap2024),
      day('2024-04-30', 'Ngày Chiến thắng', LABOUR_CODE),
      day('2024-05-01', 'Ngày Quốc tế Lao động', LABOUR_CODE),
      day('2024-09-02', 'Quốc khánh', N.tet2024),
      day('2024-09-03', 'Quốc khánh (ngày liền kề)', N.tet2024),
    ],
    [day('2024-05-04', 'Làm bù cho ngày 29/04', N.swap2024)],
    'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023; Công văn 2450/VPCP-KGVX ngày 12/04/2024; Bộ luật Lao động 2019',
  ),
  year(
    2025,
    [
      day('2025-01-01', 'Tết Dương lịch', LABOUR_CODE),
      ...range('2025-01-25', '2025-02-02', 'Tết Nguyên đán', N.year2025),
      day('2025-04-07', 'Giỗ Tổ Hùng Vương', LABOUR_CODE),
      day('2025-04-30', 'Ngày Chiến thắng', LABOUR_CODE),
      day('2025-05-01', 'Ngày Quốc tế Lao động', LABOUR_CODE),
      day('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)', N.year2025),
      day('2025-09-01', 'Quốc khánh (ngày liền kề)', N.year2025),
      day('2025-09-02', 'Quốc khánh', LABOUR_CODE),
    ],
    [day('2025-04-26', 'Làm bù cho ngày 02/05', N.year2025)],
    'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Bộ luật Lao động 2019',
  ),
  year(
    2026,
    [
      day('2026-01-01', 'Tết Dương lịch', LABOUR_CODE),
      day('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)', N.newYear2026),
      ...range('2026-02-14', '2026-02-22', 'Tết Nguyên đán', N.tet2026),
      day('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)', LABOUR_CODE),
      day('2026-04-30', 'Ngày Chiến thắng', LABOUR_CODE),
      day('2026-05-01', 'Ngày Quốc tế Lao động', LABOUR_CODE),
      day(
        '2026-09-01',
        'Quốc khánh (ngày liền kề)',
        null,
        'Thông báo 9441/TB-BNV ngày 16/10/2025 quy định lịch nghỉ Quốc khánh 2026 nhưng chưa tìm được nội dung; ' +
          'tạm theo quy tắc luật định (ngày liền kề 02/09)',
      ),
      day('2026-09-02', 'Quốc khánh', LABOUR_CODE),
    ],
    [day('2026-01-10', 'Làm bù cho ngày 02/01', N.newYear2026)],
    'Thông báo 9441/TB-BNV ngày 16/10/2025; Công văn 12729/VPCP-KGVX ngày 25/12/2025; Bộ luật Lao động 2019',
  ),
];
