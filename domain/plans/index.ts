/** Plans and targets: the types, the request schemas, the checks and a plan's progress (plans-and-reports.md). */
export * from './plan';
export * from './plan-programmes';
export * from './plan-schema';
export * from './plan-problems';
export * from './plan-progress';
export * from './units-tree';
export * from './staff-quota';
