// Browser-safe and DOM-free.

/** Whether the signed-in person holds the `admin` role on some unit (the header then links the admin pages). */
export function hasAdminGrant(grants: readonly { role: string }[]): boolean {
  return grants.some((g) => g.role === 'admin');
}

/** `role@UNIT` of a grant, as the admin pages show and name it. */
export function grantLabel(grant: { role: string; unitCode: string }): string {
  return `${grant.role}@${grant.unitCode}`;
}

/** The origins typed one per line (or separated by spaces or commas), trimmed, without blanks or repeats. */
export function splitOrigins(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ];
}

/** End of the chosen day (yyyy-mm-dd) in Việt Nam time, as the ISO instant an embed token expires at. */
export function expiryOfDay(day: string): string {
  return `${day}T23:59:59+07:00`;
}
