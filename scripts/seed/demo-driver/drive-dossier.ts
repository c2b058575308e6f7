import type { apiClient } from '../../lib/api-client';

/** What to do at a step: who acts, and the decision body (`action`, and `data`, `comment` as the step needs). */
export interface StepMove {
  as: string;
  body: { action: string; data?: Record<string, unknown>; comment?: string };
}

/**
 * The way through a process for one dossier: the move at `step` given the dossier's facts (a loop such as a school
 * year's payment tells its turns apart by the engine's tranche facts, `paid:<tranche>`), or `stop` to leave the
 * dossier waiting there.
 */
export type DossierRoute = (step: string, facts: Readonly<Record<string, unknown>>) => StepMove | 'stop';

export interface DrivenDossier {
  status: string;
  currentStep: string | null;
  decisions: number;
}

/** An error answer as a message without data: the code and each field's path and keyword. */
export function describeRefusal(status: number, body: unknown): string {
  const error = (body as { error?: { code?: string; fields?: { path: string; keyword: string }[] } } | undefined)
    ?.error;
  const fields = (error?.fields ?? []).map((field) => `${field.path} (${field.keyword})`).join(', ');
  return `${status} ${error?.code ?? ''}${fields ? `: ${fields}` : ''}`;
}

const OPEN = new Set(['received', 'in_progress', 'awaiting_supplement']);
/** Far more moves than any shipped process needs; a route that never stops is a bug in the route. */
const MAX_MOVES = 40;

/**
 * Takes the dossier through its process as real officers would, through the API, until the route says stop or the
 * dossier closes. Resumable: it starts from where the dossier is (read as `reader`), and each move carries an
 * Idempotency-Key made of `key` and the dossier's sequence number before the move, so a move sent again after a
 * crash is answered from its first attempt and never taken twice. Throws on any answer other than 200, with the
 * status and the error code (never the data sent, which holds personal data).
 */
export async function driveDossier(
  api: ReturnType<typeof apiClient>,
  id: string,
  key: string,
  route: DossierRoute,
  reader: string,
): Promise<DrivenDossier> {
  let decisions = 0;
  for (let moves = 0; moves < MAX_MOVES; moves += 1) {
    const res = await api.call('GET', `/api/dossiers/${id}`, { as: reader });
    if (res.status !== 200) throw new Error(`dossier ${id}: GET answered ${res.status}`);
    const { status, seq, facts } = res.body as { status: string; seq: number; facts: Record<string, unknown> };
    const currentStep = (res.body.currentStep as { id: string } | null)?.id ?? null;
    if (!OPEN.has(status) || !currentStep) return { status, currentStep, decisions };
    const move = route(currentStep, facts);
    if (move === 'stop') return { status, currentStep, decisions };
    const answer = await api.call('POST', `/api/dossiers/${id}/actions`, {
      as: move.as,
      body: move.body,
      headers: { 'idempotency-key': `${key}:${seq}` },
    });
    if (answer.status !== 200) {
      throw new Error(
        `dossier ${id} at ${currentStep}: ${move.body.action} answered ${describeRefusal(answer.status, answer.body)}`,
      );
    }
    decisions += 1;
  }
  throw new Error(`dossier ${id}: still open after ${MAX_MOVES} moves`);
}
