import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ClockAction } from '../../domain/process/dossier-state';
import { mayActOnClock } from '../../domain/process/may-act-on-clock';
import { slaSettingsOf, type ProcessDefinition } from '../../domain/process/process-definition';
import type { RoleGrant } from '../../storage/user-schema';
import { ForbiddenError } from '../errors';
import type { DecidingState } from './deciding-state';
import { dossierClosedError } from './dossier-closed-error';

/**
 * Who may take a clock action, checked by the API before it sends anything (mayActOnClock): the dossier is open
 * (409) and the caller holds a grant the rule allows (403). The workflow checks again, with the clock's own
 * conditions (not yet late, once only, a later date).
 */
export function checkClockAction(
  user: AuthenticatedUser,
  state: DecidingState,
  definition: ProcessDefinition,
  command: { action: ClockAction },
): { grant: RoleGrant } {
  if (state.currentStep === null) throw dossierClosedError(state.status);
  const grant = user.grants.find((g) => mayActOnClock(definition, state, command.action, g));
  if (!grant) {
    const { escalationRole } = slaSettingsOf(definition);
    throw new ForbiddenError(
      command.action === 'extend'
        ? {
            vi: `Chỉ đơn vị đang xử lý (${state.processingUnit ?? '?'}) mới được xin lỗi và gia hạn`,
            en: `only the processing unit (${state.processingUnit ?? '?'}) may issue an apology and extension`,
          }
        : {
            vi: `Chỉ quản trị hoặc lãnh đạo đơn vị (${escalationRole}) mới được tính lại hạn xử lý`,
            en: `only an administrator or unit head (${escalationRole}) may recompute a deadline`,
          },
    );
  }
  return { grant };
}
