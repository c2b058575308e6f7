import type { Level } from '../../domain/process/process-definition';

export interface OpenUnits {
  openProvince: string | null;
  openDistrict: string | null;
  openCommune: string | null;
}

/** The read model's open-unit fields (see DossierViewDoc.openProvince): the dossier's units while open, else null. */
export function openUnitsOf(open: boolean, units: Partial<Record<Level, string>>): OpenUnits {
  return {
    openProvince: open ? (units.province ?? null) : null,
    openDistrict: open ? (units.district ?? null) : null,
    openCommune: open ? (units.commune ?? null) : null,
  };
}
