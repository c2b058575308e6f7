/**
 * The condition "open and under one of `units`" on the read model's open-unit fields (see openUnitsOf): an index
 * lookup per field, where `unitChain: {$in: units}` plus "has a current step" would read the finished history too.
 */
export function openUnderFilter(units: string[]): Record<string, unknown> {
  return { $or: [{ openProvince: { $in: units } }, { openDistrict: { $in: units } }, { openCommune: { $in: units } }] };
}
