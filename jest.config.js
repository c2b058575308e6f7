// Three projects: `unit` runs pure code with fakes; `storage` checks the database guarantees the engine relies on
// (test/storage/: the embedded FerretDB, or MONGODB_URI); `integration` runs against real servers (a Temporal dev
// server and FerretDB) that test/harness/global-setup.ts starts on free ports and tears down afterwards. The browser
// tests
// (test/browser/) belong to `integration`: they need the same servers, and one set of servers per run is enough.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'storage',
      testMatch: ['<rootDir>/test/storage/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/storage/harness/storage-global-setup.ts',
      globalTeardown: '<rootDir>/test/storage/harness/storage-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/integration-timeout.ts'],
    },
    {
      displayName: 'integration',
      // test/browser/: the embed in Debian's Chromium (playwright-core) against the same real system.
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/browser/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/integration-timeout.ts'],
    },
    {
      // Fault tests too long for the integration suite (over 3 minutes), on the same harness: `npm run test:faults`
      // runs them after test/faults/run-faults.ts, and `npm test` leaves them out of its final jest run.
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/integration-timeout.ts'],
    },
  ],
};
