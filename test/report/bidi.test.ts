import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/domain/types.js'
import { explainProposal, rankProposals, solve } from '../../src/proposals/index.js'
import type { Explanation, RankedProposal } from '../../src/proposals/index.js'
import type { Proposal } from '../../src/domain/proposal.js'
import { esc, renderReport, toHtml } from '../../src/report/html.js'
import { escAttr } from '../../src/report/sections.js'
import { generateScenario } from '../../src/sample/index.js'

// A right-to-left override (U+202E) or any other bidirectional control in one user string must not
// change how the text after it is shown: `Cadre2‮ (50.3)，Cadre46 (49.1)` was shown
// `Cadre2(1.94) 64erdaC，(3.05)` — one hostile name falsified the fit scores of the others.

/** Unicode's Bidi_Control characters: ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const CONTROLS = [...'\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069']
/** Paragraph separators of the bidirectional algorithm (class B) that HTML does not turn into blanks. */
const SEPARATORS = [...'\u2029\u001C\u001D\u001E\u0085']
const ANY_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
const FSI = '\u2068'
const PDI = '\u2069'
/** Hebrew and Arabic letters, strong right-to-left. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE]/u

/** The strings isolated by FSI … PDI taken out: what is left is the text around the user strings. */
const outsideIsolates = (text: string): string => text.replace(/\u2068[^\u2066-\u2069]*\u2069/gu, '')

describe('esc: a user string cannot change how the text around it is shown', () => {
  it('replaces every bidirectional control and paragraph separator by a visible U+FFFD, in text and attributes', () => {
    for (const c of [...CONTROLS, ...SEPARATORS]) {
      expect(esc(`Cadre2${c} (50.3)`)).toBe('Cadre2\uFFFD (50.3)')
      expect(escAttr(`C${c}1`)).toBe('C\uFFFD1')
    }
    // Two names that differ by a control alone do not look the same.
    expect(esc('张三\u2066')).not.toBe(esc('张三'))
  })

  it('isolates a string that holds right-to-left text, and leaves the others as they are', () => {
    expect(esc('אב')).toBe(`${FSI}אב${PDI}`)
    expect(esc('محمد <b>')).toBe(`${FSI}محمد &lt;b&gt;${PDI}`)
    expect(esc('אב\u202E12')).toBe(`${FSI}אב\uFFFD12${PDI}`)
    expect(esc('张三')).toBe('张三')
    expect(esc('Cadre2 (50.3)')).toBe('Cadre2 (50.3)')
    expect(esc('<script>alert("x")</script>&\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    )
    // An attribute value is never wrapped: only its controls go.
    expect(escAttr('אב')).toBe('אב')
  })

  it('property: what esc gives holds no control but the isolate it adds, and any right-to-left text inside one', () => {
    const unit = fc.constantFrom(
      ...CONTROLS,
      ...SEPARATORS,
      'א',
      'ب',
      '٣',
      '张',
      'a',
      '1',
      ' ',
      '(',
      '<',
      '&',
      '\n',
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
        const e = esc(s)
        const inner = e.startsWith(FSI) && e.endsWith(PDI) ? e.slice(1, -1) : e
        expect(inner).not.toMatch(ANY_CONTROL)
        for (const c of SEPARATORS) expect(inner).not.toContain(c)
        expect(outsideIsolates(e)).not.toMatch(RTL)
        expect(escAttr(s)).not.toMatch(ANY_CONTROL)
      }),
      { numRuns: 500, seed: 41 },
    )
  })
})

describe('the rendered report', () => {
  const base = generateScenario({ seed: 31, cadres: 120, teams: 12 })
  // Hostile and right-to-left names all over: every third cadre's name ends in a right-to-left override,
  // every fifth is in Hebrew with an override (for the curves' titles), every other team is named in
  // Arabic with a right-to-left isolate it never closes, the county in Hebrew.
  const scenario: Scenario = {
    ...base,
    county: 'קריית',
    cadres: base.cadres.map((c, i) =>
      i % 5 === 0 ? { ...c, name: `אבג${i}\u202Eabc` } : i % 3 === 0 ? { ...c, name: `${c.name}\u202E` } : c,
    ),
    teams: base.teams.map((t, i) => (i % 2 === 0 ? { ...t, name: `مجلس${i}\u2067` } : t)),
  }
  let proposal: Proposal
  let explanation: Explanation
  let ranked: readonly RankedProposal[]

  beforeAll(async () => {
    const r = await solve(scenario)
    if (r._tag === 'Left') throw new Error(r.left.message)
    proposal = r.right
    const e = await explainProposal(scenario, proposal)
    if (e._tag === 'Left') throw new Error(e.left.message)
    explanation = e.right
    const k = await rankProposals(scenario, { k: 2 })
    if (k._tag === 'Left') throw new Error(k.left.message)
    ranked = k.right
  })

  async function page(lang: 'zh' | 'en'): Promise<string> {
    const r = await renderReport(scenario, { proposal, explanation, ranked }, { lang })
    if (r._tag === 'Left') throw new Error(r.left.message)
    return r.right
  }

  /** The page's HTML text nodes and attribute values (its SVG charts aside), and its SVG charts. */
  function parts(html: string): { texts: string[]; attributes: string[]; svgs: string[] } {
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])
    const outside = html.replace(/<svg[\s\S]*?<\/svg>/g, '')
    return {
      texts: [...outside.matchAll(/>([^<]*)</g)].map((m) => m[1] as string),
      attributes: [...outside.matchAll(/="([^"]*)"/g)].map((m) => m[1] as string),
      svgs,
    }
  }

  it('no user string reaches the text around it: controls shown as U+FFFD, right-to-left text isolated', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = await page(lang)
      // (Booleans, not the page: a failure would print it whole.)
      expect(html.includes('\u202E')).toBe(false)
      expect(html.includes('\u2067')).toBe(false)
      const { texts, attributes, svgs } = parts(html)
      for (const text of texts) {
        const around = outsideIsolates(text)
        expect(around, text).not.toMatch(ANY_CONTROL)
        expect(around, text).not.toMatch(RTL)
      }
      for (const a of attributes) expect(a).not.toMatch(ANY_CONTROL)
      for (const svg of svgs) expect(svg).not.toMatch(ANY_CONTROL)

      // The other candidates: each name with its fit right after it, in order.
      const others = texts.filter((t) => t.includes(lang === 'zh' ? '其他人选' : 'other candidates'))
      expect(others.length).toBeGreaterThan(0)
      expect(others.some((t) => /\uFFFD \(\d+\.\d\)/.test(t))).toBe(true)
      expect(others.some((t) => /\u2068אבג\d+\uFFFDabc\u2069 \(\d+\.\d\)/.test(t))).toBe(true)
      // The county's name isolated from the month in the title; the Arabic team's name in its card.
      expect(
        html.includes(
          lang === 'zh'
            ? '<h1>\u2068קריית\u2069领导班子配备方案'
            : '<h1>Staffing proposal for \u2068קריית\u2069 (',
        ),
      ).toBe(true)
      expect(/<h3>\u2068مجلس\d+\uFFFD\u2069<\/h3>/.test(html)).toBe(true)
      // The ranking's differing posts: the team's name isolated from the post's title after it.
      expect(/<td>\u2068مجلس\d+\uFFFD\u2069 [^<]+(：|: )/.test(html)).toBe(true)
      // A Hebrew name with an override in an assessment curve's title: the control shown, not obeyed.
      expect(svgs.some((s) => /אבג\d+\uFFFDabc/.test(s))).toBe(true)
    }
  })

  it('toHtml, the notebook fragment, escapes the same way', () => {
    const html = toHtml(scenario, proposal, { explanation })
    expect(html).not.toContain('\u202E')
    expect(outsideIsolates(html)).not.toMatch(ANY_CONTROL)
    for (const text of parts(html).texts) {
      expect(outsideIsolates(text)).not.toMatch(ANY_CONTROL)
      expect(outsideIsolates(text)).not.toMatch(RTL)
    }
  })
})
