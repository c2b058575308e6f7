// Browser-safe: uses only `fetch`.
import type { UnitOption } from '../../shared/widgets/unit-option';
import type { Lang } from '../../shared/i18n/lang';
import type { ApiErrorBody, EmbedFormResponse, EmbedReceipt } from './embed-api-types';
import type { UnitList } from '../../../api-contract';

export type LoadFormResult =
  { ok: true; value: EmbedFormResponse } | { ok: false; status: number; code: string; message: string };

export type SubmitResult =
  | { kind: 'receipt'; receipt: EmbedReceipt }
  | { kind: 'invalid'; message: string; fields: ApiErrorBody['error']['fields'] }
  /** Anything else: `network` when no answer came, otherwise the status and the server's code and message. */
  | { kind: 'failed'; status: number | 'network'; code: string; message: string };

export interface EmbedApiClient {
  loadForm(): Promise<LoadFormResult>;
  submit(data: unknown): Promise<SubmitResult>;
  /**
   * The units the form's unit picker offers (`GET /api/embed/:token/units`): in force today, or `all`. Rejects on
   * failure.
   */
  listUnits(all: boolean): Promise<UnitOption[]>;
}

/** The API's error of a refused answer, or one made of its status when the body is not the API's. */
export async function errorOf(res: Response): Promise<ApiErrorBody['error']> {
  try {
    const body = (await res.json()) as Partial<ApiErrorBody>;
    if (body.error && typeof body.error.code === 'string')
      return { code: body.error.code, message: String(body.error.message ?? ''), fields: body.error.fields ?? [] };
  } catch {
    // not JSON (a proxy's error page): fall through
  }
  return { code: `http_${res.status}`, message: res.statusText, fields: [] };
}

/**
 * The answer to `GET /api/embed/:token/form` as a result, never a rejection; also used for a request started early
 * (the `<ho-so-form>` loader fetches the form while the element's code loads).
 */
export async function toLoadFormResult(response: Promise<Response>): Promise<LoadFormResult> {
  let res: Response;
  try {
    res = await response;
  } catch (error) {
    return { ok: false, status: 0, code: 'network', message: String((error as Error)?.message ?? error) };
  }
  if (!res.ok) {
    const error = await errorOf(res);
    return { ok: false, status: res.status, code: error.code, message: error.message };
  }
  try {
    return { ok: true, value: (await res.json()) as EmbedFormResponse };
  } catch (error) {
    return { ok: false, status: res.status, code: 'bad_response', message: String((error as Error)?.message ?? error) };
  }
}

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `embed-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The two calls an embedded form makes, on `apiOrigin` (the iframe page's own origin, or the origin the
 * `<ho-so-form>` script was loaded from), in `lang` (`Accept-Language`, so 422 messages come in it).
 *
 * Submissions carry an `Idempotency-Key`. After an answer that settles the attempt (201, 422, any other 4xx) the
 * next submission gets a new key; after a network failure, a 5xx, a 429 or a 409 `idempotency_in_progress` (the
 * first attempt is still running on the server) the same data is sent again with the same key,
 * so a retry of a request that did reach the server cannot start a second dossier. (The server refuses one key
 * for two different bodies, so changed data always gets a new key.)
 */
export function createEmbedApiClient(apiOrigin: string, token: string, lang: Lang): EmbedApiClient {
  const base = `${apiOrigin}/api/embed/${encodeURIComponent(token)}`;
  const headers = { accept: 'application/json', 'accept-language': lang };
  let pending: { key: string; body: string } | undefined;

  return {
    loadForm() {
      return toLoadFormResult(fetch(`${base}/form`, { headers, credentials: 'omit' }));
    },

    async listUnits(all) {
      const res = await fetch(`${base}/units${all ? '?all=true' : ''}`, { headers, credentials: 'omit' });
      if (!res.ok) throw new Error(`units: HTTP ${res.status}`);
      return ((await res.json()) as UnitList).items;
    },

    async submit(data) {
      const body = JSON.stringify({ data });
      if (!pending || pending.body !== body) pending = { key: randomKey(), body };
      let res: Response;
      try {
        res = await fetch(`${base}/submissions`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': pending.key },
          body,
          credentials: 'omit',
        });
      } catch (error) {
        return {
          kind: 'failed',
          status: 'network',
          code: 'network',
          message: String((error as Error)?.message ?? error),
        };
      }
      if (res.status === 201) {
        pending = undefined;
        return { kind: 'receipt', receipt: (await res.json()) as EmbedReceipt };
      }
      const error = await errorOf(res);
      const unsettled =
        res.status >= 500 || res.status === 429 || (res.status === 409 && error.code === 'idempotency_in_progress');
      if (!unsettled) pending = undefined;
      if (res.status === 422) return { kind: 'invalid', message: error.message, fields: error.fields };
      return { kind: 'failed', status: res.status, code: error.code, message: error.message };
    },
  };
}
