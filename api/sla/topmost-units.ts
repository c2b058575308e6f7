import type { Models } from '../../storage/create-models';
import { resolveUnitChain } from '../units/resolve-unit-chain';

/**
 * The units of `codes` that are not below another of them: counters kept per scope unit can then be summed over
 * the result without counting a dossier twice (a user with grants in a district and in one of its communes).
 */
export async function topmostUnits(models: Models, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length < 2) return unique;
  const chains = await Promise.all(
    unique.map((code) => resolveUnitChain(models, code).then((c) => c.units.map((u) => u._id))),
  );
  return unique.filter((code, i) => !chains[i]!.slice(1).some((ancestor) => unique.includes(ancestor)));
}
