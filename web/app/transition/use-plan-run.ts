import { useEffect, useState } from 'react';
import type { TransitionPlan, TransitionReport } from '../../../api-contract';
import { useAppServices } from '../app-services';

/** How often a plan being run is read again for its progress. */
export const PLAN_RUN_POLL_MS = 1_000;

type PlanRun = NonNullable<TransitionPlan['run']>;

/**
 * This page's run of `plan` as the API says, read every PLAN_RUN_POLL_MS while `running` (this page's dry run or
 * execution is on its way); undefined when not running, or while what is read is not this page's run: of another
 * kind, or the run the plan already named when this one started (an earlier run, perhaps one whose process stopped
 * and that stays "running"). A failed read keeps the last one.
 */
export function usePlanRun(plan: TransitionPlan, running: TransitionReport['kind'] | undefined): PlanRun | undefined {
  const { api } = useAppServices();
  const [run, setRun] = useState<PlanRun>();
  const planId = plan.id;
  const before = plan.run?.reportId;
  useEffect(() => {
    if (!running) return setRun(undefined);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const answer = await api.get<TransitionPlan>(`/api/admin/transition-plans/${encodeURIComponent(planId)}`);
      if (stopped) return;
      const latest = answer.ok ? answer.value.run : undefined;
      if (latest && latest.kind === running && latest.reportId !== before) setRun(latest);
      timer = setTimeout(() => void read(), PLAN_RUN_POLL_MS);
    };
    timer = setTimeout(() => void read(), PLAN_RUN_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, planId, running, before]);
  return running ? run : undefined;
}
