import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code they check; integration tests start the
// real server (server/testing/testServer.ts). Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
