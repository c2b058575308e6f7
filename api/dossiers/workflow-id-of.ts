/**
 * The Temporal workflow id of a dossier (a code: unit, year, number; no personal data). `prefix` keeps systems
 * that share one Temporal namespace apart (test systems: dossier numbers restart per database, workflow ids must
 * not collide); production uses none.
 */
export const workflowIdOf = (dossierId: string, prefix = ''): string => `${prefix}dossier:${dossierId}`;
