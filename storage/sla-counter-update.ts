/** The increments one SLA counter document takes when a dossier moves (see slaCounterDelta). */
export interface SlaCounterUpdate {
  /** The counter document. */
  id: string;
  /** Its identifying fields, set when it is created. */
  key: Record<string, string>;
  /** The counts to add, by update path (`c.<entry>` or `m.<yyyy-mm>.onTime` / `.late`); never 0. */
  inc: { path: string; n: number }[];
}
