// Browser-safe: uses only `fetch`.
import type { UnitSource } from './widget-form-context';
import type { UnitList } from '../../../api-contract';

/**
 * A {@link UnitSource} over `GET /api/units` for a signed-in user (the officer app): `authorization` is read on
 * each call, so a refreshed token is used. The embed lists its units with `GET /api/embed/:token/units` instead.
 */
export function createApiUnitSource(options: {
  baseUrl: string;
  authorization?: () => string | undefined;
}): UnitSource {
  return {
    async list({ all }) {
      const auth = options.authorization?.();
      const res = await fetch(`${options.baseUrl}/api/units${all ? '?all=true' : ''}`, {
        headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}) },
      });
      if (!res.ok) throw new Error(`units: HTTP ${res.status}`);
      return ((await res.json()) as UnitList).items;
    },
  };
}
