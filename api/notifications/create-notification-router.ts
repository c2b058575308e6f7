import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundError } from '../errors';
import { checkedParameters } from '../validation/checked-parameters';
import type { NotificationList, NotificationRead } from '../../api-contract';

/** The caller's grants as a filter: a notification is addressed to a role in a unit. */
const addressedTo = (user: AuthenticatedUser) => ({
  $or: user.grants.map((g) => ({ recipientRole: g.role, recipientUnit: g.unitCode })),
});

/**
 * Reminders and escalations written by the workflow's timers, for the caller's role grants:
 * - `GET /api/notifications`: the newest `limit` (default 50), with the caller's unread count; `unread=true`
 *   leaves out what the caller marked read.
 * - `POST /api/notifications/:id/read`: marks one read for the caller only (404 if it is not addressed to them).
 * They carry dossier ids, step codes and times only; the dossier itself is read through the dossier API.
 */
export function createNotificationRouter(deps: { models: Models; authenticate: RequestHandler }): Router {
  const router = Router();
  const { Notification } = deps.models;

  router.get('/api/notifications', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { limit = 50, unread: onlyUnread } = checkedParameters<{ limit: number; unread: boolean }>(req).query;
    const and: Record<string, unknown>[] = [addressedTo(user)];
    if (onlyUnread) and.push({ readBy: { $ne: user.id } });
    if (user.grants.length === 0) {
      res.json({ items: [], unread: 0 } satisfies NotificationList);
      return;
    }
    const rows = await Notification.find({ $and: and }).sort({ at: -1, _id: 1 }).limit(limit).lean();
    const unread = await Notification.countDocuments({ $and: [addressedTo(user), { readBy: { $ne: user.id } }] });
    res.json({
      items: rows.map((n) => ({
        id: n._id,
        dossierId: n.dossierId,
        processKey: n.processKey,
        kind: n.kind,
        scope: n.scope,
        step: n.step,
        dueAt: n.dueAt?.toISOString() ?? null,
        recipient: { role: n.recipientRole, unitCode: n.recipientUnit },
        at: n.at.toISOString(),
        read: n.readBy.includes(user.id),
        // The period a scheduled step pays (a sponsorship month), which the message names.
        ...(n.period ? { period: { month: n.period.month, unit: n.period.unit } } : {}),
      })),
      unread,
    } satisfies NotificationList);
  });

  router.post('/api/notifications/:id/read', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const id = String(req.params.id);
    if (user.grants.length === 0) throw new NotFoundError(`notification ${id.slice(0, 80)}`);
    const updated = await Notification.updateOne(
      { $and: [{ _id: id }, addressedTo(user)] },
      { $addToSet: { readBy: user.id } },
    );
    if (updated.matchedCount === 0) throw new NotFoundError(`notification ${id.slice(0, 80)}`);
    res.json({ id, read: true } satisfies NotificationRead);
  });
  return router;
}
