/**
 * What the audit chain's verification can find wrong, first one named (see storage/audit-chain/verify-audit-chain.ts):
 * - `link_missing`: no link with this seq, though later ones exist (a link deleted);
 * - `link_edited`: the link's hash is not the hash of its fields;
 * - `chain_broken`: the link's prevHash is not the hash of the link before (one of the two rewritten);
 * - `anchor_mismatch`: an anchor holds another hash for this seq (the chain was rebuilt after it was anchored);
 * - `source_missing`: the chained record is gone; `source_edited`: it differs from its digest;
 * - `truncated`: the chain ends before the last anchor (its tail deleted; seq is the first missing one);
 * - `unchained`: a record old enough to have been sealed is not in the chain (inserted by hand, or dated in the
 *   future); seq is null.
 */
export const AUDIT_PROBLEMS = [
  'link_missing',
  'link_edited',
  'chain_broken',
  'anchor_mismatch',
  'source_missing',
  'source_edited',
  'truncated',
  'unchained',
] as const;

export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];
