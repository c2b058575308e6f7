import type { Models } from '../../storage/create-models';

/** Province → district → commune → (village): more levels than the hierarchy has, in case of a cycle. */
const MAX_DEPTH = 5;

/** The `roots` and every unit below them, whatever their dates, found by walking parent links down. */
export async function subtreeOf(models: Models, roots: readonly string[]): Promise<Set<string>> {
  const codes = new Set(roots);
  for (let frontier = [...codes], depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
    const children = await models.Unit.find({ parentCode: { $in: frontier } }, { _id: 1 }).lean();
    frontier = children.map((c) => c._id).filter((id) => !codes.has(id));
    for (const id of frontier) codes.add(id);
  }
  return codes;
}
