import { Router, type RequestHandler } from 'express';
import type { QueryFilter } from 'mongoose';
import type { Models } from '../../activities/db/create-models';
import type { DossierViewDoc } from '../../activities/db/dossier-view-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { ValidationError } from '../errors';
import { timelinessOf } from '../../workflows/timeliness';

const MAX_LIMIT = 200;

interface Cursor {
  dueAt: string;
  id: string;
}

const badCursor = () =>
  new ValidationError([{ path: '/query/cursor', keyword: 'format', message: { vi: 'Con trỏ trang không hợp lệ', en: 'invalid page cursor' } }]);

function decodeCursor(raw: unknown): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.dueAt !== 'string' || typeof parsed.id !== 'string' || Number.isNaN(Date.parse(parsed.dueAt))) throw badCursor();
    return parsed;
  } catch {
    throw badCursor();
  }
}

/**
 * `GET /api/inbox`: open dossiers whose current step waits for one of the caller's (role, unit) grants, soonest
 * due first. Keyset paging on (dueAt, _id) keeps every page an index range scan, however deep.
 */
export function createInboxRouter(deps: { models: Models; authenticate: RequestHandler }): Router {
  const router = Router();
  router.get('/api/inbox', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const limitRaw = req.query.limit === undefined ? '50' : String(req.query.limit);
    if (!/^[1-9][0-9]*$/.test(limitRaw) || Number(limitRaw) > MAX_LIMIT) {
      throw new ValidationError([{ path: '/query/limit', keyword: 'maximum', message: { vi: `limit phải từ 1 đến ${MAX_LIMIT}`, en: `limit must be 1 to ${MAX_LIMIT}` } }]);
    }
    const limit = Number(limitRaw);
    const cursor = decodeCursor(req.query.cursor);
    if (user.grants.length === 0) {
      res.json({ items: [], nextCursor: null });
      return;
    }
    const filter: QueryFilter<DossierViewDoc> = {
      $or: user.grants.map((g) => ({ processingUnit: g.unitCode, currentRole: g.role })),
    };
    if (cursor) {
      const due = new Date(cursor.dueAt);
      filter.$and = [{ $or: [{ dueAt: { $gt: due } }, { dueAt: due, _id: { $gt: cursor.id } }] }];
    }
    const now = Date.now();
    const rows = await deps.models.DossierView.find(filter).sort({ dueAt: 1, _id: 1 }).limit(limit + 1).lean();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last?.dueAt
      ? Buffer.from(JSON.stringify({ dueAt: last.dueAt.toISOString(), id: last._id })).toString('base64url')
      : null;
    res.json({
      items: page.map((d) => ({
        id: d._id,
        processKey: d.processKey,
        processVersion: d.processVersion,
        programme: d.programme,
        status: d.status,
        currentStep: d.currentStep,
        currentRole: d.currentRole,
        processingUnit: d.processingUnit,
        receivingUnit: d.receivingUnit,
        stepStartedAt: d.stepStartedAt,
        dueAt: d.dueAt,
        timeliness: timelinessOf(
          { startedAt: d.stepStartedAt?.toISOString() ?? null, dueAt: d.dueAt?.toISOString() ?? null, closedAt: null },
          now,
        ),
        amounts: d.amounts,
        applicant: d.applicant,
      })),
      nextCursor,
    });
  });
  return router;
}
