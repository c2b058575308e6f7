import type { Models } from '../../storage/create-models';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { placeOf } from './place-of';

/** The issuing body, the body above it, and the place a document of a unit is dated at. */
export interface DocumentHeading {
  body: string;
  superior?: string;
  place: string;
}

/**
 * The heading of a document a unit's People's Committee issues (Decree 30/2020/NĐ-CP): "UBND <unit>" as the
 * issuing body, "UBND <the unit directly above>" over it (a ward's slip names its district while there is one, the
 * province after the 2025 reform), dated at the unit's own place name.
 */
export async function documentHeadingOf(models: Models, unitCode: string): Promise<DocumentHeading> {
  const { units } = await resolveUnitChain(models, unitCode);
  const [unit, above] = units;
  const name = unit?.name ?? unitCode;
  return {
    body: `UBND ${name}`,
    ...(above ? { superior: `UBND ${above.name}` } : {}),
    place: placeOf(name),
  };
}
