import { useEffect, useMemo, useRef, useState } from 'react';
import { availableLocalStorage, createDraftStore } from '../../shared/draft/create-draft-store';
import { fromSubmissionErrors, type ShownFieldError } from '../../shared/validation/to-rjsf-errors';
import type { DecisionAccepted, DecisionResult, Dossier, StoredSubmission } from '../../../api-contract';
import type { Action } from '../../../domain/process/process-definition';
import { useAppServices } from '../app-services';
import type { AllowedAction } from '../dossier/allowed-actions';
import { appDraftKey } from '../draft/app-draft-key';
import type { LoadedForm } from '../forms/create-form-loader';
import { StepForm } from '../forms/step-form';
import { BusyIndicator } from './busy-indicator';
import { ReturnedNote } from './returned-note';

export interface DecisionPanelProps {
  dossier: Dossier;
  actions: AllowedAction[];
  /** The decision was applied (where the dossier went, whose it is now, its new due time): reload the dossier. */
  onDecided(action: Action, result: DecisionResult): void;
}

/** `fields`: "N fields to fix", which goes once the fields are edited (each field keeps its own message). */
type Feedback = { kind: 'error' | 'fields' | 'info'; message: string } | undefined;

/**
 * The current step's form and the caller's actions on it. Form actions (submit, approve) send the form's data once
 * the browser's check passes; return, reject and withdraw need a reason. What is typed is kept as a draft per
 * user, dossier and step (a reload restores it) until an action succeeds; on an error nothing is lost, server field
 * errors go next to the fields, and a retry after a network failure or a 5xx reuses the Idempotency-Key.
 */
export function DecisionPanel({ dossier, actions, onDecided }: DecisionPanelProps) {
  const { api, loadForm, lang, text, session } = useAppServices();
  const step = dossier.currentStep!;
  const formActions = actions.filter((a) => a.requiresForm);
  const otherActions = actions.filter((a) => !a.requiresForm);
  const draft = useMemo(
    () => createDraftStore(appDraftKey(session.user.id, dossier.id, step.id), availableLocalStorage()),
    [session, dossier.id, step.id],
  );

  const [loaded, setLoaded] = useState<LoadedForm | undefined>();
  const [data, setData] = useState<unknown>(undefined);
  const [draftRestored, setDraftRestored] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const [serverErrors, setServerErrors] = useState<ShownFieldError[]>([]);
  const [busy, setBusy] = useState<Action | undefined>();
  const [feedback, setFeedback] = useState<Feedback>();
  const chosen = useRef<Action | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    if (formActions.length === 0 || !step.form) return;
    void (async () => {
      const form = await loadForm(step.form!);
      if (cancelled) return;
      if (!form.ok) return setLoadError(form.message);
      const saved = draft.load() as { data?: unknown; comment?: string } | undefined;
      let initial = saved?.data;
      if (saved) {
        setDraftRestored(true);
        setComment(saved.comment ?? '');
      } else if (dossier.submissions[step.id]) {
        // Returned for supplement: start from what was sent last time.
        const previous = await api.get<StoredSubmission>(
          `/api/dossiers/${encodeURIComponent(dossier.id)}/submissions/${encodeURIComponent(dossier.submissions[step.id]!.id)}`,
        );
        if (previous.ok) initial = previous.value.data;
      }
      if (cancelled) return;
      setData(initial);
      setLoaded(form.value);
    })();
    return () => {
      cancelled = true;
    };
    // Once per dossier step (the panel is keyed by dossier, step and seq, so a decided dossier gets a new panel).
  }, [dossier.id, step.id]);

  const saveDraft = (nextData: unknown, nextComment: string) => draft.save({ data: nextData, comment: nextComment });

  const send = async (allowed: AllowedAction, formData?: unknown) => {
    if (busy) return;
    const reason = comment.trim();
    if (allowed.requiresComment && !reason) {
      setCommentError(text.reasonRequired);
      document.getElementById('decision-comment')?.focus();
      return;
    }
    setCommentError(undefined);
    setFeedback(undefined);
    setServerErrors([]);
    setBusy(allowed.action);
    const body = {
      action: allowed.action,
      ...(allowed.requiresForm ? { data: formData } : {}),
      ...(reason ? { comment: reason } : {}),
    };
    const result = await api.post<DecisionResult | DecisionAccepted>(
      `/api/dossiers/${encodeURIComponent(dossier.id)}/actions`,
      body,
      {
        idempotent: true,
      },
    );
    setBusy(undefined);
    if (result.ok && result.status === 200) {
      draft.clear();
      setFeedback({ kind: 'info', message: text.done });
      onDecided(allowed.action, result.value as DecisionResult);
      return;
    }
    if (result.ok) return setFeedback({ kind: 'info', message: text.stillProcessing });
    const fields = fromSubmissionErrors(result.fields);
    const onComment = result.fields.find((f) => f.path === '/comment');
    if (onComment) setCommentError(onComment.message);
    setServerErrors(fields);
    const message =
      result.status === 'network'
        ? text.networkError
        : result.status >= 500
          ? text.unavailable
          : fields.length > 0
            ? text.fixErrors(fields.length)
            : result.message;
    const onFields = result.status !== 'network' && result.status < 500 && fields.length > 0;
    setFeedback({ kind: onFields ? 'fields' : 'error', message });
  };

  const label = (a: AllowedAction) => a.label?.[lang] ?? text.actions[a.action] ?? a.action;

  // After the form's fields, before the buttons: a comment goes with an approval, a reason with a return or rejection.
  const commentField = (
    <div className="app-field">
      <label htmlFor="decision-comment">
        {otherActions.some((a) => a.requiresComment) ? text.reason : text.comment}
      </label>
      <textarea
        id="decision-comment"
        rows={3}
        value={comment}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? 'decision-comment-error' : undefined}
        onChange={(e) => {
          setComment(e.target.value);
          setCommentError(undefined);
          saveDraft(data, e.target.value);
        }}
        disabled={busy !== undefined}
      />
      {commentError ? (
        <p id="decision-comment-error" className="app-error" role="alert">
          {commentError}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="app-card app-decision" aria-labelledby="decision-heading" aria-busy={busy !== undefined}>
      <h2 id="decision-heading">
        {text.currentStep}: {step.title[lang]}
      </h2>
      {dossier.status === 'awaiting_supplement' ? <ReturnedNote dossier={dossier} /> : null}
      {draftRestored ? (
        <p className="app-notice" role="status">
          {text.draftRestored}{' '}
          <button
            type="button"
            className="app-link-button"
            onClick={() => {
              draft.clear();
              setDraftRestored(false);
              setComment('');
              setData(undefined);
            }}
          >
            {text.discardDraft}
          </button>
        </p>
      ) : null}
      {loadError ? (
        <p className="app-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {formActions.length > 0 && !loaded && !loadError ? <BusyIndicator label={text.loading} /> : null}

      {loaded ? (
        <StepForm
          loaded={loaded}
          lang={lang}
          data={data}
          idPrefix={`step-${step.id}`}
          fundUnit={dossier.receivingUnit}
          disabled={busy !== undefined}
          serverErrors={serverErrors}
          onChange={(next) => {
            setData(next);
            setServerErrors([]);
            setFeedback((old) => (old?.kind === 'fields' ? undefined : old));
            saveDraft(next, comment);
          }}
          onInvalid={(count) => setFeedback({ kind: 'fields', message: text.fixErrors(count) })}
          onSubmit={(formData) => {
            const allowed = formActions.find((a) => a.action === chosen.current) ?? formActions[0];
            if (allowed) void send(allowed, formData);
          }}
        >
          {commentField}
          <div className="app-actions">
            {formActions.map((a) => (
              <button
                key={a.action}
                type="submit"
                className="app-button"
                data-action={a.action}
                disabled={busy !== undefined}
                onClick={() => (chosen.current = a.action)}
              >
                {label(a)}
              </button>
            ))}
          </div>
        </StepForm>
      ) : null}

      {!loaded ? commentField : null}
      {otherActions.length > 0 ? (
        <div className="app-actions app-other-actions" role="group" aria-label={text.otherActions}>
          {otherActions.map((a) => (
            <button
              key={a.action}
              type="button"
              className={`app-button app-button-secondary${a.action === 'reject' || a.action === 'withdraw' ? ' app-button-danger' : ''}`}
              data-action={a.action}
              disabled={busy !== undefined}
              onClick={() => void send(a)}
            >
              {label(a)}
            </button>
          ))}
        </div>
      ) : null}
      {busy ? <BusyIndicator label={text.working} /> : null}
      {feedback ? (
        <p
          className={feedback.kind === 'info' ? 'app-notice' : 'app-error'}
          role={feedback.kind === 'info' ? 'status' : 'alert'}
        >
          {feedback.message}
        </p>
      ) : null}
    </section>
  );
}
