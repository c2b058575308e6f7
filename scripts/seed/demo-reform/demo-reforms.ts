/** A transition plan the demo carries out through the admin API once the seed era's records are loaded. */
export interface DemoReform {
  /** Who prepares and executes it: an administrator of `scope`. */
  admin: string;
  /** The unit whose open dossiers at retired units the plan concerns (by its read-model `unitChain`). */
  scope: string;
  name: string;
  legalBasis: string;
  /** The first day of the new units. */
  reformDate: string;
  /**
   * Old units whose work goes to a unit that is not their successor (the plan's `unitMapping`): an abolished district,
   * which has none, to the city that takes its remaining steps over.
   */
  unitMapping: readonly { from: string; to: string }[];
  /** Old step → the equivalent step on the post-2025 chain (the plan's `definitionMapping`). */
  definitionMapping: readonly {
    from: { processKey: string; processVersion: number; step: string };
    to: { processKey: string; processVersion: number; step: string };
  }[];
}

const step = (processKey: string, processVersion: number, id: string) => ({ processKey, processVersion, step: id });

/**
 * Hà Nội's 2025 reform as the demo carries it out for the dossiers of Quận Hà Đông left open by the seed era's plan.
 * The resolution's number and date are from public sources, not checked against the original document (like the
 * successor links of scripts/seed/demo-units.ts, a demo mapping). A dossier not yet decided at the district would go
 * to the city's equivalent step; one whose money is committed stays on its definition, finished by the successor of
 * the unit at its current step (the plan's `finishOnOld`, computed when it runs: see carryOutDemoReform).
 */
export const HA_NOI_REFORM: DemoReform = {
  admin: 'admin.hanoi',
  scope: 'HN',
  name: 'Phương án sắp xếp theo Nghị quyết số 1656/NQ-UBTVQH15: hồ sơ đang giải quyết của quận Hà Đông từ 01/07/2025',
  legalBasis:
    'Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành ' +
    'chính cấp xã của thành phố Hà Nội năm 2025, có hiệu lực từ ngày 01/07/2025',
  reformDate: '2025-07-01',
  // The later steps of the dossiers finished on their own definitions that were Quận Hà Đông's (an education
  // dossier's next yearly order, a house's next tranche) are taken over by the city.
  unitMapping: [{ from: 'HN-HD', to: 'HN' }],
  definitionMapping: [
    {
      from: step('housing-support-2024', 4, 'district-review'),
      to: step('housing-support-2025', 6, 'province-appraisal'),
    },
    {
      from: step('education-support-2024', 1, 'district-decision'),
      to: step('education-support-2025', 1, 'province-decision'),
    },
    { from: step('savings-book-2024', 1, 'district-decision'), to: step('savings-book-2025', 1, 'province-decision') },
    {
      from: step('household-goods-2024', 1, 'district-decision'),
      to: step('household-goods-2025', 1, 'province-decision'),
    },
  ],
};
