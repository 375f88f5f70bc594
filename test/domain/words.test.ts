import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  STRUCTURE_CHART_LABELS,
  UI_PHRASES,
  UI_WORDS,
  WARNING_LABELS,
  wordsIn,
} from '../../src/domain/codes.js'

const HAN = /[\u4e00-\u9fff]/

describe('the words of the faces (UI_WORDS)', () => {
  it('says every word in both languages: Chinese in zh, none in en', () => {
    for (const table of [UI_WORDS, STRUCTURE_CHART_LABELS, WARNING_LABELS])
      for (const [key, label] of Object.entries(table)) {
        expect(label.zh, key).toMatch(HAN)
        expect(label.en, key).not.toMatch(HAN)
        expect(label.en.trim(), key).not.toBe('')
      }
    const phrases = [
      UI_PHRASES.reportTitle('某县', '2026-06'),
      UI_PHRASES.violationCount(3),
      UI_PHRASES.curveTitle('张三'),
      UI_PHRASES.curvesShown(12, 40),
    ]
    for (const p of phrases) expect(p.zh).toMatch(HAN)
  })

  it('reads the table in one language', () => {
    expect(wordsIn('zh').summary).toBe(UI_WORDS.summary.zh)
    expect(wordsIn('en').summary).toBe(UI_WORDS.summary.en)
    expect(Object.keys(wordsIn('en'))).toEqual(Object.keys(UI_WORDS))
  })

  it('is the one place the faces take their Chinese from', () => {
    // The report, the workbook and the command line hold no Chinese text of their own
    // (an English help text may gloss a term in brackets: "feedback lists (清单式反馈)").
    for (const dir of ['src/report', 'src/cli'])
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.ts'),
      )) {
        const code = readFileSync(join(dir, file), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
          .join('\n')
          .replace(/\([^()]*\)/g, '')
        expect(code.match(/[\u4e00-\u9fff]+/g) ?? [], `${dir}/${file}`).toEqual([])
      }
  })
})
