import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom Temporal search attributes of a dossier workflow. They carry no personal data: codes, step ids and
 * times only. The server must know them before a workflow upserts them: the dev server gets them as
 * `--search-attribute NAME=TYPE` flags (see SEARCH_ATTRIBUTE_TYPES), an external cluster gets them registered
 * through the operator service when the worker starts.
 */
export const DOSSIER_STATUS = defineSearchAttributeKey('HosoStatus', SearchAttributeType.KEYWORD);
export const DOSSIER_STEP = defineSearchAttributeKey('HosoStep', SearchAttributeType.KEYWORD);
export const DOSSIER_LEVEL = defineSearchAttributeKey('HosoLevel', SearchAttributeType.KEYWORD);
export const DOSSIER_UNIT = defineSearchAttributeKey('HosoUnit', SearchAttributeType.KEYWORD);
export const DOSSIER_PROCESS = defineSearchAttributeKey('HosoProcess', SearchAttributeType.KEYWORD);
export const DOSSIER_DUE_AT = defineSearchAttributeKey('HosoDueAt', SearchAttributeType.DATETIME);
/** Set while the dossier needs an operator (see workflows/create-attention.ts): `<activity>/<reason>`. */
export const DOSSIER_ATTENTION = defineSearchAttributeKey('HosoAttention', SearchAttributeType.KEYWORD);
/** When the flag was raised. */
export const DOSSIER_ATTENTION_AT = defineSearchAttributeKey('HosoAttentionAt', SearchAttributeType.DATETIME);

/** Name → type as the Temporal CLI spells it in `--search-attribute NAME=TYPE`. */
export const SEARCH_ATTRIBUTE_TYPES: Readonly<Record<string, 'Keyword' | 'Datetime'>> = {
  HosoStatus: 'Keyword',
  HosoStep: 'Keyword',
  HosoLevel: 'Keyword',
  HosoUnit: 'Keyword',
  HosoProcess: 'Keyword',
  HosoDueAt: 'Datetime',
  HosoAttention: 'Keyword',
  HosoAttentionAt: 'Datetime',
};
