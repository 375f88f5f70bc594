/**
 * A staffing meeting: one county solved, then re-solved after each small edit
 * (lock this person, forbid that pair, raise a quota). A session keeps the
 * model and starts every re-solve from the last optimum, so each answer comes
 * in a fraction of the first solve's time and is as exact.
 *
 *   npx tsx examples/session.ts
 */
import { createSession, generateScenario, validateProposal } from '../src/index.js'
import type { Proposal } from '../src/index.js'

const county = generateScenario({ seed: 2026, cadres: 600, openShare: 0.3 })
const session = createSession(county)

const timed = async (what: string): Promise<Proposal | null> => {
  const t = performance.now()
  const r = await session.solve()
  const ms = performance.now() - t
  if (r._tag === 'Left') {
    console.log(`${what}: ${r.left._tag} (${r.left.message.split('\n')[0]}), ${ms.toFixed(0)} ms`)
    return null
  }
  console.log(`${what}: ${r.right.status}, objective ${r.right.objective.toFixed(3)}, ${ms.toFixed(0)} ms`)
  return r.right
}

const first = (await timed('first solve (cold)'))!

// Lock the runner-up of the first open post: the dearest eligible cadre the proposal left out.
const { model } = session
const post = county.openPosts[0]!
let runnerUp: string | null = null
let best = -Infinity
for (let k = model.eligibility.postStart[0]!; k < model.eligibility.postStart[1]!; k++) {
  const cadreId = county.cadres[model.eligibility.cadre[k]!]!.id
  const cost = model.milp.colCost[model.pairCol[k]!]!
  if (!first.assignments.some((a) => a.cadreId === cadreId) && cost > best) {
    best = cost
    runnerUp = cadreId
  }
}
const locked = session.lock(runnerUp!, post)
if (locked._tag === 'Left') throw new Error(locked.left.message)
const afterLock = (await timed(`lock ${runnerUp} → ${post} (warm)`))!

// Raise hard women quotas to two, one team at a time; a raise the county cannot meet is taken
// back, as the meeting would.
for (const quota of session.model.ruleRows
  .filter((r) => r.hard && r.detail.startsWith('women>='))
  .slice(0, 3)) {
  const name = session.model.milp.rowNames[quota.row]!
  const lower = session.model.milp.rowLower[quota.row]!
  const upper = session.model.milp.rowUpper[quota.row]!
  const raised = session.setRowBounds(name, 2, Infinity)
  if (raised._tag === 'Left') throw new Error(raised.left.message)
  if ((await timed(`${quota.label} → at least 2 (warm)`)) === null) {
    // Why: the irreducible conflict of the model as edited.
    const d = await session.diagnose()
    if (d._tag === 'Right') for (const m of d.right.conflict) console.log(`  conflict: ${m.label}`)
    session.setRowBounds(name, lower, upper)
  }
}

// An edit the session refuses names what is wrong and leaves the model as it was.
const refused = session.lock('C99999', post)
if (refused._tag === 'Left') console.log(`refused: ${refused.left.message}`)

// The lock holds, and the proposal passes the independent validator with the lock in the scenario.
const withLock = { ...county, locks: [...county.locks, { cadreId: runnerUp!, postId: post }] }
console.log(`lock kept: ${afterLock.assignments.some((a) => a.cadreId === runnerUp && a.postId === post)}`)
console.log(`violations: ${validateProposal(withLock, afterLock).length}`)
