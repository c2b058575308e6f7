import { Schema } from 'mongoose';
import type { OfferedDates } from '../domain/process/offered-dates';
import type { ProcessDefinition } from '../domain/process/process-definition';

/** A published process definition version. Immutable: publishing the same key@version again must be identical. */
export interface ProcessDefinitionDoc {
  _id: string; // key@version
  key: string;
  version: number;
  programme: string;
  definition: ProcessDefinition;
  /** SHA-256 of the canonical JSON, to tell an identical republish from a conflicting one. */
  digest: string;
  publishedAt: Date;
  publishedBy: string;
  /**
   * The offered dates a transition plan narrowed (docs/transition-plans.md), outside the immutable `definition` and
   * its digest; `offeredDates` combines them with the definition's own. Absent: the definition's own dates.
   */
  offered?: OfferedDates & { planId: string };
}

export const processDefinitionSchema = new Schema<ProcessDefinitionDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    version: { type: Number, required: true },
    programme: { type: String, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    digest: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
    offered: { type: Schema.Types.Mixed },
  },
  { collection: 'process_definitions', versionKey: false, minimize: false },
);
processDefinitionSchema.index({ key: 1, version: -1 }, { unique: true });
