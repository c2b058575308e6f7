import { availableLocalStorage, createDraftStore, type DraftStore } from '../../shared/draft/create-draft-store';
import { adminDraftKey } from '../draft/admin-draft-key';

/**
 * The draft of the administration form `formName` of `userId`, in localStorage (kept 30 days untouched, like the step
 * forms').
 */
export function adminDraftStore(userId: string, formName: string): DraftStore {
  return createDraftStore(adminDraftKey(userId, formName), availableLocalStorage());
}
