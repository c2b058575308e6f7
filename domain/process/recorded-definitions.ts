import type { DecisionRecord } from './dossier-state';

/** A published process definition version, as a dossier and a transfer record name it. */
export interface DefinitionRef {
  processKey: string;
  processVersion: number;
}

/** The definitions a history record's `fromStep` and `toStep` are steps of. */
export interface RecordedDefinitions {
  from: DefinitionRef;
  to: DefinitionRef;
}

/** `housing-support-2024@2`: how a definition version is keyed where several are held. */
export const definitionRefKey = (ref: DefinitionRef): string => `${ref.processKey}@${ref.processVersion}`;

/**
 * Which definition each history record was made under. A transition plan's `transfer` moves a dossier onto another
 * definition (docs/transition-plans.md): the records before it name steps of the definition it left, the transfer
 * itself leaves a step of the old one for a step of the new one, and the records after it are the new one's. So an
 * auditor reads every step by the title it had when it was decided, not by a later version's title (or its id, when
 * the later version has no such step). `current` is the dossier's definition now.
 */
export function recordedDefinitions(
  history: readonly DecisionRecord[],
  current: DefinitionRef,
): Map<number, RecordedDefinitions> {
  const bySeq = new Map<number, RecordedDefinitions>();
  let after: DefinitionRef = { processKey: current.processKey, processVersion: current.processVersion };
  for (let i = history.length - 1; i >= 0; i--) {
    const record = history[i]!;
    const moved = record.transfer;
    if (moved) {
      const from = { processKey: moved.from.processKey, processVersion: moved.from.processVersion };
      bySeq.set(record.seq, { from, to: { processKey: moved.to.processKey, processVersion: moved.to.processVersion } });
      after = from;
    } else {
      bySeq.set(record.seq, { from: after, to: after });
    }
  }
  return bySeq;
}

/** The definitions a dossier's history was made under other than its current one (the ones transfers left). */
export function earlierDefinitionRefs(history: readonly DecisionRecord[], current: DefinitionRef): DefinitionRef[] {
  const seen = new Map<string, DefinitionRef>();
  for (const record of history) {
    const from = record.transfer?.from;
    if (!from) continue;
    const ref = { processKey: from.processKey, processVersion: from.processVersion };
    if (definitionRefKey(ref) !== definitionRefKey(current)) seen.set(definitionRefKey(ref), ref);
  }
  return [...seen.values()];
}

/**
 * The definition a record's `from` or `to` step belongs to, from `current` and the `earlier` definitions loaded for
 * `earlierDefinitionRefs`; one not loaded falls back to `current` (its titles, else the step ids, are shown).
 */
export function recordDefinitionLookup<D extends { key: string; version: number }>(
  history: readonly DecisionRecord[],
  current: D,
  earlier: readonly D[],
): (seq: number, side: keyof RecordedDefinitions) => D {
  const held = new Map(
    [current, ...earlier].map((d) => [definitionRefKey({ processKey: d.key, processVersion: d.version }), d]),
  );
  const bySeq = recordedDefinitions(history, { processKey: current.key, processVersion: current.version });
  return (seq, side) => {
    const ref = bySeq.get(seq)?.[side];
    return (ref && held.get(definitionRefKey(ref))) ?? current;
  };
}
