import { normalizeSearchText } from './normalize-search-text';

/**
 * The read model's `searchText`: the dossier code and the household head's name, normalized, so the inbox finds a
 * dossier by a part of either without scanning display text.
 */
export function dossierSearchText(dossierId: string, applicant: Record<string, unknown>): string {
  const headName = typeof applicant.headName === 'string' ? applicant.headName : '';
  return normalizeSearchText(`${dossierId} ${headName}`);
}
