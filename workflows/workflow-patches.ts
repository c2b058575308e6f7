/**
 * Marks runs that keep the SLA clock (overall due time, reminder and escalation timers, stopped clock during
 * supplement, extension, recompute). A run whose history started before it replays without it, command for
 * command, and picks the clock up on its next continue-as-new.
 */
export const SLA_PATCH = 'sla-clock-v1';

/** Marks runs whose activities are local activities (see localActivities); older runs keep remote ones. */
export const LOCAL_ACTIVITIES_PATCH = 'local-activities-v1';

/**
 * Marks runs that flag a dossier for an operator when an activity keeps failing (createAttention): work that
 * failed for good is retried later instead of failing the run, and a notification that cannot be stored is
 * skipped. They also project the read model in a scheduled activity (attendedProjection), never inside the
 * workflow task of an update not yet durable. Older runs replay as they were recorded.
 */
export const ATTENTION_PATCH = 'attention-v1';

/**
 * Marks runs that place a step's reminder in working time: `reminderShare` of the office time between the clock's
 * start and the due time, computed on the calendar by an activity (computeReminderAt), for steps counted in working
 * days or hours. Older runs replay with the clock-time share they recorded.
 */
export const WORKING_REMINDER_PATCH = 'working-time-reminder-v1';

/**
 * Marks the first transfer of a run (the `transfer` update of a transition plan): runs recorded before it never
 * received one, so it guards nothing they did; it is checked where a transfer is applied so that a history holding
 * one replays only on code that knows transfers.
 */
export const TRANSFER_PATCH = 'transition-transfer-v1';

/** Every patch the workflow branches on: the replay test requires a recorded history with each one active. */
export const WORKFLOW_PATCHES = [
  SLA_PATCH,
  LOCAL_ACTIVITIES_PATCH,
  ATTENTION_PATCH,
  WORKING_REMINDER_PATCH,
  TRANSFER_PATCH,
] as const;
