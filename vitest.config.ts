import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**', 'public/**', '.data/**'],
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
    // expect.poll waits for something a person would wait for (a page after a form post, a live update); on a
    // loaded CI machine that can take longer than Vitest's 1 s default. A wait, never a speed assertion.
    expect: { poll: { timeout: 15_000 } },
  },
})
