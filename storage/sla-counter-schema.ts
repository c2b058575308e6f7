import { Schema } from 'mongoose';

/**
 * The SLA counters, maintained by the projection as dossiers move (applySlaCounterDelta) so that the SLA summary and
 * the inbox counts never scan the read model; rebuilt from the read model by rebuildSlaCounters. One document per
 * scope unit (each unit of a dossier's chain, and `*` for all) and
 * - `open`: processing unit; `c` counts its open dossiers by `role|level|programme|status|bucket`;
 * - `finished`: receiving unit (or `*`: all of the scope's) and procedure; `m` counts its finished dossiers by month
 *   of closing (`yyyy-mm`, Việt Nam time), on time and late.
 * Few documents per unit (not one per month or per bucket), because the embedded database's cost is per document.
 * `_id` is the JSON of [kind, scope, unit(, procedure)]. `t` holds the tokens of the projection updates applied
 * and not yet forgotten (see writeCountedView): normally empty; a token left there by a crash is harmless.
 */
export type SlaCounterDoc =
  | {
      _id: string;
      kind: 'open';
      scope: string;
      processingUnit: string;
      c?: Record<string, number>;
      t?: Record<string, 1>;
    }
  | {
      _id: string;
      kind: 'finished';
      scope: string;
      receivingUnit: string;
      processKey: string;
      m?: Record<string, { onTime?: number; late?: number }>;
      t?: Record<string, 1>;
    };

export const slaCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['open', 'finished'] },
    scope: { type: String, required: true },
    processingUnit: String,
    receivingUnit: String,
    processKey: String,
    c: { type: Schema.Types.Mixed },
    m: { type: Schema.Types.Mixed },
    t: { type: Schema.Types.Mixed },
  },
  { collection: 'sla_counters', versionKey: false, minimize: false },
);
// The summary: a scope's open or finished counters (those of all its units, or per unit).
slaCounterSchema.index({ scope: 1, kind: 1, receivingUnit: 1 });
// The inbox counts: the open counters of a processing unit (scope `*`).
slaCounterSchema.index({ processingUnit: 1, scope: 1 });
