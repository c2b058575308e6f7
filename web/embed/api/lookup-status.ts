// Browser-safe: uses only `fetch`.
import type { CitizenStatus } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';
import type { ApiErrorBody } from './embed-api-types';
import { errorOf } from './create-embed-api-client';

export type LookupResult =
  | { kind: 'found'; status: CitizenStatus }
  | { kind: 'invalid'; message: string; fields: ApiErrorBody['error']['fields'] }
  /** `network` when no answer came (a portal the token does not allow, or the service down). */
  | { kind: 'failed'; status: number | 'network'; code: string; message: string };

/**
 * `POST /api/embed/:token/status` on `apiOrigin`, in `lang` (the 404 and 422 messages come in it). Never rejects:
 * a network failure is a result like any refusal.
 */
export async function lookupStatus(
  apiOrigin: string,
  token: string,
  lang: Lang,
  query: { code: string; secret: string },
): Promise<LookupResult> {
  let res: Response;
  try {
    res = await fetch(`${apiOrigin}/api/embed/${encodeURIComponent(token)}/status`, {
      method: 'POST',
      headers: { accept: 'application/json', 'accept-language': lang, 'content-type': 'application/json' },
      body: JSON.stringify(query),
      credentials: 'omit',
    });
  } catch (error) {
    return { kind: 'failed', status: 'network', code: 'network', message: String((error as Error)?.message ?? error) };
  }
  if (res.ok) return { kind: 'found', status: (await res.json()) as CitizenStatus };
  const error = await errorOf(res);
  if (res.status === 422) return { kind: 'invalid', message: error.message, fields: error.fields };
  return { kind: 'failed', status: res.status, code: error.code, message: error.message };
}
