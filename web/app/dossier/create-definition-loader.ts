// Browser-safe: fetches through the app's API client.
import type { AppApiClient, ApiResult } from '../api/create-app-api-client';
import type { ProcessDefinition } from '../../../domain/process/process-definition';

export type DefinitionLoader = (key: string, version: number) => Promise<ApiResult<ProcessDefinition>>;

/** Loads a published process definition version once (they never change); a failed load is tried again next time. */
export function createDefinitionLoader(api: AppApiClient): DefinitionLoader {
  const cache = new Map<string, Promise<ApiResult<ProcessDefinition>>>();
  return (key, version) => {
    const id = `${key}@${version}`;
    const cached = cache.get(id);
    if (cached) return cached;
    const loading = api
      .get<ProcessDefinition>(`/api/processes/${encodeURIComponent(key)}/${version}`)
      .then((result) => {
        if (!result.ok) cache.delete(id);
        return result;
      });
    cache.set(id, loading);
    return loading;
  };
}
