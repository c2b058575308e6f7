import type { Collection } from 'mongoose';
import type { Models } from '../create-models';

/** A collection whose records are chained, and the insertion-time field the sealer orders them by. */
export interface AuditSource {
  name: 'audit_log' | 'admin_events' | 'security_events';
  timeField: string;
  collection(models: Models): Collection;
}

/** Every audited collection: decisions, administrative changes (embed tokens included) and security events. */
export const AUDIT_SOURCES: readonly AuditSource[] = [
  { name: 'audit_log', timeField: 'recordedAt', collection: (m) => m.AuditEntry.collection },
  { name: 'admin_events', timeField: 'at', collection: (m) => m.AdminEvent.collection },
  { name: 'security_events', timeField: 'at', collection: (m) => m.SecurityEvent.collection },
];
