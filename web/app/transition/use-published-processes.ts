import { useEffect, useState } from 'react';
import type { PublishedVersionList } from '../../../api-contract';
import { useAppServices } from '../app-services';

/** The published process versions (`GET /api/admin/processes`), by title and version; empty until they arrive. */
export function usePublishedProcesses(): PublishedVersionList['items'] {
  const { api } = useAppServices();
  const [published, setPublished] = useState<PublishedVersionList['items']>([]);
  useEffect(() => {
    let live = true;
    void api.get<PublishedVersionList>('/api/admin/processes').then((answer) => {
      if (live && answer.ok) setPublished(answer.value.items);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return published;
}
