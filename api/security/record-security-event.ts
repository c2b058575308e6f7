import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Models } from '../../storage/create-models';
import type { SecurityEventDoc, SecurityEventKind } from '../../storage/security-event-schema';
import { authenticatedUserOrNull } from '../auth/authenticated-user';

export interface SecurityEvent {
  kind: SecurityEventKind;
  /** The request it is about: method, route pattern, client address and caller are taken from it. */
  req: Request;
  /** The account concerned when there is no authenticated caller (a sign-in); null for an unknown username. */
  userId?: string | null;
  status?: number;
  code?: string;
  dossierId?: string;
  at?: Date;
}

/**
 * Appends one entry to `security_events` (see SecurityEventDoc): never a body, a URL's values, a token or what was
 * typed as a username. Database errors reject: where a failure must not change the answer (a refusal being
 * recorded), use noteSecurityEvent.
 */
export async function recordSecurityEvent(models: Models, event: SecurityEvent): Promise<void> {
  const { req } = event;
  const caller = authenticatedUserOrNull(req);
  const userId = caller?.id ?? event.userId ?? null;
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const doc: SecurityEventDoc = {
    _id: randomUUID(),
    at: event.at ?? new Date(),
    kind: event.kind,
    userId,
    ...(event.kind === 'login_failed' && userId === null ? { unknownAccount: true } : {}),
    method: req.method,
    ...(typeof route === 'string' ? { route } : {}),
    ...(event.status === undefined ? {} : { status: event.status }),
    ...(event.code === undefined ? {} : { code: event.code }),
    clientAddress: req.ip ?? null,
    ...(event.dossierId === undefined ? {} : { dossierId: event.dossierId }),
  };
  await models.SecurityEvent.collection.insertOne(doc as never);
}

/**
 * recordSecurityEvent without waiting and without failing: an error is logged (the event's kind and the error only)
 * and the request goes on. For refusals and failed sign-ins, whose answer must stay what it is.
 */
export function noteSecurityEvent(
  models: Models,
  event: SecurityEvent,
  logger: { error(message: string, meta: Record<string, unknown>): void },
): void {
  recordSecurityEvent(models, event).catch((error: unknown) =>
    logger.error('security event not recorded', {
      kind: event.kind,
      error: String((error as Error)?.message ?? error),
    }),
  );
}
