import { Schema } from 'mongoose';

/**
 * The citizen's way back to a dossier started through an embedded form: the SHA-256 of the lookup secret shown once
 * on the receipt (never the secret itself). One document per dossier, keyed by the dossier code; `tokenId` is the
 * embed token it came through (for the audit trail, not for the lookup, which any allowed portal may serve); `kid` the
 * embed signing key the secret was derived with (createLookupSecrets), so a replayed receipt can show it again.
 * Documents from before secrets were derived have no `kid`.
 */
export interface CitizenLookupDoc {
  _id: string;
  secretHash: string;
  tokenId: string;
  kid?: string;
  createdAt: Date;
}

export const citizenLookupSchema = new Schema<CitizenLookupDoc>(
  {
    _id: { type: String, required: true },
    secretHash: { type: String, required: true },
    tokenId: { type: String, required: true },
    kid: { type: String, required: false },
    createdAt: { type: Date, required: true },
  },
  { collection: 'citizen_lookups', versionKey: false },
);
