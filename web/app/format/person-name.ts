// Browser-safe and DOM-free.

/** The dossier's `people`: each person in its history with the full name the API found. */
export type People = readonly { userId: string; name: string }[];

/** A person's full name by user id, as the dossier's `people` give it; the id itself when it has none. */
export function personName(people: People, userId: string): string {
  return people.find((p) => p.userId === userId)?.name ?? userId;
}
