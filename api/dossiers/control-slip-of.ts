import type { DecisionRecord, DossierState, HandoffTimeliness } from '../../workflows/messages';
import type { LocalizedText, ProcessDefinition } from '../../domain/process/process-definition';
import { findStep } from '../../domain/process/find-step';
import { decisionLabelOf } from '../../domain/process/decision-label-of';
import { handoffTimeliness } from '../../domain/sla/sla-clock';
import { recordDefinitionLookup } from '../../domain/process/recorded-definitions';
import type { ControlSlipRow } from '../../api-contract';

const HANDOFFS = new Set<DecisionRecord['action']>([
  'create',
  'submit',
  'approve',
  'return',
  'reject',
  'withdraw',
  'transfer',
]);

const TIMELINESS_TEXT: Record<HandoffTimeliness, LocalizedText> = {
  early: { vi: 'trước hạn', en: 'early' },
  on_time: { vi: 'đúng hạn', en: 'on time' },
  late: { vi: 'quá hạn', en: 'late' },
};

/**
 * The processing-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ): one row per hand-off, from the
 * workflow's history. Rows recorded before hand-offs carried their recipient and timeliness get them derived from
 * the definition and the step's stored due time, which gives the same answer. `names`: people's full names by user
 * id (namesOfPeople); an id without one is shown as it is. `earlier`: the definitions a transition plan moved the
 * dossier off (earlierDefinitionRefs), so a row decided under one is labelled in its words. The `create` row of a
 * dossier received on paper is at its receipt time, with `enteredAt` the time it was entered in the system.
 */
export function controlSlipOf(
  state: DossierState,
  definition: ProcessDefinition,
  names: ReadonlyMap<string, string> = new Map(),
  earlier: readonly ProcessDefinition[] = [],
): ControlSlipRow[] {
  const definitionOf = recordDefinitionLookup(state.history, definition, earlier);
  return state.history
    .filter((h) => HANDOFFS.has(h.action))
    .map((h) => {
      const toStep = h.toStep ? findStep(definitionOf(h.seq, 'to'), h.toStep) : undefined;
      const derivedTo = toStep ? { role: toStep.role, unitCode: state.units[toStep.level] ?? '' } : null;
      const to = h.to !== undefined ? h.to : derivedTo;
      const code = h.stepTimeliness ?? handoffTimeliness(h.at, h.stepDueAt ?? null);
      return {
        seq: h.seq,
        // A paper dossier's receipt row is at the receipt, as the slip's "Ngày, giờ tiếp nhận"; the entry beside it.
        at: h.receivedAt ?? h.at,
        ...(h.receivedAt ? { enteredAt: h.at } : {}),
        from: {
          userId: h.actor.userId,
          name: names.get(h.actor.userId) ?? h.actor.userId,
          role: h.actor.role,
          unitCode: h.actor.unitCode,
          step: h.fromStep,
        },
        to: to ? { ...to, step: h.toStep } : null,
        action: h.action,
        result: decisionLabelOf(definitionOf(h.seq, 'from'), h),
        note: h.comment ?? null,
        stepDueAt: h.stepDueAt ?? null,
        timeliness: { code, text: TIMELINESS_TEXT[code] },
      };
    });
}
