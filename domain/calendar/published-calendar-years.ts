import { DEFAULT_CUTOFF, DEFAULT_OFFICE_HOURS, type CalendarYear, type DatedEntry } from './calendar-year';

const range = (from: string, to: string, name: string): DatedEntry[] => {
  const out: DatedEntry[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push({ date, name });
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
 * The civil-service schedules as published for 2024–2026 (weekdays off only; weekends are off anyway). These are
 * seed data to be checked against the official notices (marked unverified in the domain brief): administrators
 * correct them through the calendar API, and every correction is audited.
 */
export const PUBLISHED_CALENDAR_YEARS: CalendarYear[] = [
  year(
    2024,
    [
      { date: '2024-01-01', name: 'Tết Dương lịch' },
      ...range('2024-02-08', '2024-02-14', 'Tết Nguyên đán'),
      { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05)' },
      { date: '2024-04-30', name: 'Ngày Chiến thắng' },
      { date: '2024-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2024-09-02', name: 'Quốc khánh' },
      { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề)' },
    ],
    [{ date: '2024-05-04', name: 'Làm bù cho ngày 29/04' }],
    'Lịch nghỉ lễ, Tết năm 2024 của cán bộ, công chức (chưa đối chiếu văn bản gốc)',
  ),
  year(
    2025,
    [
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      ...range('2025-01-25', '2025-02-02', 'Tết Nguyên đán'),
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ],
    [{ date: '2025-04-26', name: 'Làm bù cho ngày 02/05' }],
    'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức (chưa đối chiếu văn bản gốc)',
  ),
  year(
    2026,
    [
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      ...range('2026-02-14', '2026-02-22', 'Tết Nguyên đán'),
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ],
    [],
    'Tết theo lịch đã công bố (14–22/02/2026, chưa đối chiếu); các ngày lễ khác theo quy tắc luật định',
  ),
];
