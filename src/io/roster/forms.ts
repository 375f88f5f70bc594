/**
 * Appointment-and-removal forms (LRMX) merged into the roster's cadres: each
 * form matched to its cadre by name and birth month fills what the sheets
 * left empty.
 *
 * @module
 */
import { personKey } from '../lrmx/form.js'
import { readLrmx } from '../lrmx/lrmx.js'
import { pathKey, rosterIssue, type Json, type Place, type Reader } from './reader.js'
import type { RosterFile } from './types.js'

/**
 * Fills the cadres the forms match with what the form carries and the sheets
 * left empty. A form that matches no cadre is a warning; one that matches two
 * (same name and birth) is an issue; lines of a form that could not be read
 * are warnings with their field and text. A family member who matches two
 * cadres or more makes no kin link, with a warning naming the member and
 * every cadre id it matches (a member who matches none is no cadre: no link,
 * nothing to say).
 */
export function mergeForms(files: readonly RosterFile[], cadres: Json[], r: Reader): void {
  // Names compared as personKey folds them: 张 三 (a full-width blank) is 张三.
  const nameKey = personKey
  const byName = new Map<string, number[]>()
  cadres.forEach((c, i) => {
    if (typeof c.name === 'string') byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), i])
  })
  const matches = (name: string, birth: string | null): number[] =>
    (byName.get(nameKey(name)) ?? []).filter((i) => birth === null || (cadres[i] as Json).birth === birth)
  const at = (file: string, element: string): Place => ({
    source: file,
    row: null,
    column: null,
    header: element,
  })
  for (const file of files) {
    const read = readLrmx(file.data, file.name)
    if (read._tag === 'Left') {
      for (const i of read.left.issues)
        r.issues.push(
          rosterIssue(
            at(file.name, i.field ?? '(form)'),
            i.expected,
            i.text === '' ? 'nothing' : JSON.stringify(i.text),
          ),
        )
      continue
    }
    const { form, unread } = read.right
    for (const u of unread)
      r.warnings.push({ source: file.name, message: `${u.field ?? ''}: not read: ${u.text}` })
    const found = matches(form.name, form.birth)
    if (found.length !== 1) {
      if (found.length === 0)
        r.warnings.push({
          source: file.name,
          message: `form of ${form.name} matches no cadre of the roster: not read`,
        })
      else
        r.issues.push(
          rosterIssue(
            at(file.name, 'XingMing'),
            'a form that matches one cadre (name and birth month)',
            `${found.length} cadres named ${JSON.stringify(form.name)}`,
          ),
        )
      continue
    }
    const ci = found[0] as number
    const c = cadres[ci] as Json
    const fill = (key: string, element: string, value: unknown) => {
      r.places.set(pathKey(['cadres', ci, key]), at(file.name, element))
      c[key] = value
    }
    if ((c.history as Json[]).length === 0 && form.history.length > 0)
      fill(
        'history',
        'JianLi',
        form.history.map((h) => ({ ...h })),
      )
    if ((c.assessments as Json[]).length === 0 && form.assessments.length > 0)
      fill(
        'assessments',
        'NianDuKaoHeJieGuo',
        form.assessments.map((a) => ({ ...a })),
      )
    if ((c.kin as Json[]).length === 0) {
      const kin: Json[] = []
      form.family.forEach((m, i) => {
        if (m.relation === null) return
        const k = matches(m.name, m.birth).filter((j) => j !== ci)
        if (k.length === 1) kin.push({ cadreId: (cadres[k[0] as number] as Json).id, relation: m.relation })
        else if (k.length > 1) {
          // Never guessed, never dropped unsaid: a link left out is a kin pair avoidance cannot see.
          const ids = k.map((j) => JSON.stringify((cadres[j] as Json).id)).join(', ')
          r.warnings.push({
            source: file.name,
            message:
              `JiaTingChengYuan[${i}] (${m.title} ${m.name}): matches ${k.length} cadres of the roster ` +
              `${m.birth === null ? 'by name (the form gives no birth month)' : 'by name and birth month'}, ${ids}: ` +
              `no kin link made, so kin avoidance does not see it; give the link in the kin sheet (亲属)`,
          })
        }
      })
      if (kin.length > 0) fill('kin', 'JiaTingChengYuan', kin)
    }
    if (c.workStart === undefined && form.workStart !== null)
      fill('workStart', 'CanJiaGongZuoShiJian', form.workStart)
    if (c.partyJoined === undefined && form.partyJoined !== null)
      fill('partyJoined', 'RuDangShiJian', form.partyJoined)
    if (c.hometown === undefined && form.ancestralHome !== '') fill('hometown', 'JiGuan', form.ancestralHome)
  }
}
