import { Schema } from 'mongoose';
import type { ActorRef } from '../domain/process/dossier-state';

/**
 * Validated form data of one step of one dossier, pinned to the form version it was checked against. Personal
 * data lives here, never in Temporal: the workflow holds only `{ id, form }`. `pending` until the decision that
 * carries it is accepted; a refused decision discards it.
 */
export interface SubmissionDoc {
  _id: string;
  dossierId: string;
  stepId: string;
  form: string; // key@version
  data: Record<string, unknown>;
  createdBy: ActorRef;
  createdAt: Date;
  state: 'pending' | 'attached' | 'discarded';
}

export const submissionSchema = new Schema<SubmissionDoc>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    stepId: { type: String, required: true },
    form: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    createdBy: { userId: String, role: String, unitCode: String },
    createdAt: { type: Date, required: true },
    state: { type: String, required: true, enum: ['pending', 'attached', 'discarded'] },
  },
  { collection: 'submissions', versionKey: false, minimize: false },
);
submissionSchema.index({ dossierId: 1, createdAt: 1 });
