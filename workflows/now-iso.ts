/** The workflow's current time as an ISO string (deterministic: Temporal's workflow clock). */
export const nowIso = (): string => new Date(Date.now()).toISOString();
