import { Router, type RequestHandler } from 'express';
import type { QueryFilter } from 'mongoose';
import type { Models } from '../../activities/db/create-models';
import type { DossierViewDoc } from '../../activities/db/dossier-view-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { afterDueCursor, decodeDueCursor, encodeDueCursor, pageLimit } from '../paging/due-cursor';
import { timelinessOf } from '../../workflows/timeliness';

const MAX_LIMIT = 200;

/**
 * `GET /api/inbox`: open dossiers whose current step waits for one of the caller's (role, unit) grants, soonest
 * due first. Keyset paging on (dueAt, _id) keeps every page an index range scan, however deep.
 */
export function createInboxRouter(deps: { models: Models; authenticate: RequestHandler }): Router {
  const router = Router();
  router.get('/api/inbox', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const limit = pageLimit(req.query.limit, MAX_LIMIT);
    const cursor = decodeDueCursor(req.query.cursor);
    if (user.grants.length === 0) {
      res.json({ items: [], nextCursor: null });
      return;
    }
    const filter: QueryFilter<DossierViewDoc> = {
      $or: user.grants.map((g) => ({ processingUnit: g.unitCode, currentRole: g.role })),
    };
    if (cursor) filter.$and = [afterDueCursor(cursor)];
    const now = Date.now();
    const rows = await deps.models.DossierView.find(filter).sort({ dueAt: 1, _id: 1 }).limit(limit + 1).lean();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last
      ? encodeDueCursor({ dueAt: last.dueAt?.toISOString() ?? null, id: last._id })
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
          { startedAt: d.stepStartedAt?.toISOString() ?? null, dueAt: d.dueAt?.toISOString() ?? null, closedAt: null, nearDueAt: d.nearDueAt?.toISOString() ?? null },
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
