import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code they check; integration tests start the
// real server (server/testing/testServer.ts). Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Vitest's default on 2 cores is one file at a time (cores − 1), but the slow files wait on servers,
    // child processes and timers far more than they compute: two at a time took the suite from 4.6 to 3.0–3.1 min.
    maxWorkers: 2,
  },
});
