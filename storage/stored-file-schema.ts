import { Schema } from 'mongoose';

/**
 * An uploaded attachment (photo, scanned document), stored outside the workflow and referenced from form data
 * by id (`{ fileId }`). The bytes live in MongoDB too (`file_blobs`), so a database backup holds everything and any
 * MongoDB or FerretDB works; files are small (≤ 8 MiB). The uploader's unit chain decides who may read it.
 */
export interface StoredFileDoc {
  _id: string;
  contentType: string;
  size: number;
  sha256: string;
  /** As sent, for display only; never used as a path. */
  fileName: string | null;
  uploadedBy: string;
  /** The uploader's unit and its ancestors; readers need a grant in one of them. */
  unitChain: string[];
  createdAt: Date;
  /**
   * `unattached` from the upload until form data that references the file is stored (then `attached`, for good);
   * `sweeping` once the unattached-upload sweep has claimed it for removal (see createUploadSweeper). Files stored
   * before this field existed have none: they count as attached and are never swept.
   */
  state?: 'unattached' | 'attached' | 'sweeping';
}

export interface FileBlobDoc {
  _id: string;
  data: Buffer;
}

export const storedFileSchema = new Schema<StoredFileDoc>(
  {
    _id: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    fileName: { type: String, default: null },
    uploadedBy: { type: String, required: true },
    unitChain: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    state: { type: String, enum: ['unattached', 'attached', 'sweeping'] },
  },
  { collection: 'files', versionKey: false },
);
storedFileSchema.index({ uploadedBy: 1, createdAt: -1 });
storedFileSchema.index({ state: 1, createdAt: 1 });

export const fileBlobSchema = new Schema<FileBlobDoc>(
  { _id: { type: String, required: true }, data: { type: Buffer, required: true } },
  { collection: 'file_blobs', versionKey: false },
);
