/** Where a citizen id is shown: a list or export of many dossiers, or one dossier's own pages. */
export type CitizenIdView = 'list' | 'detail';

/**
 * Who needs a citizen's full identity number, by role and view. In one dossier's pages, every role that decides a
 * step (the officers of each level, the unit head who approves, the fund that pays) needs it to identify the
 * household it decides for; an administrator, an embedded portal or any other role does not. In lists and exports
 * (inbox rows, search results, dashboards' lists) only the commune officer, who receives people at the desk and finds
 * their dossier by the number on their card, needs it; everyone else sees it masked and opens the dossier.
 */
const FULL_CITIZEN_ID: Readonly<Record<CitizenIdView, ReadonlySet<string>>> = {
  detail: new Set(['commune_officer', 'district_officer', 'province_officer', 'unit_head', 'treasurer']),
  list: new Set(['commune_officer']),
};

/** The one rule: whether a reader holding `roles` sees full citizen ids in `view` (any one role that needs them). */
export function needsFullCitizenId(roles: readonly string[], view: CitizenIdView): boolean {
  return roles.some((role) => FULL_CITIZEN_ID[view].has(role));
}

/** Field names that hold an identity number (CCCD, the older CMND, passport-like `idNumber`), in any data. */
const CITIZEN_ID_FIELD = /^(citizen_?id|id_?number|cccd|cmnd)$/i;

export function isCitizenIdField(name: string): boolean {
  return CITIZEN_ID_FIELD.test(name);
}

/**
 * `001085012345` → `0010******45`: the first four characters (province and century-sex code, not identifying) and
 * the last two stay, every other character becomes `*`. A value of eight characters or fewer is masked whole.
 */
export function maskCitizenId(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`;
}

/**
 * A copy of `data` (JSON: objects, arrays, scalars) with every string or number under a citizen-id field name
 * masked, at any depth; `data` itself when `full`. Never throws.
 */
export function maskCitizenIds<T>(data: T, full: boolean): T {
  if (full) return data;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        isCitizenIdField(key) && (typeof inner === 'string' || typeof inner === 'number')
          ? maskCitizenId(String(inner))
          : walk(inner),
      ]),
    );
  };
  return walk(data) as T;
}
