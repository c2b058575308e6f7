import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { OfficialCalendar } from '../../storage/official-calendar';
import type { CalendarEditDoc, CalendarYearDoc } from '../../storage/calendar-year-schema';
import type { CalendarSource, DatedEntry } from '../../domain/calendar/calendar-year';
import { calendarYearProblems } from '../../domain/calendar/calendar-year-problems';
import { civilDate } from '../../domain/time/civil-date';
import { authenticatedUser } from '../auth/authenticated-user';
import { ADMIN_ROLE } from '../admin/admin-role';
import { assertNationalAdmin } from '../admin/assert-national-admin';
import { recordAdminEvent } from '../admin/record-admin-event';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import { assertUnchanged, nextWriteAt, presentYear, writeCalendarYear, yearPath } from './calendar-year-store';

type ScheduleDay = { date: string; name: string; source?: CalendarSource; note?: string };
interface ScheduleRequest {
  publication: CalendarSource;
  daysOff: ScheduleDay[];
  workingDays: ScheduleDay[];
  expectedUpdatedAt?: string | null;
}
type DayKind = CalendarEditDoc['change'];

const kindOf = (year: { daysOff: DatedEntry[]; workingDays: DatedEntry[] }, date: string): DayKind =>
  year.daysOff.some((d) => d.date === date)
    ? 'day_off'
    : year.workingDays.some((d) => d.date === date)
      ? 'working_day'
      : 'default';

/** Each day of a loaded list with its own document, or the notice's; sorted by date. */
const withSources = (days: ScheduleDay[], publication: CalendarSource): DatedEntry[] =>
  days
    .map((d) => ({
      date: d.date,
      name: d.name.trim(),
      source: d.source ?? publication,
      ...(d.note ? { note: d.note } : {}),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));

/**
 * `PUT /api/calendars/:scope/:year`: an administrator loads a year's schedule as the government published it (the
 * ministry's notice, the Prime Minister's approval of swapped days) with its source — document number, date and
 * issuer — beside each day. The national year (`VN`) takes a national administrator (an `admin` grant at `VN`,
 * assertNationalAdmin): a province's administrator may not change what binds every other province; a province's own
 * copy takes an administrator of that province. The schedule is checked
 * (calendarYearProblems: dates in the year, no date twice, days off on weekdays, make-up days on weekends) and every
 * problem is a 422 field; it replaces the year's listed days, keeps its office hours and cut-off, and is audited twice:
 * one calendar edit per day that changed, and an administrative event naming the notice. Due times computed from then
 * on use it (the calendar cache is dropped); those already computed never move. 409 `calendar_changed` as for edits.
 */
export function createCalendarScheduleRouter(deps: {
  models: Models;
  calendar: OfficialCalendar;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  const { models, calendar } = deps;

  router.put('/api/calendars/:scope/:year', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { scope, year } = yearPath(req);
    const body = deps.validateBody<ScheduleRequest>('CalendarScheduleRequest', req.body);
    if (scope === 'VN') {
      assertNationalAdmin(user, {
        vi:
          'Chỉ quản trị hệ thống cấp quốc gia mới được nạp lịch làm việc quốc gia; ' +
          'quản trị tỉnh/thành chỉ nạp lịch của tỉnh/thành mình',
        en:
          'only a national administrator may load the national calendar; ' +
          'a province administrator loads only the calendar of its own province',
      });
    } else {
      if (!user.grants.some((g) => g.role === ADMIN_ROLE && g.unitCode === scope)) {
        throw new ForbiddenError({
          vi: `Chỉ quản trị của tỉnh/thành ${scope} mới được nạp lịch làm việc của tỉnh/thành đó`,
          en: `only an administrator of province ${scope} may load its calendar`,
        });
      }
      if (!(await models.Unit.exists({ _id: scope, level: 'province' })))
        throw new NotFoundError(`province ${scope.slice(0, 20)}`);
    }
    const problems = calendarYearProblems(year, body);
    if (problems.length > 0) {
      throw new ValidationError(problems, {
        vi: `Lịch năm ${year} chưa hợp lệ`,
        en: `the schedule of ${year} is not valid`,
      });
    }

    const stored = await models.CalendarYear.findById(`${scope}:${year}`).lean();
    assertUnchanged(body.expectedUpdatedAt, stored);
    const current = stored ?? (await calendar.year(scope, year));
    const { publication } = body;
    const at = nextWriteAt(stored);
    const next: CalendarYearDoc = {
      _id: `${scope}:${year}`,
      scope,
      year,
      daysOff: withSources(body.daysOff, publication),
      workingDays: withSources(body.workingDays, publication),
      officeHours: current.officeHours,
      cutoff: current.cutoff,
      source: `${publication.document} ngày ${civilDate(publication.date)} của ${publication.issuer}`,
      publication,
      updatedAt: at,
      updatedBy: user.id,
    };
    await writeCalendarYear(models, stored, next);

    const dates = new Set(
      [...current.daysOff, ...current.workingDays, ...next.daysOff, ...next.workingDays].map((d) => d.date),
    );
    const edits = [...dates]
      .sort()
      .map((date) => ({ date, before: kindOf(current, date), change: kindOf(next, date) }))
      .filter((e) => e.before !== e.change || e.change !== 'default')
      .map((e) => ({
        _id: randomUUID(),
        scope,
        year,
        date: e.date,
        change: e.change,
        before: e.before,
        name: [...next.daysOff, ...next.workingDays].find((d) => d.date === e.date)?.name ?? 'Mặc định',
        by: user.id,
        at,
      }));
    if (edits.length > 0) await models.CalendarEdit.insertMany(edits);
    await recordAdminEvent(models, {
      by: user.id,
      kind: 'calendar.load',
      target: `${scope}:${year}`,
      scope: scope === 'VN' ? null : scope,
      details: { ...publication, daysOff: next.daysOff.length, workingDays: next.workingDays.length },
      at,
    });
    calendar.invalidate();
    res.json(presentYear({ ...next, stored: true }, scope));
  });
  return router;
}
