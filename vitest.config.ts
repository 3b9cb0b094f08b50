import { defineConfig } from 'vitest/config';

// Four suites: pure unit tests, integration tests against real Redis and the real
// adapter, reliability scenarios (own redis-servers and processes), and end-to-end tests
// through the Agents Playground + Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // A throwaway certificate the workers trust, for the HTTPS fakes (FakeGraph).
          globalSetup: ['./test/support/tlsGlobalSetup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        // npm run test:reliability: processes killed, Redis restarted and unreachable, a failing
        // connector, Teams retries, 10,000 hostile activities; prints a table of figures.
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          // The calendar scenario's worker processes talk HTTPS to FakeGraph (they inherit the env).
          globalSetup: ['./test/support/tlsGlobalSetup.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The calendar test's bot process talks HTTPS to FakeGraph (it inherits NODE_EXTRA_CA_CERTS).
          globalSetup: ['./test/support/tlsGlobalSetup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // npm run screenshots: the README's pictures (docs/screenshots/), through the e2e harness.
        test: {
          name: 'screenshots',
          include: ['test/screenshots/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
