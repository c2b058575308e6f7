import { getState, type DossierState } from '../../workflows/messages';
import { officeShareAt } from '../../domain/calendar/compute-due-at';
import { proposalIn } from './support/form-examples';
import { eventually } from './support/eventually';
import { useTimeSkippingSystem } from './support/use-time-skipping-system';

/**
 * A step counted in working days is reminded at 75 % of its working time, not of its clock time (which lands on
 * evenings and weekends, e.g. Saturday 07:38): on Temporal's time-skipping server, the reminder the workflow sets is
 * the calendar's office-time share, falls within office hours of a working day, and the timer fires at it.
 */
const ctx = useTimeSkippingSystem();

const stateOf = (id: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
/** Whether an instant is within office hours of a working day of the unit's calendar. */
async function inOfficeHours(iso: string, unitCode: string): Promise<boolean> {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  const day = await ctx.system.calendar.day(local.slice(0, 10), unitCode);
  const hhmm = local.slice(11, 16);
  return day.working && day.officeHours.some((i) => hhmm >= i.start && hhmm <= i.end);
}

describe('a reminder in working time', () => {
  it('reminds a 10-working-day district review at 75 % of its office time, within office hours, and fires then', async () => {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const submitted = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);

    const state = await stateOf(id);
    const { reminderAt, stepClockFrom } = state.clock!;
    const unit = state.processingUnit!;
    expect(state.currentStep).toBe('district-review');
    expect(reminderAt).toBe(
      await officeShareAt(ctx.system.calendar, {
        from: stepClockFrom!,
        due: state.dueAt!,
        share: 0.75,
        unitCode: unit,
      }),
    );
    expect(await inOfficeHours(reminderAt!, unit)).toBe(true);
    expect(Date.parse(reminderAt!)).toBeLessThan(Date.parse(state.dueAt!));

    await ctx.skip(Math.max(0, Date.parse(reminderAt!) - (await ctx.now())) + 60_000);
    const reminded = await eventually('the reminder in the history', async () => {
      const s = await stateOf(id);
      return s.history.some((h) => h.action === 'remind') ? s : undefined;
    });
    const remind = reminded.history.find((h) => h.action === 'remind');
    expect(Date.parse(remind!.at)).toBeGreaterThanOrEqual(Date.parse(reminderAt!));
    expect(reminded.clock!.remindedAt).toBe(remind!.at);
  });
});
