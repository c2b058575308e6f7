/** `$inc` in memory: adds `n` at a dotted path of `target`, creating the objects on the way. */
export function addAtPath(target: Record<string, unknown>, path: string, n: number): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  node[last] = ((node[last] as number | undefined) ?? 0) + n;
}
