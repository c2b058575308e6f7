// Browser-safe and DOM-free: the JSON the embed endpoints answer (see api/embed/create-embed-router.ts).
import type { FormDefinition } from '../../../forms/form-definition';
import type { LocalizedText } from '../../../forms/localized-text';

export interface EmbedProcess {
  key: string;
  version: number;
  title: LocalizedText;
}

export interface EmbedUnit {
  code: string;
  name: string;
}

/** `GET /api/embed/:token/form`. */
export interface EmbedFormResponse {
  process: EmbedProcess;
  unit: EmbedUnit;
  /** The exact origins allowed to embed this token (the iframe posts messages only to these). */
  origins: string[];
  /** The start form as a citizen fills it, without the fields only the unit's officer fills. */
  form: FormDefinition;
  /** Those officer fields' pointers, whose errors the precompiled validator (full form) must not show. */
  officerFields?: string[];
  /** What the citizen reads above the form, addressed to them; `en` absent when there is only a Vietnamese text. */
  description?: { vi: string; en?: string } | null;
}

/** `POST /api/embed/:token/submissions` → 201. */
export interface EmbedReceipt {
  dossierId: string;
  receivedAt: string;
  appointmentDate: string;
  process: EmbedProcess;
  unit: EmbedUnit;
  /** The citizen's lookup code, shown once; absent from a replayed answer (the API never stores it). */
  lookupSecret?: string;
}

/** The API's one error shape, in the language asked for. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields: { path: string; keyword: string; message: string }[] };
}
