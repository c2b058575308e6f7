// Browser-safe and DOM-free.

export type DefinitionKind = 'form' | 'process';

export type ReadDefinition =
  | { ok: true; key: string; version: number; definition: Record<string, unknown> }
  | { ok: false; problem: 'bad-json'; detail: string }
  | { ok: false; problem: 'not-an-object' | 'wrong-kind' };

/**
 * A definition an administrator pasted or chose as a file, read before anything is sent: JSON, an object with a
 * string `key` and a whole `version` ≥ 1, and of the kind chosen (a form has a `schema`, a process has `steps`).
 * The registry checks everything else when it is published (422 per problem).
 */
export function readDefinitionJson(text: string, kind: DefinitionKind): ReadDefinition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'bad-json', detail: (error as Error).message };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: 'not-an-object' };
  const definition = value as Record<string, unknown>;
  const { key, version } = definition;
  if (typeof key !== 'string' || key === '' || typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, problem: 'not-an-object' };
  const marker = kind === 'form' ? 'schema' : 'steps';
  if (!(marker in definition)) return { ok: false, problem: 'wrong-kind' };
  return { ok: true, key, version, definition };
}

/** The newest of `versions` below `version` (what a new version is compared with), if any. */
export function previousVersion(versions: readonly number[], version: number): number | undefined {
  return versions.filter((v) => v < version).sort((a, b) => b - a)[0];
}
