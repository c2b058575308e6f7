import { useState } from 'react';
import type { OverlapItem } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';
import { overlapText } from '../dossier/overlap-text';
import { OverlapList } from './overlap-list';

/**
 * The answer to a 409 `OverlapFound` on the new-dossier page: the overlapping dossiers and a required reason; "Vẫn
 * lập hồ sơ" sends the same data again with `overlapOverride`. The reason is checked here with the server's bounds
 * (5–1,000 characters, not only spaces) so the person sees the problem in place.
 */
export function OverlapOverridePrompt({
  overlaps,
  lang,
  disabled,
  onCancel,
  onConfirm,
}: {
  overlaps: readonly OverlapItem[];
  lang: Lang;
  disabled: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const t = overlapText(lang);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const confirm = () => {
    const trimmed = reason.trim();
    if (trimmed.length < 5 || trimmed.length > 1000) return setProblem(t.reasonBounds);
    setProblem(undefined);
    onConfirm(trimmed);
  };
  return (
    <section className="app-card app-overlap-flag" role="alert" aria-labelledby="overlap-prompt-heading">
      <h2 id="overlap-prompt-heading">{t.flag}</h2>
      <p>{t.found(overlaps.length)}</p>
      <OverlapList overlaps={overlaps} lang={lang} />
      <div className="app-field">
        <label htmlFor="overlap-reason">{t.reason}</label>
        <textarea
          id="overlap-reason"
          value={reason}
          maxLength={1000}
          rows={3}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'overlap-reason-problem' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem ? (
          <p id="overlap-reason-problem" className="app-error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="app-actions">
        <button type="button" className="app-button" data-action="create-anyway" disabled={disabled} onClick={confirm}>
          {t.createAnyway}
        </button>
        <button type="button" className="app-button app-button-secondary" disabled={disabled} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}
