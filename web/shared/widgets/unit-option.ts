// Browser-safe and DOM-free.

/** An administrative unit as `GET /api/units` and `GET /api/embed/:token/units` list it. */
export interface UnitOption {
  code: string;
  name: string;
  nameEn?: string;
  level: 'province' | 'district' | 'commune';
  parent: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  successor: string | null;
}
