import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ROLES } from '../../../../api/admin/known-roles';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { ROLE_NAMES, roleName } from '../../../../domain/roles';
import { DEMO_ACCOUNTS } from '../../../../scripts/demo-accounts';
import { appText } from '../../../../web/app/i18n/app-text';

const definitionsDir = join(__dirname, '..', '..', '..', '..', 'domain', 'process', 'definitions');
const definitions: ProcessDefinition[] = readdirSync(definitionsDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(definitionsDir, file), 'utf8')) as ProcessDefinition);

/** Every role anyone can meet: the shipped processes' steps and signers, the system roles, the demo accounts. */
const rolesInUse = [
  ...new Set([
    ...definitions.flatMap((d) => d.steps.flatMap((s) => [s.role, ...(s.signOff?.by.map((b) => b.role) ?? [])])),
    ...SYSTEM_ROLES,
    // Actors the engine records itself: a dossier sent through a public portal, the workflow's own timers.
    'portal',
    'system',
    ...DEMO_ACCOUNTS.map((a) => a.role),
  ]),
].sort();

describe('the role glossary', () => {
  it.each(rolesInUse)('names %s in Vietnamese and in English, differently from its code', (role) => {
    const name = ROLE_NAMES[role];
    expect(name?.vi.trim()).toBeTruthy();
    expect(name?.en.trim()).toBeTruthy();
    expect(name?.vi).not.toBe(role);
    expect(name?.en).not.toBe(role);
  });

  it('gives each role one name per language (no two roles share a name)', () => {
    for (const lang of ['vi', 'en'] as const) {
      const names = Object.values(ROLE_NAMES).map((n) => n[lang]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('is what the officer app shows in either language', () => {
    for (const role of rolesInUse) {
      expect(appText('vi').roles[role]).toBe(ROLE_NAMES[role]!.vi);
      expect(appText('en').roles[role]).toBe(ROLE_NAMES[role]!.en);
    }
  });

  it('is the role the demo accounts list', () => {
    for (const account of DEMO_ACCOUNTS) expect(account.roleLabel).toBe(ROLE_NAMES[account.role]!.vi);
  });

  it('shows a role it does not know by its code rather than nothing', () => {
    expect(roleName('a_role_from_a_newer_definition', 'en')).toBe('a_role_from_a_newer_definition');
    expect(roleName('treasurer', 'en')).toBe('Fund treasurer or state treasury');
  });
});

describe('demo accounts', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a.displayName]))(
    '%s is a person: a full name, then a title at the unit, never the username or a role code',
    (username, displayName) => {
      expect(displayName).toMatch(/^\p{Lu}\p{Ll}* (\p{Lu}\p{Ll}* ){0,3}\p{Lu}\p{Ll}* — \S/u);
      expect(displayName).not.toContain(username);
      expect(displayName).not.toMatch(/[a-z]+_[a-z]+/);
    },
  );
});
