import { Schema } from 'mongoose';

/**
 * A published form version (JSON Schema + uiSchema + labels). Immutable once published. The definition is kept
 * as JSON text: JSON Schema keywords start with `$` (`$schema`, `$id`, `$defs`), which FerretDB v1 refuses as
 * document keys, and text also keeps exactly what was published.
 */
export interface FormDefinitionDoc {
  _id: string; // key@version
  key: string;
  version: number;
  json: string;
  digest: string;
  publishedAt: Date;
  publishedBy: string;
}

export const formDefinitionSchema = new Schema<FormDefinitionDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    version: { type: Number, required: true },
    json: { type: String, required: true },
    digest: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
  },
  { collection: 'form_definitions', versionKey: false, minimize: false },
);
formDefinitionSchema.index({ key: 1, version: -1 }, { unique: true });
