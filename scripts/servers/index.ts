// Starting the real servers (Temporal dev server, FerretDB) for `npm start` and the integration-test harness.
export { acquireInstanceLock, type InstanceLock } from './acquire-instance-lock';
export {
  createSupervisor,
  DEFAULT_RESTART_POLICY,
  type RestartPolicy,
  type SupervisedChild,
  type SupervisedRun,
  type Supervisor,
  type SupervisorDeps,
} from './create-supervisor';
export { envWithoutPrefix } from './env-without-prefix';
export { failOnExitOrAbort } from './fail-on-exit-or-abort';
export { findFreePort } from './find-free-port';
export { isPortFree } from './is-port-free';
export { ManagedProcess, type ManagedProcessOptions, type ProcessExit } from './managed-process';
export { redactMongoUri } from './redact-mongo-uri';
export { repoRoot } from './repo-root';
export {
  resolveServerBinaries,
  type ResolveServerBinariesOptions,
  type ServerBinaries,
} from './resolve-server-binaries';
export { startFerretDb, type FerretDb, type FerretDbOptions } from './start-ferretdb';
export {
  startTemporalDevServer,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './start-temporal-dev-server';
export { waitForMongoDb, type WaitForMongoDbOptions } from './wait-for-mongodb';
export { waitForPort, type WaitForPortOptions } from './wait-for-port';
export { waitForTemporal, type WaitForTemporalOptions } from './wait-for-temporal';
