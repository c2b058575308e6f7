import { useEffect, useState } from 'react';
import type { TransitionPlan } from '../../../api-contract';
import { useAppServices } from '../app-services';

/** How often a plan being run is read again for its progress. */
export const PLAN_RUN_POLL_MS = 1_000;

/**
 * The plan's latest run as the API says, read every PLAN_RUN_POLL_MS while `active` (this page's dry run or
 * execution is on its way); undefined when not active. A failed read keeps the last one.
 */
export function usePlanRun(planId: string, active: boolean): TransitionPlan['run'] | undefined {
  const { api } = useAppServices();
  const [run, setRun] = useState<TransitionPlan['run']>();
  useEffect(() => {
    if (!active) return setRun(undefined);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const answer = await api.get<TransitionPlan>(`/api/admin/transition-plans/${encodeURIComponent(planId)}`);
      if (stopped) return;
      if (answer.ok) setRun(answer.value.run);
      timer = setTimeout(() => void read(), PLAN_RUN_POLL_MS);
    };
    timer = setTimeout(() => void read(), PLAN_RUN_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, planId, active]);
  return active ? run : undefined;
}
