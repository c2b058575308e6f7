import { computeDueAt, officeShareAt } from '../../../domain/calendar/compute-due-at';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar';
import { slaSettingsOf, type ProcessDefinition } from '../../../domain/process/process-definition';
import { findStep } from '../../../domain/process/find-step';
import { RECEIPT_MAX_AGE_DAYS } from '../../../domain/sla/receipt-problem';
import { vietnamDate } from '../../../domain/time/vietnam-date';
import { vietnamInstant } from '../../../domain/time/vietnam-instant';

/** Where a demo dossier received on paper should stand at start-up: overdue (quá hạn) or near due (tới hạn). */
export type DemoReceiptTarget = 'overdue' | 'near_due';

const DAY = 86_400_000;
/** Kept from the edges so that the dossier still stands where it should when the demo is looked at. */
const MARGIN_MS = 3600_000;

/**
 * The paper receipt time (08:00 Việt Nam time on a recent day) that puts a demo dossier's first step where `target`
 * says at `now`: the most recent such day whose due time (computed on `unitCode`'s calendar as the engine does) is
 * past for `overdue`, or whose reminder time is past and due time ahead for `near_due`. Relative to the start-up,
 * inside the API's window (RECEIPT_MAX_AGE_DAYS). Throws when no day in the window fits (a calendar closed for a
 * month), naming the target, so the demo load says why it stopped.
 */
export async function demoReceiptTime(
  calendar: WorkingCalendar,
  definition: ProcessDefinition,
  unitCode: string,
  target: DemoReceiptTarget,
  now: number,
): Promise<string> {
  const step = findStep(definition, definition.initialStep);
  if (!step?.timeLimit) throw new Error(`${definition.key}: its first step has no time limit`);
  const cutoff = definition.cutoff ? { cutoff: definition.cutoff } : {};
  const { reminderShare: share } = slaSettingsOf(definition);
  for (let back = 1; back < RECEIPT_MAX_AGE_DAYS; back++) {
    const receivedAt = new Date(vietnamInstant(vietnamDate(now - back * DAY), '08:00')).toISOString();
    const due = Date.parse(await computeDueAt(calendar, receivedAt, step.timeLimit, unitCode, cutoff));
    if (target === 'overdue' && due < now - MARGIN_MS) return receivedAt;
    if (target === 'near_due' && due > now + MARGIN_MS) {
      const dueAt = new Date(due).toISOString();
      const reminder = await officeShareAt(calendar, { from: receivedAt, due: dueAt, share, unitCode, ...cutoff });
      if (Date.parse(reminder) < now - MARGIN_MS) return receivedAt;
    }
  }
  throw new Error(`no receipt day in the last ${RECEIPT_MAX_AGE_DAYS} days makes a dossier ${target}`);
}
