/** `2026-01-05` → `05/01/2026`: a calendar date as Vietnamese documents and messages write it (dd/mm/yyyy). */
export const civilDate = (date: string): string => date.split('-').reverse().join('/');
