/** The Temporal workflow id of a dossier. The dossier id is a code (unit, year, number): no personal data. */
export const workflowIdOf = (dossierId: string): string => `dossier:${dossierId}`;
