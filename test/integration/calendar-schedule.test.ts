import { computeDueAt } from '../../domain/calendar/compute-due-at';
import { useTestSystem } from './support/use-test-system';

/** Loading a year's schedule as published (PUT /api/calendars/:scope/:year), on the real API and database. */
const ctx = useTestSystem();

const vn = (local: string) => new Date(Date.parse(`${local}:00+07:00`)).toISOString();
const notice = { document: '1234/TB-BNV', date: '2026-11-20', issuer: 'Bộ Nội vụ' };
/** A test schedule for 2027 (not the real one): a swapped Monday made up on a Saturday, and Tết's weekdays. */
const schedule = {
  publication: notice,
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    { date: '2027-01-04', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 09/01)' },
    { date: '2027-02-08', name: 'Tết Nguyên đán' },
    { date: '2027-02-09', name: 'Tết Nguyên đán' },
  ],
  workingDays: [
    {
      date: '2027-01-09',
      name: 'Làm bù cho ngày 04/01',
      source: { document: '99/VPCP-KGVX', date: '2026-12-01', issuer: 'Văn phòng Chính phủ' },
    },
  ],
};

describe('loading a year’s schedule as published', () => {
  it('refuses bad schedules field by field, and callers who are not administrators, changing nothing', async () => {
    const before = (await ctx.api.call('GET', '/api/calendars/VN/2027', { as: 'admin.hanoi' })).body;
    const notAdmin = await ctx.api.call('PUT', '/api/calendars/VN/2027', { as: 'xa.hacau', body: schedule });
    expect(notAdmin).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const otherProvince = await ctx.api.call('PUT', '/api/calendars/HN/2027', { as: 'admin.dongnai', body: schedule });
    expect(otherProvince).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    // A province's administrator loads its own province's year, never the national one every province follows.
    const province = await ctx.api.call('PUT', '/api/calendars/VN/2027', { as: 'admin.hanoi', body: schedule });
    expect(province).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(province.body.error.message).toContain('Chỉ quản trị hệ thống cấp quốc gia');

    const bad = await ctx.api.call('PUT', '/api/calendars/VN/2027', {
      as: 'admin.quocgia',
      body: {
        publication: { ...notice, date: '2028-01-02' },
        daysOff: [
          { date: '2027-01-01', name: 'Tết Dương lịch' },
          { date: '2027-01-01', name: 'lần nữa' },
          { date: '2027-01-02', name: 'thứ Bảy' },
          { date: '2026-12-31', name: 'năm trước' },
        ],
        workingDays: [{ date: '2027-01-05', name: 'thứ Ba' }],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields.map((f: { path: string; keyword: string }) => [f.path, f.keyword])).toEqual([
      ['/publication/date', 'maximum'],
      ['/daysOff/1/date', 'uniqueItems'],
      ['/daysOff/2/date', 'weekday'],
      ['/daysOff/3/date', 'year'],
      ['/workingDays/0/date', 'weekend'],
    ]);
    expect(bad.body.error.fields[4].message).toBe('Ngày làm bù 05/01/2027 phải là thứ Bảy hoặc Chủ nhật');

    const shape = await ctx.api.call('PUT', '/api/calendars/VN/2027', {
      as: 'admin.quocgia',
      body: { publication: { document: ' ', date: '20/11/2026' }, daysOff: [{ date: '2027-01-01' }] },
    });
    expect(shape.status).toBe(422);
    expect(shape.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      '/publication/document',
      '/publication/date',
      '/publication/issuer',
      '/daysOff/0/name',
      '/workingDays',
    ]);
    expect((await ctx.api.call('GET', '/api/calendars/VN/2027', { as: 'admin.hanoi' })).body).toEqual(before);
  });

  it('stores the national year with each day’s source, audits it, and due times use it from then on', async () => {
    const limit = { amount: 1, unit: 'working_days' } as const;
    // Friday 08/01/2027 at 10:00, one working day: Monday 11/01 by the statutory year (nothing stored yet).
    const dueBefore = await computeDueAt(ctx.system.calendar, vn('2027-01-08T10:00'), limit, 'HN-HD-HC');
    expect(dueBefore).toBe(vn('2027-01-11T17:00'));

    const loaded = await ctx.api.call('PUT', '/api/calendars/VN/2027', {
      as: 'admin.quocgia',
      body: { ...schedule, expectedUpdatedAt: null },
    });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({
      scope: 'VN',
      year: 2027,
      stored: true,
      publication: notice,
      source: '1234/TB-BNV ngày 20/11/2026 của Bộ Nội vụ',
      cutoff: '16:00',
    });
    expect(loaded.body.daysOff[1]).toEqual({
      date: '2027-01-04',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 09/01)',
      source: notice,
    });
    expect(loaded.body.workingDays).toEqual([{ ...schedule.workingDays[0] }]);
    const read = await ctx.api.call('GET', '/api/calendars/VN/2027', { as: 'xa.hacau' });
    expect(read.body).toEqual({ ...loaded.body, _id: 'VN:2027', updatedBy: 'admin.quocgia' });

    // The make-up Saturday counts: Friday 10:00 + one working day is Saturday 09/01.
    expect(await computeDueAt(ctx.system.calendar, vn('2027-01-08T10:00'), limit, 'HN-HD-HC')).toBe(
      vn('2027-01-09T17:00'),
    );
    expect((await ctx.system.calendar.day('2027-01-04', 'HN-HD-HC')).working).toBe(false);

    const events = await ctx.system.models.AdminEvent.find({ kind: 'calendar.load', target: 'VN:2027' }).lean();
    expect(events.map((e) => [e.by, e.details])).toEqual([
      ['admin.quocgia', { ...notice, daysOff: 4, workingDays: 1 }],
    ]);
    // The national log is read by the national administrator and an administrator of any province, nobody else.
    const hidden = await ctx.api.call('GET', '/api/calendars/VN/2027/edits', { as: 'xa.hacau' });
    expect(hidden).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const log = await ctx.api.call('GET', '/api/calendars/VN/2027/edits', { as: 'admin.dongnai' });
    expect(log.status).toBe(200);
    const edits = log.body.items as { date: string; before: string; change: string; by: string }[];
    expect(edits.every((e) => e.by === 'admin.quocgia')).toBe(true);
    expect(edits.map((e) => [e.date, e.before, e.change])).toEqual(
      expect.arrayContaining([
        ['2027-01-04', 'default', 'day_off'],
        ['2027-01-09', 'default', 'working_day'],
      ]),
    );

    // A second load from a form filled in before the first is refused, and changes nothing.
    const stale = await ctx.api.call('PUT', '/api/calendars/VN/2027', {
      as: 'admin.quocgia',
      body: { ...schedule, workingDays: [], expectedUpdatedAt: null },
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'calendar_changed' } } });
    expect((await ctx.api.call('GET', '/api/calendars/VN/2027', { as: 'xa.hacau' })).body).toEqual(read.body);
  });
});
