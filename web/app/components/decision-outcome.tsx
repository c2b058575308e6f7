import type { DecisionResult } from '../../../api-contract';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import { formatDateTime } from '../format/format-date-time';
import type { AppText } from '../i18n/app-text';
import type { Lang } from '../../shared/i18n/lang';
import { UnitName } from '../units/unit-name';

/**
 * What a decision just did, said after it: where the dossier went (the step, its unit and role by name) and its
 * new due time, or that the dossier is closed and how; not a bare "done".
 */
export function DecisionOutcome({
  result,
  definition,
  text,
  lang,
}: {
  result: DecisionResult;
  definition: ProcessDefinition;
  text: AppText;
  lang: Lang;
}) {
  const step = result.currentStep ? definition.steps.find((s) => s.id === result.currentStep) : undefined;
  return (
    <p className="app-notice" role="status" data-testid="decision-outcome">
      {step ? (
        <>
          {text.decidedTo(step.title[lang])} <UnitName code={result.processingUnit} /> (
          {text.roles[step.role] ?? step.role})
          {result.dueAt ? <>. {text.newDueAt(formatDateTime(result.dueAt))}</> : null}.
        </>
      ) : (
        <>{text.decidedClosed(text.statuses[result.status] ?? result.status)}</>
      )}
    </p>
  );
}
