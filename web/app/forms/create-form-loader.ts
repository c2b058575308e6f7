// Browser-safe: fetches through the app's API client and imports validator chunks.
import { parseFormRef } from '../../../forms/form-ref';
import type { PrecompiledFormValidator } from '../../../forms/standalone/create-precompiled-validator';
import { loadPrecompiledValidator } from '../../shared/validation/load-precompiled-validator';
import type { AppApiClient, ApiResult } from '../api/create-app-api-client';
import type { FormDefinition } from '../../../forms/form-definition';

export interface LoadedForm {
  form: FormDefinition;
  /** Undefined when this build has no validator for the version: the server then validates alone. */
  precompiled: PrecompiledFormValidator | undefined;
}

export type FormLoader = (ref: string) => Promise<ApiResult<LoadedForm>>;

/**
 * Loads a published form version (`key@version`) and its precompiled validator once; published versions never
 * change, so both are kept for the page's lifetime. A failed load is not kept (the next call tries again).
 */
export function createFormLoader(
  api: AppApiClient,
  warn: (message: string) => void = (m) => console.warn(m),
): FormLoader {
  const cache = new Map<string, Promise<ApiResult<LoadedForm>>>();
  return (ref) => {
    const cached = cache.get(ref);
    if (cached) return cached;
    const loading = (async (): Promise<ApiResult<LoadedForm>> => {
      const { key, version } = parseFormRef(ref);
      const result = await api.get<FormDefinition>(`/api/forms/${encodeURIComponent(key)}/${version}`);
      if (!result.ok) {
        cache.delete(ref);
        return result;
      }
      return {
        ok: true,
        status: result.status,
        value: { form: result.value, precompiled: await loadPrecompiledValidator(result.value, warn) },
      };
    })();
    cache.set(ref, loading);
    return loading;
  };
}
