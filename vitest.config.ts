// Two test projects: fast unit tests of pure code, and browser tests in real Chromium against the built app.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Builds the dataset atlas once per run and provides it to the test files (tests/unit/dataset/fixture.ts).
          globalSetup: ['tests/unit/global-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          // Software WebGL (SwiftShader) needs seconds per frame on two cores: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
