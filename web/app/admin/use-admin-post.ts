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
  post<T>(path: string, body: unknown): Promise<T | undefined>;
} {
  const { api } = useAppServices();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const post = useCallback(
    async <T>(path: string, body: unknown): Promise<T | undefined> => {
      setBusy(true);
      setFailure(undefined);
      const answer = await api.post<T>(path, body);
      setBusy(false);
      if (answer.ok) return answer.value;
      setFailure(answer);
      return undefined;
    },
    [api],
  );
  return { busy, failure, post };
}
