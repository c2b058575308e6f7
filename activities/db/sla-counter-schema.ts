import { Schema } from 'mongoose';
import type { OpenTimeliness } from '../../workflows/timeliness';

/** What a counter counts (see slaCounterContributions). */
export type SlaCounterKey =
  | { kind: 'open'; scope: string; processingUnit: string; role: string; level: string; programme: string; status: string; bucket: OpenTimeliness }
  | { kind: 'finished'; scope: string; receivingUnit: string; processKey: string; month: string };

/**
 * The SLA counters, maintained by the projection as dossiers move (applySlaCounterDelta) so that the SLA summary and
 * the inbox counts never scan the read model; rebuilt from the read model by rebuildSlaCounters.
 * - `open`: open dossiers per scope unit (each unit of a dossier's chain, and `*` for all), processing unit, role,
 *   level, programme, state and open bucket, in `n`;
 * - `finished`: finished dossiers per scope unit, receiving unit, procedure and month of closing (`yyyy-mm`, Việt
 *   Nam time), in `onTime` and `late`.
 * `_id` is the JSON of the key's values.
 */
export type SlaCounterDoc = { _id: string; n?: number; onTime?: number; late?: number } & (
  | { kind: 'open'; scope: string; processingUnit: string; role: string; level: string; programme: string; status: string; bucket: OpenTimeliness; receivingUnit?: undefined; processKey?: undefined; month?: undefined }
  | { kind: 'finished'; scope: string; receivingUnit: string; processKey: string; month: string; processingUnit?: undefined; role?: undefined; level?: undefined; programme?: undefined; status?: undefined; bucket?: undefined }
);

export const slaCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['open', 'finished'] },
    scope: { type: String, required: true },
    processingUnit: String,
    role: String,
    level: String,
    programme: String,
    status: String,
    bucket: String,
    receivingUnit: String,
    processKey: String,
    month: String,
    n: Number,
    onTime: Number,
    late: Number,
  },
  { collection: 'sla_counters', versionKey: false },
);
// The summary: a scope's open counters, or its finished counters of some months.
slaCounterSchema.index({ scope: 1, kind: 1, month: 1 });
// The inbox counts: the open counters of a processing unit and role (scope `*`).
slaCounterSchema.index({ processingUnit: 1, role: 1, scope: 1 });
