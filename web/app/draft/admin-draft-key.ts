// Browser-safe and DOM-free.
import { appDraftKey } from './app-draft-key';

/**
 * The localStorage key of an administration form's draft: an app draft of the pseudo-dossier `admin` (dossier ids
 * look like `HN-HD-HC-2026-00001`, new ones `new:<processKey>`, so neither can be `admin`), one per user and form.
 * Being an app draft, it is removed on logout with the user's other drafts (see clearAppDrafts).
 */
export function adminDraftKey(userId: string, formName: string): string {
  return appDraftKey(userId, 'admin', formName);
}
