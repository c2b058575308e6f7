import { findOverlaps } from '../../domain/overlap/find-overlaps';
import type { IdentityKey, OverlapCandidate, OverlapMatch } from '../../domain/overlap/overlap-candidate';
import type { OverlapRule } from '../../domain/overlap/overlap-rule';
import type { OverlapOverride } from '../../domain/process/dossier-state';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { collectCitizenIds } from '../../forms/collect-citizen-ids';
import type { FormDefinition } from '../../forms/form-definition';
import type { Models } from '../../storage/create-models';
import { insertManyIgnoringDuplicates } from '../../storage/insert-many-ignoring-duplicates';
import type { OverlapKeyDoc } from '../../storage/overlap-key-schema';
import type { OverlapItem } from '../../api-contract';
import { createCitizenIdHasher } from './citizen-id-hasher';
import type { OverlapRulesStore } from './overlap-rules-store';

/** What the index keeps of a dossier besides its keys. */
export type IndexedDossier = Omit<OverlapKeyDoc, '_id' | 'subject' | 'keyHash'>;

/** A match, with what presenting it needs (the other dossier's units) and the candidate's keys it shares. */
export interface FoundOverlap extends OverlapMatch {
  unit: string;
  units: string[];
  /** The keyed hashes of the candidate's ids (of the rule's subject) that the other dossier names too. */
  sharedKeys: string[];
}

/** An identity key of a submission and the JSON pointers in its data where the id was given. */
export interface LocatedIdentityKey extends IdentityKey {
  paths: string[];
}

export interface OverlapChecker {
  /** The keyed hashes of the citizen ids the submission names (see collectCitizenIds). */
  keysOf(form: FormDefinition, data: unknown): LocatedIdentityKey[];
  /** The indexed dossiers a new one (not yet numbered) would overlap; `except` is left out (a retry's own dossier). */
  check(
    candidate: Omit<OverlapCandidate, 'dossierId' | 'closedAt' | 'outcome'>,
    except?: string,
  ): Promise<FoundOverlap[]>;
  /** Adds a created dossier's keys to the index (insert-if-absent: a retry adds only what is missing). */
  record(dossier: Omit<IndexedDossier, 'closedAt' | 'outcome'>, keys: IdentityKey[]): Promise<void>;
  /** A dossier's overlaps now, earlier and later ones alike (the read-time flag). */
  flagOf(dossierId: string): Promise<FoundOverlap[]>;
  /** The items an answer shows: unit names, and the dossier code only where `viewerUnits` may read it. */
  present(found: FoundOverlap[], viewerUnits: readonly string[]): Promise<OverlapItem[]>;
  /** What the creation's history records of an override. */
  overrideOf(reason: string, found: FoundOverlap[]): OverlapOverride;
}

/**
 * The overlap check over the `overlap_keys` index (docs/overlap-checks.md). Citizen ids are hashed with HMAC-SHA-256
 * under the installation's key before they are stored or looked up; the ids themselves are never stored, logged or
 * answered. Rules are read on every check, so an administrator's change applies to the next creation.
 */
export function createOverlapChecker(deps: { models: Models; key: Buffer; rules: OverlapRulesStore }): OverlapChecker {
  const { models } = deps;
  const hash = createCitizenIdHasher(deps.key);

  const candidatesFrom = (
    entries: OverlapKeyDoc[],
  ): Map<string, OverlapCandidate & { unit: string; units: string[] }> => {
    const byDossier = new Map<string, OverlapCandidate & { unit: string; units: string[] }>();
    for (const e of entries) {
      let c = byDossier.get(e.dossierId);
      if (!c) {
        c = {
          dossierId: e.dossierId,
          programme: e.programme,
          supportType: e.supportType,
          openedAt: e.openedAt.toISOString(),
          closedAt: e.closedAt ? e.closedAt.toISOString() : null,
          outcome: e.outcome,
          keys: [],
          unit: e.unit,
          units: e.units,
        };
        byDossier.set(e.dossierId, c);
      }
      c.keys.push({ subject: e.subject, key: e.keyHash });
    }
    return byDossier;
  };

  async function overlapsOf(
    candidate: OverlapCandidate,
    rules: OverlapRule[],
    except?: string,
  ): Promise<FoundOverlap[]> {
    if (candidate.keys.length === 0 || rules.length === 0) return [];
    const entries = await models.OverlapKey.find({
      keyHash: { $in: [...new Set(candidate.keys.map((k) => k.key))] },
      dossierId: { $nin: [candidate.dossierId, ...(except ? [except] : [])] },
    }).lean();
    const others = candidatesFrom(entries);
    return findOverlaps(candidate, [...others.values()], rules).map((m) => {
      const other = others.get(m.dossierId)!;
      const sharedKeys = candidate.keys
        .filter((k) => k.subject === m.subject && other.keys.some((o) => o.subject === k.subject && o.key === k.key))
        .map((k) => k.key);
      return { ...m, unit: other.unit, units: other.units, sharedKeys };
    });
  }

  return {
    keysOf(form, data) {
      return collectCitizenIds(form, data).map((found) => ({
        subject: found.subject,
        key: hash(found.value),
        paths: found.paths,
      }));
    },

    async check(candidate, except) {
      const { rules } = await deps.rules.load();
      return overlapsOf({ ...candidate, dossierId: '', closedAt: null, outcome: null }, rules, except);
    },

    async record(dossier, keys) {
      await insertManyIgnoringDuplicates(
        models.OverlapKey.collection,
        keys.map((k) => ({
          _id: `${dossier.dossierId}|${k.subject}|${k.key}`,
          subject: k.subject,
          keyHash: k.key,
          ...dossier,
          closedAt: null,
          outcome: null,
        })),
      );
    },

    async flagOf(dossierId) {
      const own = await models.OverlapKey.find({ dossierId }).lean();
      const candidate = candidatesFrom(own).get(dossierId);
      if (!candidate) return [];
      const { rules } = await deps.rules.load();
      return overlapsOf(candidate, rules);
    },

    async present(found, viewerUnits) {
      if (found.length === 0) return [];
      const { rules } = await deps.rules.load();
      const units = await models.Unit.find(
        { _id: { $in: [...new Set(found.map((f) => f.unit))] } },
        { name: 1 },
      ).lean();
      const names = new Map(units.map((u) => [u._id, u.name]));
      return found.map((f) => {
        const rule = rules.find((r) => r.id === f.ruleId);
        return {
          ruleId: f.ruleId,
          ruleTitle: rule?.title ?? { vi: f.ruleId, en: f.ruleId },
          subject: f.subject,
          programme: f.programme,
          supportType: f.supportType,
          year: Number(vietnamDate(f.openedAt).slice(0, 4)),
          unitName: names.get(f.unit) ?? f.unit,
          ...(f.units.some((u) => viewerUnits.includes(u)) ? { dossierId: f.dossierId } : {}),
        };
      });
    },

    overrideOf(reason, found) {
      return {
        reason,
        overlaps: found.map((f) => ({
          ruleId: f.ruleId,
          programme: f.programme,
          supportType: f.supportType,
          year: Number(vietnamDate(f.openedAt).slice(0, 4)),
          unit: f.unit,
          dossierId: f.dossierId,
        })),
      };
    },
  };
}
