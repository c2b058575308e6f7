import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowIdOf } from '../../../api/dossiers/workflow-id-of';
import { DEMO_ACCOUNTS } from '../../demo-accounts';
import { repoRoot } from '../../servers';
import type { HttpApi } from './http-api';
import type { Dossier } from './phase-result';

/**
 * The process the engine's clients drive, at the version whose forms `forms/examples/` holds at @1 (later versions
 * ask for other forms, e.g. the decision's funding split by fund).
 */
export const PROCESS_KEY = 'housing-support-2024';
export const PROCESS_VERSION = 1;

const example = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(join(repoRoot, 'forms/examples', `${name}.json`), 'utf8'));

function accountOf(role: string, unitCode: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.unitCode === unitCode);
  if (!account) throw new Error(`no demo account with role ${role} in ${unitCode}`);
  return account.username;
}

/** The seed-era chain's people: the communes under Hà Đông, and the district, city and district-fund officers. */
const COMMUNES = DEMO_ACCOUNTS.filter((a) => a.role === 'commune_officer' && a.unitCode.startsWith('HN-HD-'));
const DISTRICT = accountOf('district_officer', 'HN-HD');
const PROVINCE = accountOf('province_officer', 'HN');
const TREASURY = accountOf('treasurer', 'HN-HD');

/** Every user an engine dossier acts as, to sign in before the phases. */
export const ENGINE_USERNAMES = [...COMMUNES.map((c) => c.username), DISTRICT, PROVINCE, TREASURY];

/** The five human actions of one dossier on the engine, as HTTP requests; each is checked, none is retried. */
export function engineDossier(api: HttpApi, client: number): Dossier {
  const commune = COMMUNES[client % COMMUNES.length]!;
  const proposal = example('housing-proposal@1');
  proposal.household.address.unitCode = commune.unitCode;
  // A household of its own per dossier: the overlap rules refuse a second housing dossier for one household.
  proposal.household.citizenId = `09${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
  let id = '';
  const expect = (what: string, res: { status: number; body: any }, status: number) => {
    if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  };
  const decide = (as: string, body: unknown) => async () =>
    expect(
      `${body && (body as { action: string }).action} by ${as}`,
      await api.post(`/api/dossiers/${id}/actions`, as, body),
      200,
    );
  const actions: Dossier['actions'] = [
    {
      kind: 'create',
      run: async () => {
        const res = await api.post('/api/dossiers', commune.username, {
          processKey: PROCESS_KEY,
          processVersion: PROCESS_VERSION,
          data: proposal,
        });
        expect(`create by ${commune.username}`, res, 201);
        id = res.body.id;
      },
    },
    { kind: 'submit', run: decide(commune.username, { action: 'submit' }) },
    {
      kind: 'decision',
      run: decide(DISTRICT, { action: 'approve', data: example('housing-review@1'), comment: 'Đủ điều kiện' }),
    },
    { kind: 'decision', run: decide(PROVINCE, { action: 'approve', data: example('housing-decision@1') }) },
    {
      kind: 'decision',
      run: async () => {
        const res = await api.post(`/api/dossiers/${id}/actions`, TREASURY, {
          action: 'approve',
          data: example('housing-disbursement@1'),
        });
        expect(`approve by ${TREASURY}`, res, 200);
        if (res.body.status !== 'completed')
          throw new Error(`dossier ${id} not completed after disbursement: ${JSON.stringify(res.body)}`);
      },
    },
  ];
  return { workflowId: () => workflowIdOf(id), actions };
}
