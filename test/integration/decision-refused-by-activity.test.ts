import { getState } from '../../workflows/messages';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

/** Every date of a year, as the days off of a calendar year: a province with no working day at all. */
function everyDayOff(year: number): { date: string; name: string }[] {
  const days: { date: string; name: string }[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), name: 'closed' });
  }
  return days;
}

describe('a decision whose activity cannot succeed', () => {
  it('is refused at once (422, nothing changed) instead of retried for ever, and the next decision goes through', async () => {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const handle = ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id));
    const before = await handle.query(getState);

    // Hà Nội's calendar with no working day for five years: the district step's due time cannot be placed (the
    // calendar arithmetic gives up after three years), on every attempt alike.
    const year = Number(vietnamDate(Date.now()).slice(0, 4));
    const years = [0, 1, 2, 3, 4].map((i) => year + i);
    await ctx.system.models.CalendarYear.insertMany(
      years.map((y) => ({
        _id: `HN:${y}`,
        scope: 'HN',
        year: y,
        daysOff: everyDayOff(y),
        workingDays: [],
        officeHours: [{ start: '07:30', end: '17:00' }],
        cutoff: '16:00',
        source: 'test: no working day',
        updatedAt: new Date(),
        updatedBy: 'test',
      })),
    );
    ctx.system.calendar.invalidate();
    try {
      const refused = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
        as: 'xa.hacau',
        body: { action: 'submit' },
        headers: { 'accept-language': 'en' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'validation_failed',
        message: expect.stringContaining('no working day'),
        fields: [{ path: '', keyword: 'invalid', message: expect.stringContaining('no working day') }],
      });
      const after = await handle.query(getState);
      expect(after).toMatchObject({ seq: before.seq, currentStep: 'proposal', status: 'received' });
      expect(after.history).toHaveLength(before.history.length);
    } finally {
      await ctx.system.models.CalendarYear.deleteMany({ _id: { $in: years.map((y) => `HN:${y}`) } });
      ctx.system.calendar.invalidate();
    }

    // The decision lock was released: the same decision now goes through.
    const submitted = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_progress', currentStep: 'district-review' });
  });
});
