/** The role that administers a unit and everything below it (users, units, embed tokens, calendar). */
export const ADMIN_ROLE = 'admin';
