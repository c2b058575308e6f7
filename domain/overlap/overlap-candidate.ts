import type { Outcome } from '../process/process-definition';
import type { OverlapSubject } from './overlap-rule';

/** One identity a dossier names: the keyed hash of a citizen id (never the id itself), as household or person. */
export interface IdentityKey {
  subject: OverlapSubject;
  key: string;
}

/** What the overlap check knows of a dossier: its programme, support type, dates and identity keys. */
export interface OverlapCandidate {
  dossierId: string;
  programme: string;
  supportType: string | null;
  /** ISO instants. */
  openedAt: string;
  closedAt: string | null;
  outcome: Outcome | null;
  keys: IdentityKey[];
}

/** One earlier (or later) dossier a candidate overlaps, and the rule that says so. */
export interface OverlapMatch {
  ruleId: string;
  dossierId: string;
  programme: string;
  supportType: string | null;
  openedAt: string;
  subject: OverlapSubject;
}
