// Browser-safe and DOM-free.

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The receiving unit's code written into every empty `format: "unit-code"` field of the form's objects (not inside
 * arrays), e.g. the household's commune in a proposal: the unit is known (the embed token's, the officer's), so no one
 * looks its
 * code up. A value already there (typed, or restored from a draft) is kept. Returns new data; `data` is untouched.
 */
export function prefillUnitCode(schema: unknown, data: unknown, unitCode: string): unknown {
  if (!isNode(schema)) return data;
  if (schema.type === 'string' && schema.format === 'unit-code')
    return data === undefined || data === '' ? unitCode : data;
  if (!isNode(schema.properties) || (data !== undefined && !isNode(data))) return data;
  const result: Node = { ...(data ?? {}) };
  let changed = false;
  for (const [name, sub] of Object.entries(schema.properties)) {
    const next = prefillUnitCode(sub, result[name], unitCode);
    if (next !== result[name]) {
      result[name] = next;
      changed = true;
    }
  }
  return changed ? result : data;
}
