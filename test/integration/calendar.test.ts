import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

async function createDossier(): Promise<{ id: string; dueAt: string }> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa2025.hadong',
    body: { processKey: 'housing-support-2025', data: proposalIn('HN-HADONG') },
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, dueAt: res.body.currentStep.dueAt };
}

describe('the working calendar', () => {
  it('serves the published national year with its Tết days, office hours and cut-off', async () => {
    const res = await ctx.api.call('GET', '/api/calendars/VN/2026', { as: 'xa.hacau' });
    expect(res.status).toBe(200);
    expect(res.body.daysOff.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-09-02']),
    );
    expect(res.body).toMatchObject({
      cutoff: '16:00',
      officeHours: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    });
    const unknown = await ctx.api.call('GET', '/api/calendars/XX/2026', { as: 'xa.hacau' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('lets a province administrator add a day off, audited, which moves new deadlines but never computed ones', async () => {
    const before = await createDossier();
    // The first working day after today, by the calendar in force: making it a day off must push new deadlines.
    let day = vietnamDate(Date.now());
    do day = addDays(day, 1);
    while (!(await ctx.system.calendar.day(day, 'HN')).working);
    const year = day.slice(0, 4);

    const calendarBefore = (await ctx.api.call('GET', `/api/calendars/HN/${year}`, { as: 'admin.hanoi' })).body;
    const notAdmin = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
      as: 'xa.hacau',
      body: { date: day, kind: 'day_off' },
    });
    expect(notAdmin).toMatchObject({ status: 403, body: { error: { code: 'forbidden', fields: [] } } });
    const national = await ctx.api.call('POST', `/api/calendars/VN/${year}/days`, {
      as: 'admin.hanoi',
      body: { date: day, kind: 'day_off' },
    });
    expect(national).toMatchObject({ status: 403, body: { error: { code: 'forbidden', fields: [] } } });
    const bad = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
      as: 'admin.hanoi',
      body: { date: '31/12/2026', kind: 'holiday' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/date', '/kind']),
    );
    // Refused edits change nothing and leave no trace in the calendar's log.
    expect((await ctx.api.call('GET', `/api/calendars/HN/${year}`, { as: 'admin.hanoi' })).body).toEqual(
      calendarBefore,
    );
    expect((await ctx.api.call('GET', `/api/calendars/HN/${year}/edits`, { as: 'admin.hanoi' })).body.items).toEqual(
      [],
    );

    const edit = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
      as: 'admin.hanoi',
      body: { date: day, kind: 'day_off', name: 'Nghỉ đột xuất (thử)' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ scope: 'HN', overridden: true });
    expect(edit.body.daysOff).toEqual(expect.arrayContaining([{ date: day, name: 'Nghỉ đột xuất (thử)' }]));
    const nationalYear = await ctx.api.call('GET', `/api/calendars/VN/${year}`, { as: 'admin.hanoi' });
    expect(nationalYear.body.daysOff.map((d: { date: string }) => d.date)).not.toContain(day);
    const hidden = await ctx.api.call('GET', `/api/calendars/HN/${year}/edits`, { as: 'xa.hacau' });
    expect(hidden).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const edits = await ctx.api.call('GET', `/api/calendars/HN/${year}/edits`, { as: 'admin.hanoi' });
    expect(edits.body.items[0]).toMatchObject({ date: day, change: 'day_off', before: 'default', by: 'admin.hanoi' });
    // Shown by the person's name and title, as the timeline shows people, never by the username.
    expect(edits.body.items[0].byName).toBe(DEMO_ACCOUNTS.find((a) => a.username === 'admin.hanoi')!.displayName);
    expect(edits.body.items[0].byName).toContain('Tạ Quốc Bảo');

    const after = await createDossier();
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
    const old = await ctx.api.call('GET', `/api/dossiers/${before.id}`, { as: 'xa2025.hadong' });
    expect(old.body.currentStep.dueAt).toBe(before.dueAt);
  });
});
