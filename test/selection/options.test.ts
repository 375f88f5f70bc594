/** The door of the selection calls that take an options object: shortlist and recommenderRecord. */
import { describe, expect, it } from 'vitest'
import { generateScenario } from '../../src/sample/index.js'
import { recommenderRecord, shortlist } from '../../src/selection/index.js'

const scenario = generateScenario({ seed: 3, cadres: 40, teams: 4 })

describe('shortlist at the door', () => {
  it('refuses null or a number for options as a typed Left, not a TypeError or the defaults', async () => {
    for (const options of [null, 2025])
      expect(await shortlist(scenario, options as never)).toEqual({
        _tag: 'Left',
        left: {
          _tag: 'InvalidOptions',
          issues: [
            {
              path: ['options'],
              expected: 'an options object (or nothing, for the defaults)',
              got: String(options),
              message: `options: expected an options object (or nothing, for the defaults), got ${options}`,
            },
          ],
          message: `options: expected an options object (or nothing, for the defaults), got ${options}`,
        },
      })
  })

  it('refuses a misspelt key naming the key it misses, and solve options that are not an object', async () => {
    expect(await shortlist(scenario, { perpost: 2 } as never)).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidOptions',
        message: 'options.perpost: expected a known option (did you mean "perPost"?), got 2',
      },
    })
    expect(await shortlist(scenario, { solve: 5 } as never)).toMatchObject({
      left: { _tag: 'InvalidOptions', message: 'options.solve: expected an object, got 5' },
    })
  })

  it('refuses what is not a decoded scenario as a Left, not a TypeError from the session', async () => {
    expect(await shortlist({ openPosts: [] } as never)).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidShortlistOptions',
        message: 'scenario: expected a decoded Scenario (call decodeScenario first), got {"openPosts":[]}',
      },
    })
  })

  it('refuses a null perPost or posts rather than take the default, naming the value found', async () => {
    expect(await shortlist(scenario, { perPost: null } as never)).toMatchObject({
      left: {
        _tag: 'InvalidShortlistOptions',
        message: 'options.perPost: expected a whole number in 1–20, got null',
      },
    })
    expect(await shortlist(scenario, { perPost: Number.NaN })).toMatchObject({
      left: { message: 'options.perPost: expected a whole number in 1–20, got NaN' },
    })
    expect(await shortlist(scenario, { posts: null } as never)).toMatchObject({
      left: { message: 'options.posts: expected an array of open post ids, got null' },
    })
  })
})

describe('recommenderRecord at the door', () => {
  it('refuses null or a number for options as a typed Left, not a TypeError or the defaults', () => {
    for (const options of [null, 2025])
      expect(recommenderRecord(scenario, [], '张华', options as never)).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'InvalidOptions',
          message: `options: expected an options object (or nothing, for the defaults), got ${options}`,
        },
      })
  })

  it('refuses a misspelt key naming the key it misses, and names the value of recommendations it cannot read', () => {
    expect(recommenderRecord(scenario, [], '张华', { Recommendations: [] } as never)).toMatchObject({
      left: {
        _tag: 'InvalidOptions',
        message: 'options.Recommendations: expected a known option (did you mean "recommendations"?), got []',
      },
    })
    expect(recommenderRecord(scenario, [], '张华', { recommendations: 5 } as never)).toMatchObject({
      left: {
        _tag: 'InvalidRecordQuery',
        path: 'options.recommendations',
        message: 'options.recommendations: expected an array of recommendations, got 5',
      },
    })
    expect(recommenderRecord(scenario, [], '张华', { note: 'x' } as never)._tag).toBe('Right')
  })
})
