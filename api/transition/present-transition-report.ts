import type { TransitionReport } from '../../api-contract';
import type { TransitionReportDoc } from '../../storage/transition-report-schema';

/** A stored report as the API answers it; reports stored before definitions and grants were planned have none. */
export function presentTransitionReport({ _id, byUserId: _by, at, ...rest }: TransitionReportDoc): TransitionReport {
  // An open-ended side of a definition's dates is `{}`, which the stored (minimized) report has lost: given back.
  const definitions = (rest.definitions ?? []).map((d) => ({ ...d, before: d.before ?? {}, after: d.after ?? {} }));
  return { id: _id, ...rest, definitions, grants: rest.grants ?? [], at: at.toISOString() };
}
