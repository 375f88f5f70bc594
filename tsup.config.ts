import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    roster: 'src/roster.ts',
    report: 'src/report.ts',
    cli: 'src/cli/main.ts',
    // The HiGHS worker thread, started by URL beside whichever entry solves.
    'highs-thread': 'src/solvers/highs-thread.ts',
  },
  format: ['esm', 'cjs'],
  // Declarations for the entries users import (the worker's module exports nothing).
  dts: {
    entry: {
      index: 'src/index.ts',
      roster: 'src/roster.ts',
      report: 'src/report.ts',
      cli: 'src/cli/main.ts',
    },
  },
  sourcemap: true,
  clean: true,
  shims: true,
  target: 'node20',
  splitting: false,
})
