// Browser-safe and DOM-free.

/**
 * The localStorage key of a form draft in the officer app: one per user, dossier (or `new:<processKey>` before the
 * dossier exists) and step, so two officers on one computer, two dossiers, or a dossier's later step never see each
 * other's unsent data. Parts are URI-encoded, so no part can run into the next.
 */
export function appDraftKey(userId: string, dossierId: string, stepId: string): string {
  return ['hoso-app-draft', userId, dossierId, stepId].map(encodeURIComponent).join(':');
}
