import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Connection as DbConnection } from 'mongoose';
import { createOfficialCalendar } from '../../storage/official-calendar';
import { connectDatabase } from '../../storage/connect-database';
import { createModels, syncIndexes } from '../../storage/create-models';
import { createDossierActivities } from '../../activities/dossier-activities';
import { createWorker } from '../../activities/create-worker';
import { createFormRegistry } from '../../api/registry/create-form-registry';
import { createProcessRegistry } from '../../api/registry/create-process-registry';
import { seedDemoData } from '../../scripts/seed/seed-demo-data';
import { recordHistory } from './support/record-history';
import { startTimeSkippingEnvironment } from './support/use-time-skipping-system';
import {
  decide,
  getState,
  type ActorRef,
  type DecideInput,
  type DecideResult,
  type DossierState,
  type DossierWorkflowInput,
} from '../../workflows/messages';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import {
  DOSSIER_DUE_AT,
  DOSSIER_LEVEL,
  DOSSIER_PROCESS,
  DOSSIER_STATUS,
  DOSSIER_STEP,
  DOSSIER_UNIT,
} from '../../workflows/search-attributes';

/**
 * The workflow on its own: a dev server started by TestWorkflowEnvironment from the harness's temporal binary, with
 * continue-as-new suggested after a few events so that a long dossier is seen to carry its state across runs; and
 * its timers on Temporal's time-skipping test server, where a ten-working-day step costs no real time.
 * With HOSO_RECORD_HISTORIES=1 (`npm run replay:record`) it also writes the histories the replay test replays.
 */
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let db: DbConnection;
let definitions: Record<string, ProcessDefinition>;
let activities: ReturnType<typeof createDossierActivities>;
const taskQueue = `wf-${randomUUID()}`;
const actors: Record<string, ActorRef> = {
  commune: { userId: 'xa.hacau', role: 'commune_officer', unitCode: 'HN-HD-HC' },
  district: { userId: 'quan.hadong', role: 'district_officer', unitCode: 'HN-HD' },
  province: { userId: 'tp.hanoi', role: 'province_officer', unitCode: 'HN' },
  districtFund: { userId: 'quy.hadong', role: 'treasurer', unitCode: 'HN-HD' },
  commune2025: { userId: 'xa2025.hadong', role: 'commune_officer', unitCode: 'HN-HADONG' },
};
const seedEraUnits = { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' };

beforeAll(async () => {
  const bin = process.env.HOSO_TEMPORAL_BIN;
  if (!bin) throw new Error('HOSO_TEMPORAL_BIN is not set: run through the integration project');
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: bin },
      searchAttributes: [DOSSIER_STATUS, DOSSIER_STEP, DOSSIER_LEVEL, DOSSIER_UNIT, DOSSIER_PROCESS, DOSSIER_DUE_AT],
      extraArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'],
    },
  });
  db = await connectDatabase(
    `${String(process.env.HOSO_TEST_MONGODB_URI).replace(/\/$/, '')}/hoso_wf_${randomUUID().slice(0, 8)}`,
  );
  const models = createModels(db);
  await syncIndexes(models);
  const forms = createFormRegistry({ models });
  const processes = createProcessRegistry({ models, publishedForms: () => forms.publishedRefs() });
  await seedDemoData({ models, forms, processes });
  definitions = {
    seedEra: await processes.get('housing-support-2024', 2),
    postReform: await processes.get('housing-support-2025', 2),
    seedEraV1: await processes.get('housing-support-2024', 1),
  };
  activities = createDossierActivities({ models, calendar: createOfficialCalendar({ models }) });
  worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    activities,
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await db?.dropDatabase();
  await db?.close();
  await env?.teardown();
});

async function start(
  name: string,
  definition: ProcessDefinition,
  units: DossierWorkflowInput['units'],
  createdBy: ActorRef,
  on: { client: TestWorkflowEnvironment['client']; taskQueue: string } = { client: env.client, taskQueue },
) {
  const dossierId = `TEST-${name}-${randomUUID().slice(0, 6)}`;
  const input: DossierWorkflowInput = {
    dossierId,
    definition,
    receivingUnit: createdBy.unitCode,
    units,
    createdBy,
    initialSubmission: { id: randomUUID(), form: 'housing-proposal@1' },
    initialFacts: { supportType: 'new_build', requestedAmount: 100_000_000 },
  };
  return on.client.workflow.start('dossierWorkflow', {
    workflowId: `dossier:${dossierId}`,
    taskQueue: on.taskQueue,
    args: [input],
  });
}

const sub = (form: string) => ({ id: randomUUID(), form });
const run = async (handle: Awaited<ReturnType<typeof start>>, input: DecideInput) =>
  handle.executeUpdate(decide, { args: [input] });

const record = (name: string, workflowId: string, client = env.client) => recordHistory(client, name, workflowId);

/** gRPC's status code for an update the server does not know (yet). */
const GRPC_NOT_FOUND = 5;

/** Resolves once Temporal has admitted update `updateId` of `workflowId` (not arrived yet: asked again). */
async function admitted(workflowId: string, updateId: string): Promise<void> {
  for (;;) {
    try {
      const polled = await env.client.workflowService.pollWorkflowExecutionUpdate({
        namespace: env.namespace ?? 'default',
        updateRef: { workflowExecution: { workflowId }, updateId },
        identity: 'dossier-workflow.test',
        waitPolicy: {
          lifecycleStage:
            temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage
              .UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED,
        },
      });
      if (polled.stage) return;
    } catch (error) {
      if ((error as { code?: number }).code !== GRPC_NOT_FOUND) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the dossier workflow', () => {
  it('takes over a state carried from a run without the SLA clock, on a definition without a total limit', async () => {
    // What a pre-SLA run carries into continue-as-new: no clock, a definition (version 1) without SLA fields.
    const openedAt = new Date(Date.now() - 3600_000).toISOString();
    const stepStartedAt = new Date(Date.now() - 1800_000).toISOString();
    const dueAt = new Date(Date.now() + 5 * 86400_000).toISOString();
    const dossierId = `TEST-carried-${randomUUID().slice(0, 6)}`;
    const carriedState: DossierState = {
      dossierId,
      processKey: 'housing-support-2024',
      processVersion: 1,
      status: 'in_progress',
      outcome: null,
      currentStep: 'district-review',
      currentLevel: 'district',
      currentRole: 'district_officer',
      processingUnit: 'HN-HD',
      receivingUnit: 'HN-HD-HC',
      units: seedEraUnits,
      stepStartedAt,
      dueAt,
      returnedFrom: null,
      facts: { supportType: 'repair' },
      submissions: {},
      history: [
        { seq: 1, action: 'create', fromStep: null, toStep: 'proposal', actor: actors.commune!, at: openedAt },
        {
          seq: 2,
          action: 'submit',
          fromStep: 'proposal',
          toStep: 'district-review',
          actor: actors.commune!,
          at: stepStartedAt,
          stepDueAt: dueAt,
          onTime: true,
        },
      ],
      seq: 2,
      openedAt,
      closedAt: null,
    };
    const handle = await env.client.workflow.start('dossierWorkflow', {
      workflowId: `dossier:${dossierId}`,
      taskQueue,
      args: [
        {
          dossierId,
          definition: definitions.seedEraV1!,
          receivingUnit: 'HN-HD-HC',
          units: seedEraUnits,
          createdBy: actors.commune!,
          carriedState,
        },
      ],
    });
    const state = await handle.query(getState);
    expect(state.clock).toMatchObject({ overallDueAt: null, supplementReturns: 0, paused: null, extension: null });
    const expectedReminder =
      Date.parse(stepStartedAt) + Math.round((Date.parse(dueAt) - Date.parse(stepStartedAt)) * 0.75);
    expect(Date.parse(state.clock!.reminderAt!)).toBe(expectedReminder);
    // No overall due time: an extension has nothing to extend.
    await expect(
      run(handle, { action: 'extend', actor: actors.district!, comment: 'Xin gia hạn', newDueAt: dueAt }),
    ).rejects.toMatchObject({ cause: { type: 'ActionNotAllowed' } });
    const returned = await run(handle, { action: 'return', actor: actors.district!, comment: 'Bổ sung' });
    expect(returned).toMatchObject({ status: 'awaiting_supplement', dueAt: null });
    const resumed = await run(handle, {
      action: 'submit',
      actor: actors.commune!,
      submission: sub('housing-proposal@1'),
    });
    expect(resumed).toMatchObject({ currentStep: 'district-review' });
    expect(Date.parse(resumed.dueAt!)).toBeGreaterThan(Date.now());
    expect(
      await run(handle, { action: 'approve', actor: actors.district!, submission: sub('housing-review@1') }),
    ).toMatchObject({ currentStep: 'disbursement' });
    await handle.terminate('test done');
  });

  it('carries its whole state across continue-as-new while a dossier goes back and forth, then completes', async () => {
    // A definition that allows four returns for supplement (the one-stop default is one).
    const handle = await start(
      'loop',
      { ...definitions.seedEra!, maxSupplementReturns: 4 },
      seedEraUnits,
      actors.commune!,
    );
    const firstRun = (await handle.describe()).runId;
    await run(handle, { action: 'submit', actor: actors.commune! });
    for (let i = 0; i < 4; i++) {
      await run(handle, { action: 'return', actor: actors.district!, comment: `Bổ sung lần ${i + 1}` });
      await run(handle, { action: 'submit', actor: actors.commune!, submission: sub('housing-proposal@1') });
    }
    await expect(
      run(handle, { action: 'return', actor: actors.district!, comment: 'Bổ sung lần 5' }),
    ).rejects.toMatchObject({ cause: { type: 'LimitReached' } });
    await run(handle, {
      action: 'approve',
      actor: actors.district!,
      submission: sub('housing-review@1'),
      facts: { approvedAmount: 90_000_000 },
    });
    await run(handle, { action: 'approve', actor: actors.province!, submission: sub('housing-decision@1') });
    const last = await run(handle, {
      action: 'approve',
      actor: actors.districtFund!,
      submission: sub('housing-disbursement@1'),
    });
    expect(last).toMatchObject({ status: 'completed', outcome: 'completed' });

    const latest = env.client.workflow.getHandle(handle.workflowId);
    expect((await latest.describe()).runId).not.toBe(firstRun);
    const state = await latest.query(getState);
    expect(state.history.map((h) => h.action)).toEqual([
      'create',
      'submit',
      ...Array(4).fill(['return', 'submit']).flat(),
      'approve',
      'approve',
      'approve',
    ]);
    expect(state.seq).toBe(state.history.length);
    expect(state.facts).toMatchObject({ approvedAmount: 90_000_000, supportType: 'new_build' });
    expect(state.clock).toMatchObject({ supplementReturns: 4, paused: null, reminderAt: null });
    expect(state.clock?.overallDueAt).toEqual(expect.any(String));
    expect(await latest.result()).toMatchObject({ status: 'completed', seq: state.seq });
    await record('seed-era-returns-continue-as-new', handle.workflowId);
  });

  it('ends a post-2025 dossier rejected by the province', async () => {
    const handle = await start(
      'reject',
      definitions.postReform!,
      { commune: 'HN-HADONG', province: 'HN' },
      actors.commune2025!,
    );
    await run(handle, { action: 'submit', actor: actors.commune2025! });
    await expect(run(handle, { action: 'reject', actor: actors.province! })).rejects.toMatchObject({
      cause: { type: 'RequirementMissing' },
    });
    expect(
      await run(handle, { action: 'reject', actor: actors.province!, comment: 'Không đủ điều kiện' }),
    ).toMatchObject({ status: 'rejected' });
    expect(await handle.result()).toMatchObject({ status: 'rejected', currentStep: null });
    await record('post-reform-rejected', handle.workflowId);
  });

  it('ends a dossier withdrawn by the commune while the district reviews it', async () => {
    const handle = await start('withdraw', definitions.seedEra!, seedEraUnits, actors.commune!);
    await run(handle, { action: 'submit', actor: actors.commune! });
    await expect(run(handle, { action: 'withdraw', actor: actors.district!, comment: 'x' })).rejects.toMatchObject({
      cause: { type: 'ActorNotPermitted' },
    });
    expect(await run(handle, { action: 'withdraw', actor: actors.commune!, comment: 'Rút' })).toMatchObject({
      status: 'withdrawn',
    });
    await record('seed-era-withdrawn', handle.workflowId);
  });

  it('refuses the second of two submissions that arrived together as not allowed at the step the first moved on to', async () => {
    // Both are admitted while no worker polls the dossier's queue, so they reach the workflow in one task: both
    // validators see the proposal step and accept, and the handler of the second plans again on the state the
    // first left (district review). That refusal is the plan's own (409), not an activity's (422).
    const queue = `wf-together-${randomUUID()}`;
    const handle = await start('together', definitions.seedEra!, seedEraUnits, actors.commune!, {
      client: env.client,
      taskQueue: queue,
    });
    const decision: DecideInput = { action: 'submit', actor: actors.commune! };
    const updateIds = [randomUUID(), randomUUID()];
    // Sent, then waited for until the server has admitted each: the decisions wait for a worker from then on.
    const sent = updateIds.map((updateId) =>
      handle.startUpdate(decide, { args: [decision], updateId, waitForStage: 'ACCEPTED' }),
    );
    for (const p of sent) p.catch(() => undefined);
    for (const updateId of updateIds) await admitted(handle.workflowId, updateId);
    const together = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: queue,
      activities,
    });
    const [outcomes, state] = await together.runUntil(async () => [
      await Promise.allSettled(updateIds.map((id) => handle.getUpdateHandle<DecideResult>(id).result())),
      await handle.query(getState),
    ]);
    const applied = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(applied).toEqual([
      { status: 'fulfilled', value: expect.objectContaining({ seq: 2, currentStep: 'district-review' }) },
    ]);
    expect(refused).toEqual([
      {
        status: 'rejected',
        reason: expect.objectContaining({
          cause: expect.objectContaining({
            type: 'ActionNotAllowed',
            message: expect.stringContaining("not allowed in step 'district-review'"),
          }),
        }),
      },
    ]);
    // Both were accepted (a refusal by the validator would leave no event): the handler refused the second.
    const accepted = (await handle.fetchHistory()).events?.filter(
      (e) =>
        e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED &&
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'decide',
    );
    expect(accepted).toHaveLength(2);
    expect(state.history.map((h) => h.action)).toEqual(['create', 'submit']);
  });
});

describe('the dossier workflow on the time-skipping test server', () => {
  let skipping: TestWorkflowEnvironment;
  let skippingWorker: Worker;
  let skippingRun: Promise<void>;
  const skippingQueue = `wf-skip-${randomUUID()}`;
  beforeAll(async () => {
    skipping = await startTimeSkippingEnvironment();
    skippingWorker = await createWorker({
      connection: skipping.nativeConnection,
      namespace: skipping.namespace ?? 'default',
      taskQueue: skippingQueue,
      activities,
    });
    skippingRun = skippingWorker.run();
  });
  afterAll(async () => {
    skippingWorker?.shutdown();
    await skippingRun;
    await skipping?.teardown();
  });

  it('reminds at 75 % of a 10-working-day review and escalates at its due time on its own timers, then is withdrawn', async () => {
    const on = { client: skipping.client, taskQueue: skippingQueue };
    const handle = await start('timers', definitions.seedEra!, seedEraUnits, actors.commune!, on);
    const submitted = await run(handle, { action: 'submit', actor: actors.commune! });
    const reminderAt = (await handle.query(getState)).clock!.reminderAt!;
    // Nothing fires before the reminder time.
    await skipping.sleep(Date.parse(reminderAt) - (await skipping.currentTimeMs()) - 60_000);
    expect((await handle.query(getState)).history.map((h) => h.action)).toEqual(['create', 'submit']);
    // Past the due time: the reminder, then the escalation, each at its instant.
    await skipping.sleep(Date.parse(submitted.dueAt!) - (await skipping.currentTimeMs()) + 60_000);
    const state = await handle.query(getState);
    const fired = state.history.filter((h) => h.seq > 2);
    expect(fired.map((h) => h.action)).toEqual(['remind', 'escalate']);
    expect(Date.parse(fired[0]!.at)).toBeGreaterThanOrEqual(Date.parse(reminderAt));
    expect(Date.parse(fired[1]!.at)).toBeGreaterThanOrEqual(Date.parse(submitted.dueAt!));
    expect(await run(handle, { action: 'withdraw', actor: actors.commune!, comment: 'Rút' })).toMatchObject({
      status: 'withdrawn',
    });
    // Recorded under its own name since working-time-reminder-v1: the run reminds at the share of its office time
    // (computeReminderAt), and seed-era-timers-withdrawn (recorded before the patch) stays to replay the older runs.
    await record('seed-era-working-reminder-withdrawn', handle.workflowId, skipping.client);
  });
});
