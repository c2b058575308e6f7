import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FailureType } from '../../domain/process/failure-types';
import { factsOf } from '../../domain/process/facts-of';
import { findStep } from '../../domain/process/find-step';
import type { Action, ProcessDefinition, StepDefinition, Transition } from '../../domain/process/process-definition';
import { roleName } from '../../domain/roles';
import { grantToAct, signedAlready, whoMayAct } from '../../domain/process/who-may-act';
import type { RoleGrant } from '../../storage/user-schema';
import { ConflictError, ForbiddenError } from '../errors';
import type { DecidingState } from './deciding-state';
import { dossierClosedError } from './dossier-closed-error';

/** The names of units by code (the dossier's chain), for messages that name a unit. */
export type UnitNames = ReadonlyMap<string, { name: string; nameEn?: string | null }>;

/**
 * The API's check of a decision before it stores anything, on a state from the read model or from Temporal: the
 * dossier is open (409), its step offers the action (409), and the caller holds the acting role in the acting unit
 * (403). The same rule as the workflow's (whoMayAct): the transition is the first whose `when` holds for the
 * dossier's facts merged with those the submitted data brings. A definition with no matching transition is a
 * definition bug (500). `unitNames` names the units of the dossier's chain in a refusal (by code without it).
 */
export function checkDecision(
  user: AuthenticatedUser,
  state: DecidingState,
  definition: ProcessDefinition,
  command: { action: Action; data?: Record<string, unknown> },
  unitNames: UnitNames = new Map(),
): { step: StepDefinition; transition: Transition; grant: RoleGrant } {
  if (state.currentStep === null) throw dossierClosedError(state.status);
  const current = findStep(definition, state.currentStep);
  const dataFacts = current && command.data ? factsOf(current, command.data) : {};
  const who = whoMayAct(definition, state, command.action, { ...state.facts, ...dataFacts });
  if (!who.ok) {
    if (who.type === FailureType.ActionNotAllowed) {
      const allowed = current ? [...new Set(current.transitions.map((t) => t.action))].join(', ') : '';
      throw new ConflictError(
        {
          vi: `Thao tác '${command.action}' không được phép ở bước '${state.currentStep}' (được phép: ${allowed})`,
          en: who.message,
        },
        { code: 'action_not_allowed' },
      );
    }
    throw new Error(`definition ${definition.key}@${definition.version}: ${who.message}`);
  }
  const { step, transition } = who.rule;
  const grant = grantToAct(who.rule, user.grants);
  if (!grant) {
    const signed = signedAlready(who.rule, state, user.grants);
    if (signed) {
      throw new ConflictError(
        {
          vi: `Bạn đã ký xác nhận bước '${step.id}' với tư cách ${signed.signer.title.vi} rồi; mỗi bên chỉ ký một lần`,
          en: `you have already signed step '${step.id}' as ${signed.signer.title.en}; each signer signs once`,
        },
        { code: 'already_signed' },
      );
    }
    if (who.rule.signers) {
      const roles = (lang: 'vi' | 'en') => who.rule.signers!.map((s) => roleName(s.role, lang)).join(', ');
      throw new ForbiddenError({
        vi: `Bước “${step.title.vi}” chỉ do các bên ký xác nhận (${roles('vi')}) của hồ sơ xử lý`,
        en: `the step “${step.title.en}” is for its signers (${roles('en')})`,
      });
    }
    // The unit by its name (Quận Hà Đông), as officers know it; by its code only if the unit is gone.
    const code = who.rule.unitCode ?? '?';
    const unit = unitNames.get(code);
    throw new ForbiddenError({
      vi: `Bước “${step.title.vi}” chỉ do ${roleName(who.rule.role, 'vi')} của ${unit?.name ?? `đơn vị ${code}`} xử lý`,
      en: `the step “${step.title.en}” is for the ${roleName(who.rule.role, 'en')} of ${unit?.nameEn ?? unit?.name ?? `unit ${code}`}`,
    });
  }
  return { step, transition, grant };
}
