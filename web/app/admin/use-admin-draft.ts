import { useCallback, useMemo, useRef, useState } from 'react';
import { useAppServices } from '../app-services';
import { draftFields, restoreDraftFields, type AdminFormFields } from './admin-draft-fields';
import { adminDraftStore } from './admin-draft-store';

export interface AdminDraft<T extends AdminFormFields> {
  /** The form's fields: the draft's after a reload, else as the form opened. */
  values: T;
  /** The form opened with a draft (show DraftRestoredNote until it is discarded or the form is accepted). */
  restored: boolean;
  /** The person typed: change the fields and keep the draft (or drop it, when the form is back to how it opened). */
  set(changes: Partial<T>): void;
  /** Back to how the form opens, with no draft. */
  discard(): void;
  /**
   * The server accepted the form: drop the draft and apply `changes` (the fields the form empties for the next one).
   */
  submitted(changes?: Partial<T>): void;
}

/**
 * The fields of the administration form `formName` kept as a draft per user (removed on logout with the user's
 * other drafts), so that a reload or an error loses nothing typed. Saved on every change, as the step forms'
 * drafts are: a write of a few kilobytes is cheap, and nothing is left pending when the page goes (a reload, a
 * logout). Passwords are never kept: leave them out of `initial` and hold them in their own state (draftFields
 * drops any field named like one anyway). `initial` is read when the form opens; later values are ignored.
 */
export function useAdminDraft<T extends AdminFormFields>(formName: string, initial: T): AdminDraft<T> {
  const { session } = useAppServices();
  const store = useMemo(() => adminDraftStore(session.user.id, formName), [session.user.id, formName]);
  const opening = useRef(initial).current;
  const [state, setState] = useState(() => {
    const restored = restoreDraftFields(store.load(), opening);
    return { values: restored ?? opening, restored: restored !== undefined };
  });
  const latest = useRef(state.values);

  const set = useCallback(
    (changes: Partial<T>) => {
      const values = { ...latest.current, ...changes };
      latest.current = values;
      setState((s) => ({ ...s, values }));
      const kept = draftFields(values, opening);
      if (kept) store.save(kept);
      else store.clear();
    },
    [store, opening],
  );
  const submitted = useCallback(
    (changes: Partial<T> = {}) => {
      store.clear();
      latest.current = { ...latest.current, ...changes };
      setState({ values: latest.current, restored: false });
    },
    [store],
  );
  const discard = useCallback(() => {
    store.clear();
    latest.current = opening;
    setState({ values: opening, restored: false });
  }, [store, opening]);

  return { values: state.values, restored: state.restored, set, discard, submitted };
}
