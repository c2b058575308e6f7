import { useState } from 'react';
import { useModalDialog } from './use-modal-dialog';
import type { InboxItem } from '../../../api-contract';
import { useAppServices } from '../app-services';
import type { BulkAction } from '../dossier/inbox-bulk-actions';
import { runBulkAction, type BulkProblem } from '../dossier/run-bulk-action';
import { BusyIndicator } from './busy-indicator';

export interface BulkActionDialogProps {
  action: BulkAction;
  /** The selected rows, in the inbox's order. */
  items: InboxItem[];
  /** The run finished or was refused (dossiers may have moved on): refresh the inbox. */
  onFinished(): void;
  /** `decided`: the run finished, so the selection is spent. */
  onClose(decided: boolean): void;
}

type Phase =
  | { kind: 'confirm' }
  | { kind: 'checking' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'refused'; problems: BulkProblem[] }
  | { kind: 'finished'; decided: number; failed: BulkProblem[] };

/**
 * A modal dialog (native `<dialog>`: focus stays inside, Escape cancels) that confirms one action on the selected
 * dossiers, with one comment or reason for all, then runs it (runBulkAction: a check of all first, then a few
 * dossiers per request) with a progress bar, and ends with what succeeded and what failed, in the user's
 * language. It cannot be closed while the decisions are being sent.
 */
export function BulkActionDialog({ action, items, onFinished, onClose }: BulkActionDialogProps) {
  const { api, lang, text } = useAppServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' });
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const label = action.label?.[lang] ?? text.actions[action.action] ?? action.action;
  const busy = phase.kind === 'checking' || phase.kind === 'running';
  const dialog = useModalDialog(busy, () => onClose(phase.kind === 'finished'));
  const headName = (id: string) => String(items.find((i) => i.id === id)?.applicant?.headName ?? '');

  const confirm = async () => {
    if (action.requiresComment && !comment.trim()) {
      setCommentError(text.reasonRequired);
      document.getElementById('bulk-comment')?.focus();
      return;
    }
    setCommentError(undefined);
    setPhase({ kind: 'checking' });
    const outcome = await runBulkAction(
      api,
      { dossierIds: items.map((i) => i.id), action: action.action, comment },
      { text, onProgress: (done, total) => setPhase({ kind: 'running', done, total }) },
    );
    if (outcome.kind === 'refused') {
      const onComment = outcome.problems.find((p) => p.dossierId === undefined);
      if (onComment && outcome.problems.length === 1 && action.requiresComment) setCommentError(onComment.message);
      setPhase({ kind: 'refused', problems: outcome.problems });
      onFinished();
      return;
    }
    setPhase({ kind: 'finished', decided: outcome.decided.length, failed: outcome.failed });
    onFinished();
  };

  const problemList = (problems: BulkProblem[]) => (
    <ul className="app-bulk-problems">
      {problems.map((p, i) => (
        <li key={`${p.dossierId ?? ''}-${i}`} data-dossier-id={p.dossierId}>
          {p.dossierId ? <strong>{p.dossierId}: </strong> : null}
          {p.message}
        </li>
      ))}
    </ul>
  );

  return (
    <dialog
      ref={dialog.ref}
      className="app-dialog"
      aria-labelledby="bulk-dialog-title"
      aria-busy={busy}
      onCancel={dialog.onCancel}
    >
      <h2 id="bulk-dialog-title">{text.bulkConfirmTitle(label, items.length)}</h2>
      {phase.kind === 'confirm' || phase.kind === 'refused' ? (
        <>
          <p>{text.bulkConfirmText(label, items.length)}</p>
          <h3 className="app-dialog-subtitle">{text.bulkDossiers}</h3>
          <ul className="app-bulk-list">
            {items.map((i) => (
              <li key={i.id}>
                <strong>{i.id}</strong> {headName(i.id)}
              </li>
            ))}
          </ul>
          <div className="app-field">
            <label htmlFor="bulk-comment">{action.requiresComment ? text.bulkReason : text.bulkComment}</label>
            <textarea
              id="bulk-comment"
              rows={3}
              maxLength={4000}
              value={comment}
              required={action.requiresComment}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={commentError ? 'bulk-comment-error' : undefined}
              onChange={(e) => {
                setComment(e.target.value);
                setCommentError(undefined);
              }}
            />
            {commentError ? (
              <p id="bulk-comment-error" className="app-error" role="alert">
                {commentError}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
      {phase.kind === 'refused' ? (
        <div role="alert">
          <p className="app-error">{text.bulkRefused}</p>
          {problemList(phase.problems)}
        </div>
      ) : null}
      {phase.kind === 'checking' ? <BusyIndicator label={text.bulkChecking} /> : null}
      {phase.kind === 'running' ? (
        <div className="app-busy" role="status">
          <progress aria-label={text.bulkProgressLabel} value={phase.done} max={phase.total} />
          <span>{text.bulkProgress(phase.done, phase.total)}</span>
        </div>
      ) : null}
      {phase.kind === 'finished' ? (
        <div role="status" data-testid="bulk-summary">
          <p className={phase.failed.length > 0 ? 'app-error' : 'app-notice'}>
            {text.bulkSummary(phase.decided, phase.failed.length)}
          </p>
          {phase.failed.length > 0 ? (
            <>
              <h3 className="app-dialog-subtitle">{text.bulkFailures}</h3>
              {problemList(phase.failed)}
            </>
          ) : null}
        </div>
      ) : null}
      <div className="app-actions">
        {phase.kind === 'confirm' || phase.kind === 'refused' ? (
          <>
            {/* After a refusal naming dossiers, the way on is to leave them out of the selection;
                a missing reason can be typed here. */}
            {phase.kind === 'confirm' || phase.problems.every((p) => p.dossierId === undefined) ? (
              <button type="button" className="app-button" data-action={action.action} onClick={() => void confirm()}>
                {text.confirm}
              </button>
            ) : null}
            <button type="button" className="app-button app-button-secondary" onClick={() => onClose(false)}>
              {phase.kind === 'confirm' ? text.cancel : text.close}
            </button>
          </>
        ) : null}
        {phase.kind === 'finished' ? (
          <button type="button" className="app-button" onClick={() => onClose(true)} autoFocus>
            {text.close}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
