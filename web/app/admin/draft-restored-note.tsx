import type { AdminText } from './admin-text';

/** The discreet note at the top of an administration form that opened with a draft, with a button to discard it. */
export function DraftRestoredNote({ restored, onDiscard, t }: { restored: boolean; onDiscard(): void; t: AdminText }) {
  if (!restored) return null;
  return (
    <p className="app-draft-note" role="status">
      {t.draftRestored}{' '}
      <button type="button" className="app-link-button" onClick={onDiscard}>
        {t.discardDraft}
      </button>
    </p>
  );
}
