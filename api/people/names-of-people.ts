import type { Models } from '../../storage/create-models';
import { SYSTEM_USER } from '../../domain/sla/sla-clock';

/** The prefix of the actor id of a dossier sent through an embedded form (`embed:<token id>`). */
const EMBED = 'embed:';

/**
 * What documents and timelines call the people who acted: a user's full name, and for a dossier that came through
 * a portal's embedded form the token's label with "(nộp trực tuyến)". An id no longer known (a deleted user)
 * keeps the id; the workflow's own timers act as "Hệ thống". One query per collection, whatever the number of ids.
 */
export async function namesOfPeople(models: Models, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const embedIds = unique.filter((id) => id.startsWith(EMBED)).map((id) => id.slice(EMBED.length));
  const userIds = unique.filter((id) => !id.startsWith(EMBED) && id !== SYSTEM_USER);
  const [users, tokens] = await Promise.all([
    userIds.length ? models.User.find({ _id: { $in: userIds } }, { displayName: 1 }).lean() : [],
    embedIds.length ? models.EmbedToken.find({ _id: { $in: embedIds } }, { label: 1 }).lean() : [],
  ]);
  const names = new Map<string, string>(unique.map((id) => [id, id === SYSTEM_USER ? 'Hệ thống' : id]));
  for (const user of users) if (user.displayName) names.set(user._id, user.displayName);
  for (const token of tokens) names.set(`${EMBED}${token._id}`, `${token.label} (nộp trực tuyến)`);
  return names;
}
