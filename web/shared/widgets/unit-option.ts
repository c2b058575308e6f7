// Browser-safe and DOM-free.
import type { UnitItem } from '../../../api-contract';

/** An administrative unit as `GET /api/units` and `GET /api/embed/:token/units` list it (see api-contract/). */
export type UnitOption = UnitItem;
