import { createLedger } from '../../../api/funds/create-ledger';
import type { Models } from '../../../storage/create-models';
import type { apiClient } from '../../lib/api-client';
import { describeRefusal, driveDossier } from '../demo-driver/drive-dossier';
import { insertIfAbsent } from '../demo-driver/insert-if-absent';
import { ensureDemoFund } from '../ensure-demo-fund';
import { haDongHouseholds } from './ha-dong-households';
import { haDongProposal } from './ha-dong-proposal';
import { haDongRoute, wardOfficer } from './ha-dong-route';
import { HA_DONG_PLAN } from './ha-dong-plan';
import { HA_DONG_SOURCES } from './ha-dong-sources';
import { haDongSupports, type PlannedSupport } from './ha-dong-supports';

export interface HaDongLoadReport {
  /** Supports of the plan with a process to run them. */
  supports: number;
  created: number;
  decisions: number;
  /** Supports already loaded by an earlier start. */
  skipped: number;
  /** Supports whose programme has no shipped process yet (listed by programme). */
  withoutProcess: Record<string, number>;
  /** The plan with its targets: created now, there already, or not loaded (no plans API). */
  plan: 'created' | 'exists' | 'unavailable';
}

/** A 1×1 PNG: the completion photo of a demo house. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2215bc00000000049454e44ae426082',
  'hex',
);
const PARALLEL = 4;
const marker = (index: number) => `demo:ha-dong-2024:${index}`;

/**
 * Where each support is left waiting, so that the demo's inboxes hold work of every kind: two new houses still
 * being built (one awaiting the city treasury's confirmation of its advance, one its ward's acceptance), every
 * education support after its first school year's payment at the ward's enrolment confirmation (due from 5
 * September), a few savings books awaiting the treasury's confirmation; the rest finished. Every support is decided
 * and committed, so the plan's money is all in the ledger.
 */
function stopAt(support: PlannedSupport, housingIndex: number, index: number): string | undefined {
  if (support.programme === 'education') return 'enrolment';
  if (support.programme === 'savings_book' && index % 26 === 0) return 'payment-confirmation';
  if (support.programme === 'housing' && support.supportType === 'new_build') {
    return housingIndex === 3 ? 'completion-acceptance' : housingIndex === 4 ? 'advance-confirmation' : undefined;
  }
  return undefined;
}

/**
 * Loads the plan of seed 004 (UBND quận Hà Đông, 2024) into a running demo: its sources as funds with the money the
 * plan raises, the plan with its targets (HA_DONG_PLAN), then every support as a dossier created by the ward and
 * decided through the API by the demo's officers, as they would (scripts/seed/ha-dong-2024/*). Idempotent and
 * resumable: each support's dossier id is kept in `settings` (`demo:ha-dong-2024:<n>`, inserted only if absent) and
 * marked done once driven; creation and each decision carry an Idempotency-Key. Throws on the first refused request
 * (the system is then not what the demo expects), naming the dossier and the status, never the data.
 */
export async function loadHaDongPlan(deps: {
  api: ReturnType<typeof apiClient>;
  models: Models;
  baseUrl: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<HaDongLoadReport> {
  const { api, models } = deps;
  const households = haDongHouseholds();
  const supports = haDongSupports(households);
  await ensureFunds(models, supports);

  const report: HaDongLoadReport = {
    supports: 0,
    created: 0,
    decisions: 0,
    skipped: 0,
    withoutProcess: {},
    plan: await ensurePlan(api),
  };
  const published = await publishedProcesses(api);
  const work: { index: number; support: PlannedSupport }[] = [];
  supports.forEach((support, index) => {
    const household = households.find((h) => h.code === support.household)!;
    const { processKey, processVersion } = haDongProposal(support, household);
    if (published.has(`${processKey}@${processVersion}`)) work.push({ index, support });
    else report.withoutProcess[support.programme] = (report.withoutProcess[support.programme] ?? 0) + 1;
  });
  report.supports = work.length;
  const housing: PlannedSupport[] = supports.filter((support) => support.programme === 'housing');

  let done = 0;
  const next = async (): Promise<void> => {
    for (let item = work.shift(); item; item = work.shift()) {
      const { index, support } = item;
      const household = households.find((h) => h.code === support.household)!;
      if (await models.Setting.exists({ _id: `${marker(index)}:done` })) {
        report.skipped += 1;
      } else {
        let id = (await models.Setting.findById(marker(index)).lean())?.value;
        const ward = wardOfficer(household);
        if (!id) {
          const created = await api.call('POST', '/api/dossiers', {
            as: ward,
            body: haDongProposal(support, household),
            headers: { 'idempotency-key': `${marker(index)}:create` },
          });
          if (created.status !== 201)
            throw new Error(`support ${index}: creation answered ${describeRefusal(created.status, created.body)}`);
          id = String(created.body.id);
          await insertIfAbsent(models, marker(index), id);
          report.created += 1;
        }
        const waitAt = stopAt(support, housing.indexOf(support), index);
        const photo = support.programme === 'housing' ? await upload(deps.baseUrl, await api.token(ward)) : undefined;
        const driven = await driveDossier(
          api,
          id,
          marker(index),
          haDongRoute(support, household, {
            serial: index + 1,
            ...(photo ? { photo } : {}),
            ...(waitAt ? { stopAt: waitAt } : {}),
          }),
          'admin.hanoi',
        );
        report.decisions += driven.decisions;
        await insertIfAbsent(models, `${marker(index)}:done`, id);
      }
      done += 1;
      deps.onProgress?.(done, report.supports);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
  return report;
}

/**
 * The plan's sources as funds, each receiving what the plan raises from it (once: the receipt's reference is fixed).
 */
async function ensureFunds(models: Models, supports: readonly PlannedSupport[]): Promise<void> {
  const ledger = createLedger({ models });
  for (const source of HA_DONG_SOURCES) {
    await ensureDemoFund(models, { ...source, level: source.unitCode === 'HN-HD' ? 'district' : 'commune' });
    const raised = supports
      .flatMap((support) => support.sources)
      .filter((share) => share.source === source.key)
      .reduce((sum, share) => sum + share.amount, 0);
    if (raised > 0) {
      await ledger.receive(source.fundId, { amount: raised, reference: `demo-plan-2024:${source.fundId}`, by: 'seed' });
    }
  }
}

/**
 * The plan itself (HA_DONG_PLAN), written by the district's office unless a plan of that title is there already;
 * `unavailable` when the API has no plans (404).
 */
async function ensurePlan(api: ReturnType<typeof apiClient>): Promise<HaDongLoadReport['plan']> {
  const as = 'quan.hadong';
  const existing = await api.call('GET', `/api/plans?unit=${HA_DONG_PLAN.unitCode}`, { as });
  if (existing.status === 404) return 'unavailable';
  if (existing.status !== 200)
    throw new Error(`GET /api/plans answered ${describeRefusal(existing.status, existing.body)}`);
  const items = (existing.body.items ?? []) as { title: string }[];
  if (items.some((plan) => plan.title === HA_DONG_PLAN.title)) return 'exists';
  const created = await api.call('POST', '/api/plans', { as, body: HA_DONG_PLAN });
  if (created.status !== 201)
    throw new Error(`the plan: POST answered ${describeRefusal(created.status, created.body)}`);
  return 'created';
}

/** `key@version` of every published process version. */
async function publishedProcesses(api: ReturnType<typeof apiClient>): Promise<Set<string>> {
  const res = await api.call('GET', '/api/processes', { as: 'tp.hanoi' });
  if (res.status !== 200) throw new Error(`GET /api/processes answered ${res.status}`);
  const items = res.body.items as { key: string; versions: number[] }[];
  return new Set(items.flatMap((item) => item.versions.map((version) => `${item.key}@${version}`)));
}

async function upload(baseUrl: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
    body: PHOTO,
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`photo upload answered ${res.status}`);
  return ((await res.json()) as { fileId: string }).fileId;
}
