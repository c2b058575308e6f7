// Browser-safe and DOM-free.
import type { WidgetLang } from './widget-lang';
import { widgetText } from './widget-text';

/** Types `POST /api/files` accepts, and its size limit (api/files/create-file-router.ts). */
export const ACCEPTED_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

/** What to tell the person when an upload fails with `status` (0: no answer). */
export function uploadErrorMessage(status: number, serverMessage: string, lang: WidgetLang): string {
  const t = widgetText(lang);
  if (status === 413) return t.tooLarge;
  if (status === 415) return t.unsupportedType;
  if (status === 422) return t.contentMismatch;
  if (status === 401) return t.signedOut;
  if (status === 0) return t.uploadNetwork;
  return t.uploadFailed(serverMessage || `HTTP ${status}`);
}

/**
 * The status the server would answer for `file` (413, 415) when the browser can already tell, so a person does not
 * wait for 8 MB to go up to hear it is too large; undefined when it may be sent.
 */
export function precheckUpload(file: { size: number; type: string }): 413 | 415 | undefined {
  if (!ACCEPTED_UPLOAD_TYPES.includes(file.type)) return 415;
  if (file.size > MAX_UPLOAD_BYTES) return 413;
  return undefined;
}
