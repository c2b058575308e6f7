// Integration tests start servers and workers and run whole approval chains: allow them two minutes each.
// (jest ignores `testTimeout` inside a project's config, so it is set here, per test file.)
jest.setTimeout(120_000);
