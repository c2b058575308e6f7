import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { OfficialCalendar } from '../../storage/official-calendar';
import type { Models } from '../../storage/create-models';
import type { CalendarEditDoc } from '../../storage/calendar-year-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { ADMIN_ROLE } from '../admin/admin-role';
import { assertProvinceAdmin } from '../admin/assert-province-admin';
import { isNationalAdmin } from '../admin/assert-national-admin';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import type { CalendarEditList } from '../../api-contract';
import { namesOfPeople } from '../people/names-of-people';
import { assertUnchanged, nextWriteAt, presentYear, writeCalendarYear, yearPath } from './calendar-year-store';

type DayKind = CalendarEditDoc['change'];

/**
 * The working calendar: `GET /api/calendars/:scope/:year` (scope `VN` or a province code) shows the year in force
 * and whether it is stored or derived; `POST …/days` lets an administrator of that province mark a day as a day
 * off, a working day, or back to default — the first edit copies the national year into a province override — and
 * `GET …/edits` lists the audit trail. Of concurrent edits of one year exactly one is applied and logged, the others
 * are 409 `calendar_changed`; so is an edit whose `expectedUpdatedAt` (the `updatedAt` the form was filled in from,
 * null before the first edit) is not the stored one. Deadlines already computed never move (they are stored with each
 * step).
 */
export function createCalendarRouter(deps: {
  models: Models;
  calendar: OfficialCalendar;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  const { models, calendar } = deps;

  router.get('/api/calendars/:scope/:year', deps.authenticate, async (req, res) => {
    const { scope, year: yearNumber } = yearPath(req);
    if (scope !== 'VN' && !(await models.Unit.exists({ _id: scope, level: 'province' })))
      throw new NotFoundError(`calendar ${scope.slice(0, 20)}`);
    // The stored year itself, not the cache (which may be up to its TTL behind an edit made by another process):
    // its `updatedAt` is what an edit form sends back as `expectedUpdatedAt`.
    const stored = await models.CalendarYear.findById(`${scope}:${yearNumber}`).lean();
    res.json(presentYear(stored ? { ...stored, stored: true } : await calendar.year(scope, yearNumber), scope));
  });

  router.post('/api/calendars/:scope/:year/days', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { scope, year: yearNumber } = yearPath(req);
    const body = deps.validateBody<{ date: string; kind: DayKind; name?: string; expectedUpdatedAt?: string | null }>(
      'CalendarDayRequest',
      req.body,
    );
    if (!body.date.startsWith(`${yearNumber}-`)) {
      throw new ValidationError([
        {
          path: '/date',
          keyword: 'year',
          message: { vi: `Ngày phải thuộc năm ${yearNumber}`, en: `date must be in ${yearNumber}` },
        },
      ]);
    }
    if (scope === 'VN' || !user.grants.some((g) => g.role === ADMIN_ROLE && g.unitCode === scope)) {
      throw new ForbiddenError({
        vi: `Chỉ quản trị của tỉnh/thành ${scope} mới được sửa lịch làm việc của tỉnh/thành đó`,
        en: `only an administrator of province ${scope} may edit its calendar`,
      });
    }
    if (!(await models.Unit.exists({ _id: scope, level: 'province' })))
      throw new NotFoundError(`province ${scope.slice(0, 20)}`);
    // Read the stored override itself (not the cache) and write it only if nobody changed it meanwhile.
    const stored = await models.CalendarYear.findById(`${scope}:${yearNumber}`).lean();
    // A form filled in from an older copy of the year is refused rather than applied over changes it did not show.
    assertUnchanged(body.expectedUpdatedAt, stored);
    const current = stored ?? (await calendar.year('VN', yearNumber));
    const before: DayKind = current.daysOff.some((d) => d.date === body.date)
      ? 'day_off'
      : current.workingDays.some((d) => d.date === body.date)
        ? 'working_day'
        : 'default';
    const name =
      body.name?.trim() ||
      (body.kind === 'day_off' ? 'Ngày nghỉ' : body.kind === 'working_day' ? 'Ngày làm việc' : 'Mặc định');
    const daysOff = current.daysOff.filter((d) => d.date !== body.date);
    const workingDays = current.workingDays.filter((d) => d.date !== body.date);
    if (body.kind === 'day_off') daysOff.push({ date: body.date, name });
    if (body.kind === 'working_day') workingDays.push({ date: body.date, name });
    // Strictly after the stored time, so that each write changes `updatedAt` and a writer holding the old value can
    // never match the new document (two edits within one millisecond would otherwise share it).
    const at = nextWriteAt(stored);
    const next = {
      _id: `${scope}:${yearNumber}`,
      scope,
      year: yearNumber,
      daysOff: daysOff.sort((a, b) => a.date.localeCompare(b.date)),
      workingDays: workingDays.sort((a, b) => a.date.localeCompare(b.date)),
      officeHours: current.officeHours,
      cutoff: current.cutoff,
      source: stored ? stored.source : `Lịch quốc gia ${yearNumber}, điều chỉnh riêng cho ${scope}`,
      updatedAt: at,
      updatedBy: user.id,
    };
    // Exactly one of concurrent edits of the year wins; the others are 409 and leave no entry in the edit log.
    await writeCalendarYear(models, stored, next);
    await models.CalendarEdit.create({
      _id: randomUUID(),
      scope,
      year: yearNumber,
      date: body.date,
      change: body.kind,
      name,
      before,
      by: user.id,
      at,
    });
    calendar.invalidate();
    res.json(presentYear({ ...next, stored: true }, scope));
  });

  router.get('/api/calendars/:scope/:year/edits', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { scope, year } = yearPath(req);
    const refusal = {
      vi: 'Chỉ quản trị của tỉnh/thành mới xem được nhật ký sửa lịch',
      en: 'only administrators of the province may read its calendar edit log',
    };
    // The national year's log (its loads) is read by the national administrator and an administrator of any province.
    if (scope === 'VN') {
      if (!isNationalAdmin(user)) await assertProvinceAdmin(models, user, refusal);
    } else if (!user.grants.some((g) => g.role === ADMIN_ROLE && g.unitCode === scope))
      throw new ForbiddenError(refusal);
    const edits = await models.CalendarEdit.find({ scope, year }).sort({ at: -1 }).limit(500).lean();
    // People by their full name and title, as the timeline names them; `by` keeps the id.
    const names = await namesOfPeople(
      models,
      edits.map((e) => e.by),
    );
    res.json({
      items: edits.map(({ _id, at, ...e }) => ({
        id: _id,
        ...e,
        byName: names.get(e.by) ?? e.by,
        at: at.toISOString(),
      })),
    } satisfies CalendarEditList);
  });
  return router;
}
