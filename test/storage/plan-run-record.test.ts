// The progress of a transition plan's run as the database under test keeps it (api/transition/record-plan-run.ts):
// counts written while dossiers finish, several at once, each naming its run, so that a later run is never written
// over by an earlier one's late count and a run already ended keeps its end. Only `$set` on dotted paths filtered by
// the run's id; nothing is read back and added to (FerretDB v1 loses concurrent read-modify-write updates).
import { randomUUID } from 'node:crypto';
import { recordPlanRun } from '../../api/transition/record-plan-run';
import { connectDatabase } from '../../storage/connect-database';
import { createModels } from '../../storage/create-models';

const uri = process.env.HOSO_STORAGE_URI;
const dbName = `hoso_plan_run_${process.pid}`;

describe('a plan run recorded on its plan', () => {
  let db: Awaited<ReturnType<typeof connectDatabase>>;
  let models: ReturnType<typeof createModels>;
  const planId = randomUUID();
  const runOf = async () => (await models.TransitionPlan.findById(planId).lean())?.run;
  const start = (total: number) =>
    recordPlanRun(
      models,
      { planId, reportId: randomUUID(), kind: 'execute', total, startedAt: new Date(), by: 'Quản trị' },
      () => new Date(),
    );

  beforeAll(async () => {
    db = await connectDatabase(`${uri}/${dbName}`);
    models = createModels(db);
    await models.TransitionPlan.create({
      _id: planId,
      name: 'Phương án thử',
      legalBasis: 'Nghị quyết thử',
      reformDate: '2025-07-01',
      createdBy: 'admin.hanoi',
      createdByName: 'Quản trị',
      createdAt: new Date(),
    });
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('counts the dossiers done while it runs, steps from many dossiers at once, and ends on its total', async () => {
    const run = await start(40);
    expect(await runOf()).toMatchObject({ state: 'running', done: 0, total: 40, finishedAt: null });
    for (let i = 0; i < 25; i += 1) run.progress.step();
    await run.progress.settled();
    expect(await runOf()).toMatchObject({ state: 'running', done: 25, total: 40 });
    await run.end('finished');
    expect(await runOf()).toMatchObject({ state: 'finished', done: 40, finishedAt: expect.any(Date) });
  });

  it('keeps a later run from an earlier one’s late count and end, and a failed run from its dossiers still finishing', async () => {
    const earlier = await start(10);
    const later = await start(3);
    earlier.progress.step();
    await earlier.end('failed');
    expect(await runOf()).toMatchObject({ state: 'running', done: 0, total: 3 });
    later.progress.step();
    await later.end('failed');
    later.progress.step();
    later.progress.step();
    await later.progress.settled();
    expect(await runOf()).toMatchObject({ state: 'failed', done: 1, total: 3 });
  });
});
