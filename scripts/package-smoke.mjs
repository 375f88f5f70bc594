// The built package, as a user installs it: both entry points load, and both
// backends staff a small county from each, with no validator violation.
// Run after `npm run build`:  node scripts/package-smoke.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'

const esm = await import('../dist/index.js')
const cjs = createRequire(import.meta.url)('../dist/index.cjs')
let failed = 0
for (const [name, b] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  const scenario = b.generateScenario({ seed: 4, cadres: 120 })
  for (const backend of ['highs', 'javascript-lp-solver']) {
    const r = await b.solve(scenario, { backend, timeLimitMs: 30_000 })
    const ok =
      r._tag === 'Right' && r.right.status === 'optimal' && b.validateProposal(scenario, r.right).length === 0
    console.log(
      `${name} ${backend}: ${ok ? `ok, objective ${r.right.objective}` : JSON.stringify(r.left ?? r.right.status)}`,
    )
    if (!ok) failed++
  }
}
// The roster entry point: a two-line CSV roster reads into a scenario from both builds.
const roster = {
  cadres: {
    name: 'c.csv',
    data: '编号,姓名,性别,出生年月,民族,政治面貌,学历,职级,任现职级时间,成长地\nC1,张伟,男,1980.05,han,中共党员,本科,副科,2015.06,清溪县\n',
  },
  teams: { name: 't.csv', data: '班子编号,班子名称,班子类别\nT1,和溪镇,乡镇\n' },
  posts: { name: 'p.csv', data: '岗位编号,班子编号,岗位类别,职级\nP1,T1,副职,副科\n' },
}
for (const [name, m] of [
  ['esm', await import('../dist/roster.js')],
  ['cjs', createRequire(import.meta.url)('../dist/roster.cjs')],
]) {
  const r = await m.readRoster(roster, { asOf: '2026-12', county: '清溪县' })
  const ok = r._tag === 'Right' && r.right.scenario.cadres[0].birth === '1980-05'
  console.log(`${name} roster: ${ok ? 'ok' : JSON.stringify(r.left ?? r.right)}`)
  if (!ok) failed++
}
// The command line as installed (bin: dist/cli.js): its exit codes and its --json shape.
import { spawnSync } from 'node:child_process'
const cli = (...args) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' })
const solved = cli('solve', 'examples/data/sample-county.json', '--json')
const parsed = (() => {
  try {
    return JSON.parse(solved.stdout)
  } catch {
    return null
  }
})()
// Every exit code from the built binary: 1 for rules that cannot all be met (women ≥ 9 in every
// team), 3 for a time limit that passes before any proposal.
const impossible = JSON.parse(readFileSync('examples/data/sample-county.json', 'utf8'))
impossible.policy = { ...impossible.policy }
impossible.policy.structure = {
  ...impossible.policy.structure,
  women: { ...impossible.policy.structure?.women, enabled: true, hard: true, min: 9, minTeamSize: 1 },
}
const impossibleFile = join(mkdtempSync(join(tmpdir(), 'banzi-smoke-')), 'impossible.json')
writeFileSync(impossibleFile, JSON.stringify(impossible))
const cliOk =
  solved.status === 0 &&
  cli('solve', impossibleFile).status === 1 &&
  cli('solve', 'examples/data/sample-county.json', '--time-limit', '0.001').status === 3 &&
  parsed?.result?.status === 'optimal' &&
  Array.isArray(parsed?.violations) &&
  parsed.violations.every((v) => v.length === 0) &&
  cli('solve', 'no-such-file.json').status === 2 &&
  cli('solve', 'examples/data/sample-county.json', '--top', 'x').status === 2 &&
  cli('--help').status === 0
console.log(`cli: ${cliOk ? 'ok' : `failed (exit ${solved.status}) ${solved.stderr.slice(0, 300)}`}`)
if (!cliOk) failed++
// An app that bundles banzi into a file of its own (esbuild, HiGHS left external): the worker's
// module is not beside the bundle, so HiGHS runs in a worker from the installed package, or in
// the app's own thread where none is installed — a solve either way.
{
  const { buildSync } = await import('esbuild')
  const { symlinkSync, mkdirSync } = await import('node:fs')
  const { fileURLToPath } = await import('node:url')
  const root = fileURLToPath(new globalThis.URL('..', import.meta.url))
  for (const installed of [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'banzi-bundled-'))
    writeFileSync(
      join(dir, 'app.mjs'),
      `import { solve, generateScenario } from ${JSON.stringify(join(root, 'dist', 'index.js'))}\n` +
        `const r = await solve(generateScenario({ seed: 4, cadres: 60 }), { backend: 'highs', timeLimitMs: 30000 })\n` +
        `console.log(r._tag === 'Right' ? r.right.status : r.left.message)\n`,
    )
    buildSync({
      entryPoints: [join(dir, 'app.mjs')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['highs'],
      outfile: join(dir, 'out', 'app.mjs'),
      logLevel: 'error',
    })
    mkdirSync(join(dir, 'out', 'node_modules'))
    symlinkSync(join(root, 'node_modules', 'highs'), join(dir, 'out', 'node_modules', 'highs'))
    if (installed) symlinkSync(root, join(dir, 'out', 'node_modules', 'banzi'))
    const run = spawnSync(process.execPath, [join(dir, 'out', 'app.mjs')], { encoding: 'utf8' })
    const ok = run.status === 0 && run.stdout.trim() === 'optimal'
    const what = installed ? 'bundled app, banzi installed' : 'bundled app, banzi not installed'
    console.log(`${what}: ${ok ? 'ok' : `failed: ${run.stdout.trim()} ${run.stderr.slice(0, 300)}`}`)
    if (!ok) failed++
    rmSync(dir, { recursive: true, force: true })
  }
}
process.exit(failed === 0 ? 0 : 1)
