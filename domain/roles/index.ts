export { ROLE_NAMES, roleName } from './role-names';
