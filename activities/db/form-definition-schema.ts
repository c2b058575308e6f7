import { Schema } from 'mongoose';

/** A published form version (JSON Schema + uiSchema + labels). Immutable once published. */
export interface FormDefinitionDoc {
  _id: string; // key@version
  key: string;
  version: number;
  definition: Record<string, unknown>;
  digest: string;
  publishedAt: Date;
  publishedBy: string;
}

export const formDefinitionSchema = new Schema<FormDefinitionDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    version: { type: Number, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    digest: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
  },
  { collection: 'form_definitions', versionKey: false, minimize: false },
);
formDefinitionSchema.index({ key: 1, version: -1 }, { unique: true });
