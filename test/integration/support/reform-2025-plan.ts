/**
 * The 1 July 2025 reform as a transition plan's body (without its name): Hà Đông's pre-2025 housing dossiers
 * (housing-support-2024@3) move to housing-support-2025@2, the district's review to the city's approval. Used by the
 * transition plan tests and `npm run bench:transition`.
 */
export const REFORM_2025_PLAN = {
  legalBasis: 'Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025',
  reformDate: '2025-07-01',
  definitionMapping: [
    ['proposal', 'proposal'],
    ['district-review', 'province-approval'],
    ['province-approval', 'province-approval'],
  ].map(([from, to]) => ({
    from: { processKey: 'housing-support-2024', processVersion: 3, step: from! },
    to: { processKey: 'housing-support-2025', processVersion: 2, step: to! },
  })),
};
