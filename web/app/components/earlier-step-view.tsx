import { useEffect, useState } from 'react';
import type { StoredSubmission } from '../../../api-contract';
import { useAppServices } from '../app-services';
import type { LoadedForm } from '../forms/create-form-loader';
import { StepForm } from '../forms/step-form';
import { formatDateTime } from '../format/format-date-time';
import { personName, type People } from '../format/person-name';
import { BusyIndicator } from './busy-indicator';

/**
 * An earlier step's submission, read-only, rendered with the form version it was validated against (the stored
 * submission names it), even if newer versions of the form exist.
 */
export function EarlierStepView({
  dossierId,
  fundUnit,
  submissionId,
  title,
  people,
}: {
  dossierId: string;
  /** Full names by user id (the dossier's `people`): who sent the step is named, never by username. */
  people: People;
  /** The dossier's unit, to name the funds its `fund-id` fields hold. */
  fundUnit?: string;
  submissionId: string;
  title: string;
}) {
  const { api, loadForm, lang, text } = useAppServices();
  const [state, setState] = useState<
    { submission: StoredSubmission; loaded: LoadedForm } | { error: string } | undefined
  >();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const submission = await api.get<StoredSubmission>(
        `/api/dossiers/${encodeURIComponent(dossierId)}/submissions/${encodeURIComponent(submissionId)}`,
      );
      if (!submission.ok) return !cancelled && setState({ error: submission.message });
      const form = await loadForm(submission.value.form);
      if (!form.ok) return !cancelled && setState({ error: form.message });
      if (!cancelled) setState({ submission: submission.value, loaded: form.value });
    })();
    return () => {
      cancelled = true;
    };
  }, [api, loadForm, dossierId, submissionId]);

  return (
    <details className="app-card app-earlier-step" data-submission={submissionId}>
      <summary>
        <h3>{title}</h3>
      </summary>
      {!state ? <BusyIndicator label={text.loading} /> : null}
      {state && 'error' in state ? (
        <p className="app-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state && 'submission' in state ? (
        <>
          {/* The form's version is for support staff (its tooltip), not words for an officer to read. */}
          <p className="app-muted" title={`${text.formVersion}: ${state.submission.form}`}>
            {text.submittedBy}: {personName(people, state.submission.createdBy.userId)} ·{' '}
            {formatDateTime(state.submission.createdAt)}
          </p>
          <StepForm
            loaded={state.loaded}
            lang={lang}
            data={state.submission.data}
            idPrefix={`earlier-${state.submission.stepId}`}
            fundUnit={fundUnit}
            readonly
          />
        </>
      ) : null}
    </details>
  );
}
