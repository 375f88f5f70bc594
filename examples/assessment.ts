/**
 * Assessment analytics on the sample county: combined scores (三结合), one
 * cadre's feedback list (清单式反馈), AHP weights for a post profile and the
 * county's candidates to move up and down (能上能下).
 *
 *   npx tsx examples/assessment.ts
 */
import {
  ahpWeights,
  combinedScores,
  feedbackLists,
  INDICATOR_LABELS,
  moveCandidates,
  rankForProfile,
  sampleScenario,
  TRAINING_TOPIC_LABELS,
} from '../src/index.js'

const scenario = sampleScenario()
const scores = combinedScores(scenario)
const label = (code: string): string => INDICATOR_LABELS[code]?.zh ?? code
const f1 = (x: number): string => x.toFixed(1)

// The first cadre (roster order) whose list has both a weakness and a strength, or the first with a weakness.
const lists = feedbackLists(scenario, scores)
const list =
  lists.find((l) => l.weaknesses.length > 0 && l.strengths.length > 0) ??
  lists.find((l) => l.weaknesses.length > 0)
if (list === undefined) throw new Error('no feedback list with a weakness')
const cadre = scenario.cadres.find((c) => c.id === list.cadreId)!
console.log(`反馈清单 feedback list — ${cadre.name} (${cadre.id}), ${list.year}`)
console.log(
  `  combined score 综合得分 ${f1(list.score ?? 0)}, rank ${list.peerRank} of ${list.peers} peers (${cadre.rank})` +
    (list.absent.length > 0 ? `; absent: ${list.absent.join(', ')} (weights renormalised)` : ''),
)
for (const s of list.strengths)
  console.log(`  + ${label(s.indicator)} ${f1(s.value)} vs peers ${f1(s.peerMean)} (z ${s.z.toFixed(2)})`)
for (const w of list.weaknesses)
  console.log(`  − ${label(w.indicator)} ${f1(w.value)} vs peers ${f1(w.peerMean)} (z ${w.z.toFixed(2)})`)
for (const w of list.warnings)
  console.log(
    `  ↓ ${w.subject === 'combined' ? '综合得分' : label(w.subject)}: ${w.values.map(f1).join(' → ')}`,
  )
for (const t of list.training)
  console.log(`  培训 training: ${TRAINING_TOPIC_LABELS[t.topic]?.zh ?? t.topic} (${t.because.join(', ')})`)

// A post profile from a pairwise comparison of three indicators: performance ≻ ability ≻ integrity.
const ahp = ahpWeights([
  [1, 2, 4],
  [1 / 2, 1, 2],
  [1 / 4, 1 / 2, 1],
])
if (ahp._tag === 'Left') throw new Error(ahp.left._tag)
console.log(
  `\nAHP weights ${ahp.right.weights.map((w) => w.toFixed(3)).join(', ')}, CR ${ahp.right.cr.toFixed(3)}`,
)
const [performance, ability, integrity] = ahp.right.weights as [number, number, number]
const ranking = rankForProfile(scenario, { weights: { performance, ability, integrity } }, scores)
if (ranking._tag === 'Right')
  console.log(
    `TOPSIS top 3: ${ranking.right.ranked
      .slice(0, 3)
      .map((r) => `${r.cadreId} ${r.closeness.toFixed(3)}`)
      .join(', ')} (${ranking.right.excluded.length} left out for missing indicators)`,
  )

const moves = moveCandidates(scenario, { scores })
console.log(
  `\n能上能下: ${moves.up.length} to move up 拟提拔使用, ${moves.down.length} to adjust down 拟调整`,
)
for (const m of [...moves.down.slice(0, 3), ...moves.up.slice(0, 3)]) {
  const evidence = m.grades.map((g) => `${g.year} ${g.grade}`).join(', ')
  const latest = m.scores[0]
  console.log(
    `  ${m.direction === 'up' ? '↑' : '↓'} ${m.cadreId} (${m.reason}): ${evidence}` +
      (latest === undefined ? '' : `; combined ${f1(latest.score)} in ${latest.year}`),
  )
}
