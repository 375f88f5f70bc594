import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves a core idle (one fork on CI's two cores); the test
    // files are independent and mostly CPU-bound, so two forks there take about
    // two thirds of the time (207 s instead of ≈ 310 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
})
