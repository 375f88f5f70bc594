import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import highsLoader from 'highs'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportModel } from '../../src/model/export.js'
import type { ModelFormat } from '../../src/model/export.js'
import { exportedNames } from '../../src/model/export-names.js'
import { formulate } from '../../src/model/formulate.js'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { editMilp } from '../../src/model/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { gapModel } from '../../src/solvers/gap.js'
import { highsSolver } from '../../src/solvers/highs.js'
import * as api from '../../src/index.js'

let highs: Highs
beforeAll(async () => {
  highs = await highsLoader()
})

/**
 * Reads exported text back with HiGHS's own LP/MPS reader and solves it
 * exactly; `objective` is in banzi's sense (MPS minimises the negated
 * objective, so its optimum is negated back).
 */
function readAndSolve(
  text: string,
  format: ModelFormat,
): { status: string; objective: number; cols: number } {
  const hm = highs.createModel({ format: format === 'lp' ? 'lp' : 'mps', data: text })
  try {
    hm.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 })
    const run = hm.run()
    const names = highs.constants.modelStatus as Readonly<Record<string, number>>
    const status = Object.keys(names).find((k) => names[k] === run.modelStatus) ?? String(run.modelStatus)
    const objective = hm.getObjectiveValue()
    return {
      status,
      objective: format === 'lp' ? objective : -objective,
      cols: hm.getSolution().colValue.length,
    }
  } finally {
    hm.dispose()
  }
}

// Objectives agree within the benchmark's tolerance: 1e-6 relative.
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b))

const FORMATS: readonly ModelFormat[] = ['lp', 'mps', 'fixed-mps']

describe('exportModel on generated counties', () => {
  it.each([
    [1, 60],
    [2, 60],
    [7, 120],
  ])('reads back with the optimum banzi finds (seed %i, %i cadres)', async (seed, cadres) => {
    const model = formulate(generateScenario({ seed, cadres }))
    const ref = await highsSolver.solve(model.milp, {})
    expect(ref.status).toBe('optimal')
    for (const format of FORMATS) {
      const back = readAndSolve(exportModel(model, format), format)
      expect(back.status, format).toBe('optimal')
      expect(back.cols, format).toBe(model.milp.colNames.length)
      expect(close(back.objective, ref.objective!), `${format}: ${back.objective} vs ${ref.objective}`).toBe(
        true,
      )
    }
  })

  it('takes a scenario as well as its model', () => {
    const scenario = generateScenario({ seed: 1, cadres: 60 })
    expect(exportModel(scenario, 'mps')).toBe(exportModel(formulate(scenario), 'mps'))
  })
})

/** A small random MILP with every kind of row and bound the writer handles. */
const arbMilp: fc.Arbitrary<Milp> = fc
  .record({
    cols: fc.array(
      fc.record({
        cost: fc.integer({ min: -20, max: 20 }),
        kind: fc.constantFrom(
          'binary',
          'general',
          'continuous',
          'fixed',
          'negative',
          'free-below',
          'free',
          'above-2',
          'crossed',
          'fractional',
          'no-integer',
        ),
        int: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    rows: fc.array(
      fc.record({
        coefs: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 8, maxLength: 8 }),
        kind: fc.constantFrom('le', 'ge', 'eq', 'range', 'free', 'crossed'),
        rhs: fc.integer({ min: -6, max: 10 }),
        width: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ cols, rows }) => {
    const b = new MilpBuilder()
    cols.forEach((c, j) => {
      // Unbounded columns point against their cost, so every model stays bounded.
      const [lo, hi, int] =
        c.kind === 'binary'
          ? [0, 1, true]
          : c.kind === 'general'
            ? [0, 7, true]
            : c.kind === 'continuous'
              ? [0, 3.5, false]
              : c.kind === 'fixed'
                ? [2, 2, c.int]
                : c.kind === 'negative'
                  ? [-4, -1, c.int]
                  : c.kind === 'free'
                    ? [-Infinity, Infinity, c.int]
                    : c.kind === 'above-2'
                      ? [2, Infinity, c.int]
                      : c.kind === 'crossed'
                        ? [0, -1, c.int]
                        : c.kind === 'fractional'
                          ? [-1.5, 2.5, c.int]
                          : c.kind === 'no-integer'
                            ? [0.3, 0.6, c.int]
                            : [-Infinity, 5, c.int]
      const cost =
        c.kind === 'free-below'
          ? Math.abs(c.cost)
          : c.kind === 'above-2'
            ? -Math.abs(c.cost)
            : c.kind === 'free'
              ? 0
              : c.cost
      b.addColumn(`col:${j}/${c.kind}>=`, cost, lo, hi, int)
    })
    rows.forEach((r, i) => {
      const idx = cols.map((_, j) => j)
      const coefs = idx.map((j) => r.coefs[j]!)
      const [lo, hi] =
        r.kind === 'le'
          ? [-Infinity, r.rhs]
          : r.kind === 'ge'
            ? [r.rhs, Infinity]
            : r.kind === 'eq'
              ? [r.rhs, r.rhs]
              : r.kind === 'range'
                ? [r.rhs, r.rhs + r.width + 0.5]
                : r.kind === 'crossed'
                  ? [r.rhs, r.rhs - r.width - 0.5]
                  : [-Infinity, Infinity]
      b.addRow(`row ${i}: ${r.kind}`, idx, coefs, lo, hi)
    })
    return b.build()
  })

describe('exportModel on random MILPs', () => {
  it('every format reads back with the status and objective banzi finds', async () => {
    await fc.assert(
      fc.asyncProperty(arbMilp, async (m) => {
        const ref = await highsSolver.solve(m, {})
        for (const format of FORMATS) {
          const back = readAndSolve(exportModel(m, format), format)
          if (ref.status === 'optimal') {
            expect(back.status, format).toBe('optimal')
            expect(
              close(back.objective, ref.objective!),
              `${format}: ${back.objective} vs ${ref.objective}`,
            ).toBe(true)
          } else expect(back.status, format).toBe(ref.status === 'infeasible' ? 'infeasible' : back.status)
        }
      }),
      { seed: 42, numRuns: 100 },
    )
  })

  it('every bound reads back exactly under the strictest MPS conventions (CBC, GLPK)', () => {
    fc.assert(
      fc.property(arbMilp, fc.boolean(), (m, fixed) => {
        const text = exportModel(m, fixed ? 'fixed-mps' : 'mps')
        // Fixed MPS: every record within 80 columns, comments included (GLPK warns past it).
        if (fixed) expect(text.split('\n').filter((l) => l.length > 80)).toEqual([])
        const read = strictMpsBounds(text)
        const names = exportedNames(m, fixed ? 'short' : 'domain').columns
        names.forEach((c, j) => {
          // An integer column's bounds are rounded inward (GLPK refuses fractional ones).
          const int = m.integer[j] === 1
          const lo = int ? Math.ceil(m.colLower[j]!) : m.colLower[j]!
          const hi = int ? Math.floor(m.colUpper[j]!) : m.colUpper[j]!
          expect(
            read.bounds.get(c)!.every((v) => !int || !Number.isFinite(v) || Number.isInteger(v)),
            c,
          ).toBe(true)
          // A column with lower > upper keeps its lower bound; its upper bound is a row.
          expect(read.bounds.get(c), c).toEqual([lo, lo > hi ? Infinity : hi])
          if (lo > hi) expect(read.upperRows.get(c), c).toBe(hi)
        })
        expect(read.errors).toEqual([])
      }),
      { seed: 7, numRuns: 200 },
    )
  })
})

/**
 * The bounds of a free or fixed MPS file as the strictest readers take them:
 * CBC's CoinMpsIO (PL only as a column's first bound, LO only after nothing
 * or UP, MI on an unbounded column sets its upper bound to 0, a negative UP on
 * a column with no lower bound yet makes the lower bound −∞, 1e30 and more is
 * infinite) and GLPK (an integer column starts with the bounds [0, 1]).
 * `upperRows` maps a column to the right-hand side of the one-entry L row
 * named after it (`<name>.ub` or `U<j>`).
 */
function strictMpsBounds(text: string): {
  bounds: Map<string, [number, number]>
  upperRows: Map<string, number>
  errors: string[]
} {
  const bounds = new Map<string, [number, number]>()
  const kind = new Map<string, string>()
  const rhs = new Map<string, number>()
  const rowOf = new Map<string, string>()
  const errors: string[] = []
  let section = ''
  let inInt = false
  const big = (v: number) => (v >= 1e30 ? Infinity : v <= -1e30 ? -Infinity : v)
  for (const line of text.split('\n')) {
    if (line.startsWith('*') || line.trim() === '') continue
    if (!line.startsWith(' ')) {
      section = line.split(/\s+/)[0]!
      continue
    }
    const t = line.trim().split(/\s+/)
    if (section === 'COLUMNS') {
      if (t[1] === "'MARKER'") {
        inInt = t[2] === "'INTORG'"
        continue
      }
      if (!bounds.has(t[0]!)) bounds.set(t[0]!, [0, inInt ? 1 : Infinity])
      if (/^U[0-9A-Z]+$|\.ub$/.test(t[1]!)) rowOf.set(t[1]!, t[0]!)
    } else if (section === 'RHS') rhs.set(t[1]!, Number(t[2]))
    else if (section === 'BOUNDS') {
      const [type, , c, v] = t as [string, string, string, string | undefined]
      const b = bounds.get(c)!
      const was = kind.get(c) ?? 'unset'
      const value = v === undefined ? NaN : big(Number(v))
      const bad = () => errors.push(line)
      if (type === 'UP') {
        if (was === 'unset' && value < 0) b[0] = -Infinity
        else if (was === 'LO' && value < b[0]) bad()
        else if (was !== 'unset' && was !== 'LO' && was !== 'MI') bad()
        b[1] = value
      } else if (type === 'LO') {
        if (was === 'UP' && value > b[1]) bad()
        else if (was !== 'unset' && was !== 'UP') bad()
        b[0] = value
      } else if (type === 'MI') {
        if (was === 'unset') b[1] = 0
        else if (was !== 'UP') bad()
        b[0] = -Infinity
      } else if (type === 'PL') {
        if (was !== 'unset') bad()
        b[1] = Infinity
      } else if (type === 'FR' || type === 'FX') {
        if (was !== 'unset') bad()
        b[0] = type === 'FR' ? -Infinity : value
        b[1] = type === 'FR' ? Infinity : value
      } else bad()
      kind.set(c, type)
    }
  }
  const upperRows = new Map<string, number>()
  for (const [row, c] of rowOf) upperRows.set(c, rhs.get(row) ?? 0)
  return { bounds, upperRows, errors }
}

describe('exportModel on what MPS readers take differently', () => {
  // The audit's instance: a GAP whose capacity row editMilp sets to the empty [5, 3].
  const crossedRow = () =>
    editMilp(gapModel({ cost: [[1]], weight: [[6]], capacity: [10], sense: 'max' }), {
      rowBounds: [[1, 5, 3]],
    })
  const crossedColumn = () => {
    const b = new MilpBuilder()
    b.addColumn('x', 1, 0, -1, false)
    return b.build()
  }

  it('writes a row whose lower bound exceeds its upper bound as two rows, infeasible for every reader', async () => {
    const m = crossedRow()
    expect((await highsSolver.solve(m, {})).status).toBe('infeasible')
    for (const format of FORMATS)
      expect(readAndSolve(exportModel(m, format), format).status, format).toBe('infeasible')
    const mps = exportModel(m, 'mps')
    expect(mps).toContain(' G  agent_0_capacity.lo\n L  agent_0_capacity.hi')
    expect(mps).toContain(' RHS  agent_0_capacity.lo  5\n RHS  agent_0_capacity.hi  3')
    expect(mps).not.toContain('RANGES')
    expect(exportModel(m, 'fixed-mps')).toMatch(/ G {2}R1\n L {2}H1\n/)
  })

  it('writes a column whose lower bound exceeds its upper bound with its upper bound as a row', async () => {
    const m = crossedColumn()
    expect((await highsSolver.solve(m, {})).status).toBe('infeasible')
    for (const format of FORMATS)
      expect(readAndSolve(exportModel(m, format), format).status, format).toBe('infeasible')
    const mps = exportModel(m, 'mps')
    // Never a lone negative UP, which readers take as a lower bound of −∞.
    expect(mps).not.toMatch(/UP {2}BND {2}x/)
    expect(mps).toContain(' L  x.ub')
    expect(mps).toContain(' RHS  x.ub  -1')
    expect(exportModel(m, 'lp')).toContain(' x.ub: + 1 x <= -1')
  })

  it('writes each kind of bound as the MPS conventions read it', () => {
    const b = new MilpBuilder()
    b.addColumn('fr', 0, -Infinity, Infinity, true)
    b.addColumn('below', 1, -Infinity, -2.5, false)
    b.addColumn('neg', 1, -4, -1, true)
    b.addColumn('int_above', -1, 2, Infinity, true)
    b.addColumn('int_plain', -1, 0, Infinity, true)
    b.addColumn('fixed', 1, -2, -2, false)
    b.addColumn('binary01', 1, 0, 1, true)
    const bounds = exportModel(b.build(), 'mps').split('BOUNDS\n')[1]!
    expect(bounds).toBe(
      [
        ' FR  BND  fr',
        ' MI  BND  below',
        ' UP  BND  below  -2.5',
        ' LO  BND  neg  -4',
        ' UP  BND  neg  -1',
        ' LO  BND  int_above  2',
        ' UP  BND  int_above  1e30',
        ' PL  BND  int_plain',
        ' FX  BND  fixed  -2',
        ' UP  BND  binary01  1',
        'ENDATA',
        '',
      ].join('\n'),
    )
  })

  it('writes MPS as the minimisation of the negated costs, with no OBJSENSE section', () => {
    const m = gapModel({ cost: [[2, 3]], weight: [[1, 1]], capacity: [2], sense: 'max' })
    for (const format of ['mps', 'fixed-mps'] as const) {
      const text = exportModel(m, format)
      expect(text.split('\n')).not.toContain('OBJSENSE')
      expect(text).toContain("the optimum a reader reports is minus banzi's")
      expect(text).toMatch(/x_a0_j1 {2}obj {2}-3|C1 +obj +-3/)
      const hm = highs.createModel({ format: 'mps', data: text })
      try {
        hm.options.set({ output_flag: false })
        hm.run()
        expect(hm.getObjectiveValue(), format).toBe(-5)
      } finally {
        hm.dispose()
      }
    }
    expect(exportModel(m, 'lp')).toContain('Maximize')
  })
})

// CBC and GLPK are not installed in CI: these run where they are.
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0

describe.skipIf(!has('cbc') || !has('glpsol'))('exportModel read by CBC and GLPK', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banzi-export-'))
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout
  it.each([
    ['a county', () => formulate(generateScenario({ seed: 1, cadres: 60 })).milp, 658.0125],
    [
      'a crossed row',
      () =>
        editMilp(gapModel({ cost: [[1]], weight: [[6]], capacity: [10], sense: 'max' }), {
          rowBounds: [[1, 5, 3]],
        }),
      null,
    ],
  ])('%s: the same optimum (up to sign in MPS) or infeasible', (_, make, optimum) => {
    const m = make()
    for (const format of FORMATS) {
      const file = join(dir, `m.${format}`)
      writeFileSync(file, exportModel(m, format))
      const sign = format === 'lp' ? 1 : -1
      const cbc = run('cbc', [file, 'solve'])
      const glp = join(dir, 'glp.out')
      run('glpsol', [format === 'lp' ? '--lp' : format === 'mps' ? '--freemps' : '--mps', file, '-o', glp])
      const glpOut = readFileSync(glp, 'utf8')
      if (optimum === null) {
        expect(cbc, format).toMatch(/infeasible/i)
        expect(glpOut, format).toMatch(/INFEASIBLE|UNDEFINED/)
      } else {
        expect(Number(/Objective value:\s*(\S+)/.exec(cbc)?.[1]), format).toBeCloseTo(sign * optimum, 6)
        expect(Number(/Objective:\s+\S+ = (\S+)/.exec(glpOut)?.[1]), format).toBeCloseTo(sign * optimum, 6)
      }
    }
  })
})

/**
 * What CBC and GLPK's `glpsol` make of an exported file: `read` false when a
 * reader refused it, `status` optimal or infeasible, the optimum in banzi's
 * sense (MPS minimises the negated objective), and what glpsol warned of.
 */
function viaCbcAndGlpk(
  m: Milp,
  format: ModelFormat,
  dir: string,
): { cbc: Outcome; glpk: Outcome & { warnings: string[] } } {
  const file = join(dir, `m.${format}`)
  const glp = join(dir, 'glp.out')
  rmSync(glp, { force: true })
  writeFileSync(file, exportModel(m, format))
  const sign = format === 'lp' ? 1 : -1
  const cbc = spawnSync('cbc', [file, 'solve'], { encoding: 'utf8' }).stdout
  const glpsol = spawnSync(
    'glpsol',
    [format === 'lp' ? '--lp' : format === 'mps' ? '--freemps' : '--mps', file, '-o', glp],
    { encoding: 'utf8' },
  ).stdout
  const glpOut = existsSync(glp) ? readFileSync(glp, 'utf8') : ''
  const cbcValue = /Objective value:\s*(\S+)|Optimal - objective value (\S+)/.exec(cbc)
  const glpValue = /Objective:\s+\S+ = (\S+)/.exec(glpOut)
  return {
    cbc: {
      read: !/errors? on input|not valid|processing error/i.test(cbc),
      status: /infeasible/i.test(cbc) ? 'infeasible' : cbcValue !== null ? 'optimal' : 'other',
      objective: sign * Number(cbcValue?.[1] ?? cbcValue?.[2]),
    },
    glpk: {
      read: glpOut !== '',
      status: /Status:\s+(INTEGER )?OPTIMAL/.test(glpOut)
        ? 'optimal'
        : /Status:\s+(INTEGER EMPTY|INFEASIBLE|UNDEFINED)/.test(glpOut)
          ? 'infeasible'
          : 'other',
      objective: sign * Number(glpValue?.[1]),
      warnings: glpsol.split('\n').filter((l) => /warning|non-integer/i.test(l)),
    },
  }
}

interface Outcome {
  readonly read: boolean
  readonly status: 'optimal' | 'infeasible' | 'other'
  readonly objective: number
}

describe.skipIf(!has('cbc') || !has('glpsol'))('exportModel read by CBC and GLPK, whatever the model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banzi-export-any-'))

  /** Every format read by both, with the status and optimum HiGHS finds on the IR. */
  async function agrees(m: Milp): Promise<void> {
    const ref = await highsSolver.solve(m, {})
    for (const format of FORMATS) {
      const { cbc, glpk } = viaCbcAndGlpk(m, format, dir)
      for (const [who, got] of [
        ['cbc', cbc],
        ['glpsol', glpk],
      ] as const) {
        const label = `${who}, ${format}:\n${exportModel(m, format)}`
        expect(got.read, label).toBe(true)
        if (ref.status === 'optimal') {
          expect(got.status, label).toBe('optimal')
          expect(close(got.objective, ref.objective!), `${label}\n${got.objective} vs ${ref.objective}`).toBe(
            true,
          )
        } else expect(got.status, label).toBe(ref.status === 'infeasible' ? 'infeasible' : got.status)
      }
      // Fixed MPS within its 80 columns; integer columns with integer bounds.
      expect(glpk.warnings, format).toEqual([])
    }
  }

  it('a model with no rows, its integer columns with fractional bounds', async () => {
    const b = new MilpBuilder()
    b.addColumn('x', 1, 0, 3.5, true)
    b.addColumn('y', -1, 0.5, 4, true)
    b.addColumn('z', 2, 0, 2.5, false)
    await agrees(b.build())
  })

  it('a model whose only row is free (left out), and one with no column at all', async () => {
    const b = new MilpBuilder()
    b.addColumn('x', 1, -2.5, 1.5, true)
    b.addRow('free', [0], [1], -Infinity, Infinity)
    await agrees(b.build())
    await agrees(new MilpBuilder().build())
  })

  it('an integer column whose bounds hold no integer is infeasible for both', async () => {
    const b = new MilpBuilder()
    b.addColumn('x', 1, 0.3, 0.6, true)
    await agrees(b.build())
  })

  it('random MILPs, with or without rows, in every format (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbMilp, (m) => agrees(m)),
      { seed: 11, numRuns: 25 },
    )
  }, 240_000)
})

describe('TSDoc examples of exportModel and exportedNames', () => {
  // Each example runs with only the package's public exports in scope.
  it.each(['../../src/model/export.ts', '../../src/model/export-names.ts'])('%s', (path) => {
    const source = readFileSync(new URL(path, import.meta.url), 'utf8')
    const examples = [...source.matchAll(/ \* @example\n((?: \*(?! @).*\n)+)/g)].map((e) =>
      e[1]!.split('\n').map((l) => l.replace(/^ \* ?/, '')),
    )
    expect(examples.length).toBeGreaterThan(0)
    for (const lines of examples) {
      const body = lines
        .filter((l) => l.trim() !== '' && l !== '/')
        .map((l) => {
          const [code, expected] = l.split(' //=> ')
          return expected === undefined ? code : `check(${code}, ${expected}, ${JSON.stringify(code)})`
        })
        .join('\n')
      const check = (actual: unknown, expected: unknown, code: string) =>
        expect(actual, code).toEqual(expected)
      const names = Object.keys(api)
      new Function(...names, 'check', body)(...names.map((k) => (api as Record<string, unknown>)[k]), check)
    }
  })
})

describe('exportedNames', () => {
  it('maps domain names to LP-safe, unique names by index', () => {
    const b = new MilpBuilder()
    b.addColumn('a:b', 1, 0, 1, true)
    b.addColumn('a_b', 1, 0, 1, true)
    b.addColumn('9lives', 1, 0, 1, true)
    b.addColumn('free', 1, 0, 1, true)
    b.addRow('team:T1:women>=1', [0, 1], [1, 1], 1, Infinity)
    const names = exportedNames(b.build())
    expect(names.columns).toEqual(['a_b', 'a_b_2', '_9lives', '_free'])
    expect(names.rows).toEqual(['team_T1_women__1'])
  })

  it('keeps names within the 160 characters of CBC’s MPS reader (CPLEX LP: 255), unique after cutting', () => {
    const b = new MilpBuilder()
    b.addColumn(`${'p'.repeat(300)}:1`, 1, 0, 1, true)
    b.addColumn(`${'p'.repeat(300)}:2`, 1, 0, 1, true)
    const names = exportedNames(b.build()).columns
    expect(names.map((n) => n.length)).toEqual([150, 152])
    expect(names[1]).toBe(`${'p'.repeat(150)}_2`)
  })

  it('gives fixed MPS names of at most 8 characters', () => {
    const model = formulate(generateScenario({ seed: 1, cadres: 60 }))
    const names = exportedNames(model.milp, 'short')
    expect(names.columns.every((n) => n.length <= 8)).toBe(true)
    expect(new Set(names.columns).size).toBe(names.columns.length)
    // Fields end by column 61; every record, `*` comments included, by column 80 (GLPK warns past it).
    for (const line of exportModel(model, 'fixed-mps').split('\n')) {
      expect(line.length, line).toBeLessThanOrEqual(80)
      if (!line.startsWith('*')) expect(line.length, line).toBeLessThanOrEqual(61)
    }
  })

  it('writes a ranged row as two LP rows and one MPS row with a range', () => {
    const b = new MilpBuilder()
    const x = b.addColumn('x', 1, 0, 10, true)
    b.addRow('r', [x], [1], 2, 5)
    const m = b.build()
    expect(exportModel(m, 'lp')).toContain(' r.lo: + 1 x >= 2\n r.hi: + 1 x <= 5')
    expect(exportModel(m, 'mps')).toContain('RANGES\n RNG  r  3')
  })
})

describe('exportModel at scale', () => {
  it('never overflows the stack: 400,000 binaries, general integers and ranged rows', () => {
    const b = new MilpBuilder()
    const n = 400_000
    for (let j = 0; j < n; j++) b.addColumn(`x${j}`, 1, 0, 1, true)
    for (let j = 0; j < 200_000; j++) b.addColumn(`g${j}`, 1, 0, 5, true)
    for (let i = 0; i < 200_000; i++) b.addRow(`r${i}`, [i, n + i], [1, 1], 1, 3)
    const m = b.build()
    for (const format of FORMATS) {
      const text = exportModel(m, format)
      expect(text.length).toBeGreaterThan(n)
    }
  })
})

describe('exportModel with long ids', () => {
  // Post and cadre ids of 80 characters (an HR system's keys) make domain names of up to 172
  // characters; CBC 2.10's free-MPS reader (CoinMpsIO, fields of 160 characters) crashed on one of 164.
  const county = (() => {
    let json = JSON.stringify(api.encodeScenario(generateScenario({ seed: 1, cadres: 60 })))
    const ids = (prefix: string) => [
      ...new Set([...json.matchAll(new RegExp(`"(${prefix}\\d{5})"`, 'g'))].map((m) => m[1]!)),
    ]
    for (const p of ids('P')) json = json.replaceAll(`"${p}"`, `"${`post-${p}-`.padEnd(80, 'x')}"`)
    for (const c of ids('C')) json = json.replaceAll(`"${c}"`, `"${`cadre-${c}-`.padEnd(80, 'y')}"`)
    const d = api.decodeScenario(JSON.parse(json))
    if (d._tag === 'Left') throw new Error('the long-id county does not decode')
    return formulate(d.right)
  })()

  it('has ids of 80 characters and domain names longer than 160', () => {
    expect(county.milp.colNames.some((n) => n.length > 160)).toBe(true)
  })

  it.each(FORMATS)('%s: every name within 160 characters, unique among columns and among rows', (format) => {
    const text = exportModel(county, format)
    const names = exportedNames(county.milp, format === 'fixed-mps' ? 'short' : 'domain')
    for (const kind of [names.columns, names.rows]) {
      expect(new Set(kind).size).toBe(kind.length)
      expect(Math.max(...kind.map((n) => n.length))).toBeLessThanOrEqual(160)
    }
    // Every token of the file (split rows' `.lo`/`.hi` and `.ub` rows included), comments aside.
    const tokens = text
      .split('\n')
      .filter((l) => !l.startsWith('*') && !l.startsWith('\\'))
      .flatMap((l) => l.trim().split(/\s+/))
    expect(Math.max(...tokens.map((t) => t.length))).toBeLessThanOrEqual(160)
  })

  it.skipIf(!has('cbc'))(
    'CBC reads the free MPS and the LP, with the optimum HiGHS finds',
    async () => {
      const ref = await highsSolver.solve(county.milp, {})
      expect(ref.status).toBe('optimal')
      const dir = mkdtempSync(join(tmpdir(), 'banzi-export-long-'))
      for (const format of ['mps', 'lp'] as const) {
        const file = join(dir, `long.${format}`)
        writeFileSync(file, exportModel(county, format))
        const cbc = spawnSync('cbc', [file, 'solve'], { encoding: 'utf8' })
        expect([cbc.status, cbc.signal], `${format}: ${cbc.stderr}`).toEqual([0, null])
        const value = Number(/Objective value:\s*(\S+)/.exec(cbc.stdout)?.[1])
        expect(value * (format === 'lp' ? 1 : -1), format).toBeCloseTo(ref.objective!, 6)
      }
    },
    120_000,
  )
})

describe('exportModel refuses a Milp no solver can read, as the HiGHS backend does', () => {
  const milp = (over: Partial<Record<keyof Milp, unknown>> = {}): Milp =>
    ({
      sense: 'max',
      colNames: ['x', 'y'],
      colCost: Float64Array.of(1, 2),
      colLower: new Float64Array(2),
      colUpper: Float64Array.of(1, 1),
      integer: Uint8Array.of(1, 1),
      rowNames: ['r'],
      rowLower: Float64Array.of(-Infinity),
      rowUpper: Float64Array.of(1),
      rowStarts: Int32Array.of(0, 2),
      rowIndex: Int32Array.of(0, 1),
      rowValue: Float64Array.of(1, 1),
      ...over,
    }) as Milp

  it('writes the well-formed model', () => {
    for (const format of FORMATS) expect(() => exportModel(milp(), format)).not.toThrow()
  })

  it.each([
    ['a NaN cost', { colCost: Float64Array.of(Number.NaN, 1) }, 'column 0: cost NaN is not a finite number'],
    [
      'an infinite cost',
      { colCost: Float64Array.of(1, Infinity) },
      'column 1: cost Infinity is not a finite number',
    ],
    ['a NaN coefficient', { rowValue: Float64Array.of(Number.NaN, 1) }, 'matrix entry 0: coefficient NaN'],
    [
      'an infinite coefficient',
      { rowValue: Float64Array.of(1, -Infinity) },
      'matrix entry 1: coefficient -Infinity',
    ],
    [
      'a column index out of range',
      { rowIndex: Int32Array.of(0, 5) },
      'matrix entry 1: column index 5 is outside the 2 columns',
    ],
    [
      'row starts too short',
      { rowStarts: Int32Array.of(0) },
      'rowStarts: 1 entries, expected 2 (one per row, and one more)',
    ],
    ['row starts past the entries', { rowStarts: Int32Array.of(0, 3) }, 'rowStarts: runs from 0 to 3'],
    [
      'more names than columns',
      { colNames: ['x', 'y', 'z'] },
      'colNames: 3 entries, expected 2 (one per column)',
    ],
    [
      'a NaN row bound',
      { rowUpper: Float64Array.of(Number.NaN) },
      'row 0: row upper bound NaN admits no activity',
    ],
    [
      'a lower bound of Infinity',
      { colLower: Float64Array.of(Infinity, 0) },
      'column 0: lower bound Infinity admits no value',
    ],
  ])('%s', async (_, over, fault) => {
    const m = milp(over)
    for (const format of FORMATS) {
      expect(() => exportModel(m, format), format).toThrow(TypeError)
      expect(() => exportModel(m, format), format).toThrow(
        `exportModel: source: expected a Milp that a solver can read, got one with ${fault}`,
      )
    }
    // The HiGHS backend refuses the same model with the same reason.
    const r = await highsSolver.solve(m, {})
    expect([r.status, r.message]).toEqual(['error', expect.stringContaining(fault)])
  })
})
