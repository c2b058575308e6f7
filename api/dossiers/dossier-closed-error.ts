import { ConflictError } from '../errors';

/** 409 for any action on a dossier that has ended (completed, rejected, withdrawn). */
export function dossierClosedError(status: string): ConflictError {
  return new ConflictError(
    { vi: `Hồ sơ đã kết thúc (${status})`, en: `dossier is closed (${status})` },
    { code: 'action_not_allowed' },
  );
}
