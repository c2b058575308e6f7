/** The administrator role, defined once with the workflow's rules (see workflows/admin-role.ts). */
export { ADMIN_ROLE } from '../../domain/process/admin-role';
