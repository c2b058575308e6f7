import { Router, type RequestHandler } from 'express';
import type { Models } from '../../activities/db/create-models';
import { timelinessOf } from '../../workflows/timeliness';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, ValidationError } from '../errors';
import { afterDueCursor, decodeDueCursor, encodeDueCursor, pageLimit } from '../paging/due-cursor';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { OPEN_TIMELINESS, openTimelinessFilter, parseOpenTimeliness, type OpenTimeliness } from './open-timeliness-filter';


/**
 * The units a request covers: the `unit` asked for (it must be one of the caller's units or below one), or all
 * the caller's units. Dossiers are matched through their unit chain, so a unit covers its descendants.
 */
async function scopeOf(models: Models, user: AuthenticatedUser, unit: unknown): Promise<string[]> {
  const mine = [...new Set(user.grants.map((g) => g.unitCode))];
  if (unit === undefined) return mine;
  const code = String(unit);
  const chain = await resolveUnitChain(models, code);
  if (!chain.units.some((u) => mine.includes(u._id))) {
    throw new ForbiddenError({ vi: `Bạn không theo dõi đơn vị ${code.slice(0, 20)}`, en: `unit ${code.slice(0, 20)} is outside your units` });
  }
  return [code];
}

const UNIT_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+){0,8}$/;

/** A unit code in the query (`HN-HD-HC`), else 422 on that parameter. */
function unitCodeParam(raw: unknown, name: string): string {
  const code = typeof raw === 'string' ? raw : '';
  if (!UNIT_CODE.test(code) || code.length > 60) {
    throw new ValidationError([{ path: `/query/${name}`, keyword: 'pattern', message: { vi: 'Mã đơn vị không hợp lệ', en: 'invalid unit code' } }]);
  }
  return code;
}

function periodOf(from: unknown, to: unknown): { from: Date; to: Date } {
  const parse = (raw: unknown, name: string, fallback: Date) => {
    if (raw === undefined) return fallback;
    const t = Date.parse(String(raw));
    if (Number.isNaN(t)) throw new ValidationError([{ path: `/query/${name}`, keyword: 'format', message: { vi: 'Ngày không hợp lệ', en: 'invalid date' } }]);
    return new Date(t);
  };
  const end = parse(to, 'to', new Date());
  return { from: parse(from, 'from', new Date(end.getTime() - 365 * 86400_000)), to: end };
}

/**
 * SLA views for supervisors, always limited to the caller's units and their descendants:
 * - `GET /api/sla/pending`: open dossiers, oldest due first, each with where and for whom it waits and its
 *   timeliness; filters `unit` (the unit and those below it), `processingUnit` (only dossiers waiting in that very
 *   unit: the list behind one bar of the summary's `pending`), `programme`, `timeliness`; keyset paging.
 * - `GET /api/sla/summary`: open dossiers counted by processing unit, level, programme and state, split by
 *   timeliness (`stopped`: returned for supplement, the clock stopped); and dossiers finished in a period (`from`, `to`; default the last 365 days) per receiving unit and
 *   procedure, on time or late, with the on-time rate.
 */
export function createSlaRouter(deps: { models: Models; authenticate: RequestHandler }): Router {
  const router = Router();
  const { DossierView } = deps.models;

  router.get('/api/sla/pending', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const limit = pageLimit(req.query.limit, 200);
    const cursor = decodeDueCursor(req.query.cursor);
    const units = await scopeOf(deps.models, user, req.query.unit);
    const now = new Date();
    const and: Record<string, unknown>[] = [{ unitChain: { $in: units } }, { currentStep: { $ne: null } }];
    if (req.query.programme !== undefined) and.push({ programme: String(req.query.programme) });
    if (req.query.processingUnit !== undefined) and.push({ processingUnit: unitCodeParam(req.query.processingUnit, 'processingUnit') });
    const t = parseOpenTimeliness(req.query.timeliness);
    if (t) and.push(openTimelinessFilter(t, now));
    if (cursor) and.push(afterDueCursor(cursor));
    const rows = await DossierView.find({ $and: and }).sort({ dueAt: 1, _id: 1 }).limit(limit + 1).lean();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map((d) => ({
        id: d._id,
        processKey: d.processKey,
        programme: d.programme,
        status: d.status,
        currentStep: d.currentStep,
        waitingFor: { unit: d.processingUnit, role: d.currentRole, level: d.currentLevel },
        receivingUnit: d.receivingUnit,
        stepStartedAt: d.stepStartedAt,
        dueAt: d.dueAt,
        overallDueAt: d.overallDueAt ?? null,
        clockStoppedAt: d.clockPausedAt ?? null,
        timeliness: timelinessOf({ startedAt: d.stepStartedAt?.toISOString() ?? null, dueAt: d.dueAt?.toISOString() ?? null, closedAt: null, nearDueAt: d.nearDueAt?.toISOString() ?? null }, now.getTime()),
      })),
      nextCursor: rows.length > limit && last ? encodeDueCursor({ dueAt: last.dueAt?.toISOString() ?? null, id: last._id }) : null,
    });
  });

  router.get('/api/sla/summary', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const units = await scopeOf(deps.models, user, req.query.unit);
    const period = periodOf(req.query.from, req.query.to);
    const now = new Date();
    const open = { unitChain: { $in: units }, currentStep: { $ne: null } };

    type Key = { unit: string; level: string; programme: string; status: string };
    const rows = new Map<string, Key & Record<OpenTimeliness, number> & { total: number }>();
    for (const t of OPEN_TIMELINESS) {
      const groups = await DossierView.aggregate<{ _id: Key; n: number }>([
        { $match: { $and: [open, openTimelinessFilter(t, now)] } },
        { $group: { _id: { unit: '$processingUnit', level: '$currentLevel', programme: '$programme', status: '$status' }, n: { $sum: 1 } } },
      ]);
      for (const g of groups) {
        const id = JSON.stringify([g._id.unit, g._id.level, g._id.programme, g._id.status]);
        const row = rows.get(id) ?? { ...g._id, not_due: 0, near_due: 0, overdue: 0, stopped: 0, total: 0 };
        row[t] += g.n;
        row.total += g.n;
        rows.set(id, row);
      }
    }

    const finished = await DossierView.aggregate<{ _id: { unit: string; processKey: string; onTime: boolean }; n: number }>([
      { $match: { unitChain: { $in: units }, closedAt: { $gte: period.from, $lt: period.to }, closedOnTime: { $ne: null } } },
      { $group: { _id: { unit: '$receivingUnit', processKey: '$processKey', onTime: '$closedOnTime' }, n: { $sum: 1 } } },
    ]);
    const done = new Map<string, { unit: string; processKey: string; onTime: number; late: number }>();
    for (const g of finished) {
      const id = `${g._id.unit}\u0000${g._id.processKey}`;
      const row = done.get(id) ?? { unit: g._id.unit, processKey: g._id.processKey, onTime: 0, late: 0 };
      if (g._id.onTime) row.onTime += g.n;
      else row.late += g.n;
      done.set(id, row);
    }

    const pending = [...rows.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.programme.localeCompare(b.programme));
    res.json({
      units,
      at: now.toISOString(),
      pending,
      totals: OPEN_TIMELINESS.reduce(
        (acc, t) => ({ ...acc, [t]: pending.reduce((n, r) => n + r[t], 0) }),
        { total: pending.reduce((n, r) => n + r.total, 0) } as Record<string, number>,
      ),
      finished: {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        items: [...done.values()].map((r) => ({ ...r, onTimeRate: r.onTime + r.late > 0 ? r.onTime / (r.onTime + r.late) : null })),
      },
    });
  });
  return router;
}
