import { useCallback, useState } from 'react';
import { useAppServices } from '../app-services';
import type { ApiFailure } from './api-problems';

/**
 * A POST of an admin form or button: `busy` while it runs, the failure to show in place (cleared by the next
 * attempt), and the answer's value on success (undefined on a failure).
 */
export function useAdminPost(): {
  busy: boolean;
  failure: ApiFailure | undefined;
  /** `idempotent`: with an Idempotency-Key (reused on a retry); `patch`: a PATCH instead of a POST. */
  post<T>(path: string, body: unknown, options?: { idempotent?: boolean; patch?: boolean }): Promise<T | undefined>;
} {
  const { api } = useAppServices();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const post = useCallback(
    async <T>(path: string, body: unknown, options?: { idempotent?: boolean; patch?: boolean }) => {
      setBusy(true);
      setFailure(undefined);
      const answer = options?.patch
        ? await api.patch<T>(path, body)
        : await api.post<T>(path, body, { idempotent: options?.idempotent ?? false });
      setBusy(false);
      if (answer.ok) return answer.value;
      setFailure(answer);
      return undefined;
    },
    [api],
  );
  return { busy, failure, post };
}
