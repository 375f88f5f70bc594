/**
 * The HTML report in a real browser: the sample county's report, and a report
 * of a hostile roster (names with `<script>`, quotes, ampersands, right-to-left
 * and very long text), opened in Debian Chromium driven by playwright-core.
 * Checks: the six structure charts and the appointees' assessment curves are
 * there as SVG, the reserve pools' table too, no console error, no network
 * request of any kind (the page is loaded from a file; any other request is
 * counted and blocked), and nothing of the roster runs (no script, no dialog,
 * no marker set on `window`). Writes a screenshot of each for review to
 * `bench/results/report-*.png`.
 * Run: `npx tsx scripts/report-browser.ts` (`npm run report:browser`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CHROMIUM, launchChromium } from './chromium.js'
import type { Scenario } from '../src/domain/types.js'
import { explainProposal, generateScenario, sampleScenario, solve } from '../src/index.js'
import { renderReport } from '../src/report.js'

const OUT = resolve('bench/results')

/** A small county whose every name and title is an attempt to break out of the page. */
function hostile(): Scenario {
  const s = generateScenario({ seed: 5, cadres: 80, teams: 8 })
  const evil = [
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=2">',
    "'; alert(1); '",
    'A & B <b>bold</b>',
    '\u202Eمرحبا\u202C عربي',
    '很'.repeat(400),
  ]
  const pick = (i: number) => evil[i % evil.length] as string
  return {
    ...s,
    county: `<svg onload="window.__pwned=3">`,
    cadres: s.cadres.map((c, i) => ({ ...c, name: `${pick(i)}${i}` })),
    teams: s.teams.map((t, i) => ({
      ...t,
      name: `${pick(i + 1)}${i}`,
      posts: t.posts.map((p, j) => ({ ...p, title: `${pick(i + j + 2)}` })),
    })),
  }
}

async function html(s: Scenario): Promise<string> {
  const r = await solve(s)
  if (r._tag === 'Left') throw new Error(`${r.left._tag}: ${r.left.message}`)
  const e = await explainProposal(s, r.right, { costs: 'none' })
  const page = await renderReport(s, {
    proposal: r.right,
    explanation: e._tag === 'Right' ? e.right : undefined,
  })
  if (page._tag === 'Left') throw new Error(page.left.message)
  return page.right
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `report in browser: ${CHROMIUM} not found; install Debian Chromium (apt-get install -y chromium).`,
    )
    return 1
  }
  mkdirSync(OUT, { recursive: true })
  const browser = await launchChromium()
  const failures: string[] = []
  try {
    for (const [name, scenario] of [
      ['sample', sampleScenario()],
      ['hostile', hostile()],
    ] as const) {
      const file = join(OUT, `report-${name}.html`)
      writeFileSync(file, await html(scenario))
      const context = await browser.newContext({ viewport: { width: 1200, height: 1600 } })
      const page = await context.newPage()
      const requests: string[] = []
      const errors: string[] = []
      let dialogs = 0
      await context.route('**/*', (route) => {
        const url = route.request().url()
        if (url === `file://${file}`) return route.continue()
        requests.push(url)
        return route.abort()
      })
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('dialog', (d) => {
        dialogs++
        void d.dismiss()
      })
      await page.goto(`file://${file}`)
      const facts = await page.evaluate(() => ({
        charts: document.querySelectorAll('.chart:not(.curve) > svg').length,
        curves: document.querySelectorAll('.chart.curve > svg').length,
        reserve: document.querySelectorAll('[data-section="reserve"] tr').length,
        scripts: document.querySelectorAll('script').length,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        text: document.body.innerText.length,
        literal: document.body.innerText.includes('<script>window.__pwned=1</script>'),
      }))
      await page.screenshot({ path: join(OUT, `report-${name}.png`), fullPage: false })
      await context.close()
      const where = `${name}:`
      if (facts.charts !== 6) failures.push(`${where} ${facts.charts} charts as SVG, expected 6`)
      if (facts.curves < 1 || facts.curves > 12)
        failures.push(`${where} ${facts.curves} assessment curves as SVG, expected 1 to 12`)
      if (facts.reserve !== 5) failures.push(`${where} reserve table of ${facts.reserve} rows, expected 5`)
      if (facts.scripts !== 0) failures.push(`${where} ${facts.scripts} script elements`)
      if (facts.pwned !== null) failures.push(`${where} roster text ran as code (marker ${facts.pwned})`)
      if (dialogs > 0) failures.push(`${where} ${dialogs} dialogs opened`)
      if (name === 'hostile' && !facts.literal)
        failures.push(`${where} a name with <script> is not shown as text`)
      if (errors.length > 0) failures.push(`${where} console errors: ${errors.join('; ')}`)
      if (requests.length > 0) failures.push(`${where} network requests: ${requests.join(', ')}`)
      console.log(
        `report in browser (${name}): ${facts.charts} charts, ${facts.curves} curves, ${facts.text} characters of text, ${requests.length} requests, ${errors.length} errors; screenshot ${join(OUT, `report-${name}.png`)}`,
      )
    }
  } finally {
    await browser.close()
  }
  if (failures.length > 0) {
    console.error(`report in browser: FAILED — ${failures.join('; ')}`)
    return 1
  }
  return 0
}

process.exitCode = await main()
