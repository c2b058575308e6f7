import { randomUUID } from 'node:crypto';
import type { AdminEventKind } from '../../storage/admin-event-schema';
import type { Models } from '../../storage/create-models';

/** Appends one entry to the administrative audit log (see {@link AdminEventDoc}). */
export async function recordAdminEvent(
  models: Models,
  event: {
    by: string;
    kind: AdminEventKind;
    target: string;
    scope: string | null;
    details?: Record<string, unknown>;
    at?: Date;
  },
): Promise<void> {
  await models.AdminEvent.create({
    _id: randomUUID(),
    at: event.at ?? new Date(),
    by: event.by,
    kind: event.kind,
    target: event.target,
    scope: event.scope,
    details: event.details ?? {},
  });
}
