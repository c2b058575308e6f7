import type { SlaCounterUpdate } from './sla-counter-update';

/**
 * The SLA counter updates a read-model write owes, kept in the read-model document itself (`slaPending`) from the
 * moment the document is written until the counters have taken them (see writeCountedView). `token` is random and
 * never reused: each counter document marks the token while it holds the update (`t.<token>`), so applying the same
 * pending delta again changes nothing.
 */
export interface PendingSlaDelta {
  token: string;
  updates: SlaCounterUpdate[];
}
