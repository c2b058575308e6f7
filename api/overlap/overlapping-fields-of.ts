import type { OverlapItem } from '../../api-contract';
import type { FoundOverlap, LocatedIdentityKey } from './create-overlap-checker';
import type { OverlappingField } from './overlap-found-error';

/**
 * Where a submission overlaps: each path at which one of its ids (`keys`) was given that an overlap found shares,
 * with the titles of the rules met there (`items` are `found` as presented, in the same order).
 */
export function overlappingFieldsOf(
  keys: readonly LocatedIdentityKey[],
  found: readonly FoundOverlap[],
  items: readonly OverlapItem[],
): OverlappingField[] {
  return keys.flatMap((k) => {
    const ruleTitles = items.filter((_item, i) => found[i]!.sharedKeys.includes(k.key)).map((i) => i.ruleTitle);
    return ruleTitles.length === 0 ? [] : k.paths.map((path) => ({ path, ruleTitles }));
  });
}
