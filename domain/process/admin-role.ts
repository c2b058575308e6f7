/**
 * The role that administers a unit and everything below it (users, units, embed tokens, calendar) and may
 * recompute a dossier's deadline. Sandbox-safe: the workflow's clock rules use it too.
 */
export const ADMIN_ROLE = 'admin';
