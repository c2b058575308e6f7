// Browser-safe and DOM-free.
import type { AdminUser, PublishedVersionList, RoleGrant } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';

/** The unit code of a national administrator's grant (api/admin/assert-national-admin.ts): above every province. */
const NATIONAL_SCOPE = 'VN';

type Published = PublishedVersionList['items'][number];

/**
 * Whether the signed-in administrator may name definitions in a plan: an `admin` grant at `VN` (the API's rule; a
 * province's administrator is refused with 422 at `/definitionsEnd/0/processKey`).
 */
export const isNationalAdmin = (grants: readonly RoleGrant[]): boolean =>
  grants.some((g) => g.role === 'admin' && g.unitCode === NATIONAL_SCOPE);

/** The day before `day` (YYYY-MM-DD): a definition's default last day for a reform starting on `day`. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A grant a plan may end, with what the page shows of it. */
export interface PlanGrant {
  /** `username|role|unitCode`: the row's identity. */
  key: string;
  username: string;
  displayName: string;
  role: string;
  unitCode: string;
}

/**
 * The grants of `users` at the units `unitCodes` (the units a plan retires): what a plan ends when it does not list
 * its grants (the API's default, `grantsEnd` absent), in the order of the users, then of their grants.
 */
export function grantsAtUnits(users: readonly AdminUser[], unitCodes: ReadonlySet<string>): PlanGrant[] {
  return users.flatMap((u) =>
    u.grants
      .filter((g) => unitCodes.has(g.unitCode))
      .map((g) => ({
        key: `${u.id}|${g.role}|${g.unitCode}`,
        username: u.id,
        displayName: u.displayName,
        role: g.role,
        unitCode: g.unitCode,
      })),
  );
}

/**
 * A published process version by its title in `lang` and its version (`versionOf`), or, for a plan that ends every
 * version of a process (no version), the title of its latest published version with `allVersions`. The key only
 * when nothing published has it (never expected: the API refuses an unknown process).
 */
export function publishedLabel(
  published: readonly Published[],
  ref: { processKey: string; processVersion: number | null },
  lang: Lang,
  words: { versionOf(title: string, version: number): string; allVersions(title: string): string },
): string {
  const versions = published.filter((p) => p.key === ref.processKey);
  if (ref.processVersion === null) {
    const latest = versions.reduce<Published | undefined>((a, p) => (!a || p.version > a.version ? p : a), undefined);
    return words.allVersions(latest ? latest.title[lang] : ref.processKey);
  }
  const found = versions.find((p) => p.version === ref.processVersion);
  return words.versionOf(found ? found.title[lang] : ref.processKey, ref.processVersion);
}
