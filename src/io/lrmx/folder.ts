/**
 * Forms to and from the roster: a cadre of a scenario as the form the
 * department files (`formOfCadre`), and a folder of LRMX files read at once,
 * with the family members that are themselves in the folder turned into kin
 * links (`readLrmxFolder`).
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { ethnicityLabel } from '../../domain/ethnicity.js'
import type { Cadre, KinRelation, Scenario } from '../../domain/types.js'
import {
  checkOptions,
  invalidArgument,
  scenarioArgument,
  stringOption,
  type InvalidArgument,
  type InvalidOptions,
  type OptionSpec,
} from '../door.js'
import { dottedMonth, EDUCATION_WORDS, KIN_WORDS, PARTY_WORDS } from '../roster/values.js'
import { personKey, type LrmxForm, type LrmxRelative } from './form.js'
import { readLrmx, type LrmxIssue } from './lrmx.js'

const EMPTY_EDUCATION = { level: '', degree: '', school: '', degreeSchool: '' }

/** No cadre of the scenario has this id. @category LRMX */
export interface UnknownCadre {
  readonly _tag: 'UnknownId'
  readonly id: string
  readonly message: string
}

/** The checks of `formOfCadre`'s `proposed` texts. */
const PROPOSED_SPEC: OptionSpec = { post: stringOption, removed: stringOption, reason: stringOption }

/**
 * The form (干部任免审批表) of one cadre of a scenario, for `writeLrmx`: what
 * the scenario knows of the cadre — personal data, education, current post
 * (the team's name and the post's title), résumé, assessments, and the kin
 * who are cadres of the roster as family members. What the scenario does not
 * hold (photo, id number, schools, rewards) is left empty. Never throws:
 * `scenario` not a decoded scenario or `cadreId` not a string answers
 * `InvalidArgument`, `proposed` not an object of texts `InvalidOptions`
 * (its path starting `proposed`), an id no cadre has `UnknownId`.
 *
 * @param scenario - a decoded scenario
 * @param cadreId - the cadre's id
 * @param proposed - the post proposed for the cadre (拟任职务), the post to leave (拟免职务) and the reason (任免理由), as text
 * @category LRMX
 */
export function formOfCadre(
  scenario: Scenario,
  cadreId: string,
  proposed: { readonly post?: string; readonly removed?: string; readonly reason?: string } = {},
): Either<UnknownCadre | InvalidArgument | InvalidOptions, LrmxForm> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null) return left(notScenario)
  if (typeof cadreId !== 'string') return left(invalidArgument('cadreId', 'a cadre id (a string)', cadreId))
  const texts = checkOptions<typeof proposed>(proposed, PROPOSED_SPEC, 'proposed')
  if (texts._tag === 'Left') return texts
  const byId = new Map(scenario.cadres.map((c) => [c.id, c]))
  const cadre = byId.get(cadreId)
  if (cadre === undefined)
    return left({ _tag: 'UnknownId', id: cadreId, message: `no cadre with id ${JSON.stringify(cadreId)}` })
  const postTitle = new Map<string, string>()
  for (const t of scenario.teams) for (const p of t.posts) postTitle.set(p.id, `${t.name}${p.title}`)
  const postOf = (c: Cadre) => (c.currentPost === null ? '' : (postTitle.get(c.currentPost.postId) ?? ''))
  const level = EDUCATION_WORDS[cadre.education.level][0] ?? cadre.education.level
  const family: LrmxRelative[] = cadre.kin.flatMap((k) => {
    const kin = byId.get(k.cadreId)
    if (kin === undefined) return []
    return [
      {
        title: KIN_WORDS[k.relation][0] as string,
        relation: k.relation,
        name: kin.name,
        birth: kin.birth,
        birthText: dottedMonth(kin.birth),
        party: PARTY_WORDS[kin.party][0] ?? '',
        work: postOf(kin),
      },
    ]
  })
  return right({
    name: cadre.name,
    gender: cadre.gender,
    birth: cadre.birth,
    ethnicity: ethnicityLabel(cadre.ethnicity).zh,
    ancestralHome: cadre.hometown,
    birthplace: '',
    partyJoined: cadre.partyJoined,
    party: cadre.party,
    workStart: cadre.workStart,
    health: '',
    professionalTitle: '',
    expertise: cadre.specialties.map((s) => s.code).join('、'),
    fullTimeEducation: cadre.education.fullTime ? { ...EMPTY_EDUCATION, level } : EMPTY_EDUCATION,
    inServiceEducation: cadre.education.fullTime ? EMPTY_EDUCATION : { ...EMPTY_EDUCATION, level },
    currentPost: postOf(cadre),
    proposedPost: proposed.post ?? '',
    removedPost: proposed.removed ?? '',
    history: cadre.history,
    rewards: '',
    assessments: cadre.assessments.map((a) => ({ year: a.year, grade: a.grade })),
    reason: proposed.reason ?? '',
    family,
    submittingUnit: '',
    asOf: scenario.asOf,
    filledOn: null,
    filledBy: '',
    idNumber: '',
    photo: null,
  })
}

/** A kin link found between two forms of a folder. @category LRMX */
export interface LrmxKinLink {
  /** The file whose form names the relative. */
  readonly file: string
  /** The file of the relative's own form. */
  readonly kinFile: string
  readonly relation: KinRelation
}

/** A folder of forms read: each form with its file, the kin links among them, and everything not read. @category LRMX */
export interface LrmxFolder {
  readonly forms: readonly { readonly file: string; readonly form: LrmxForm }[]
  readonly kin: readonly LrmxKinLink[]
  /** Files refused, lines not read, relatives that match two forms. */
  readonly issues: readonly LrmxIssue[]
}

/**
 * Reads a folder of LRMX files (given as `{ name, data }`) into one list of
 * forms. A family member who has a form of his or her own in the folder —
 * the same name (blanks and full-width forms aside, as the roster's merge
 * reads them), and the same birth month when both say one — becomes a kin
 * link between the two files; one who matches two forms is reported, never
 * guessed. A refused file is reported and the others are still read; the
 * answer is `Left` only when no file could be read.
 *
 * @param files - the files' names and bytes (or text)
 * @category LRMX
 */
export function readLrmxFolder(
  files: readonly { readonly name: string; readonly data: Uint8Array | string }[],
): Either<{ readonly _tag: 'InvalidLrmx'; readonly issues: readonly LrmxIssue[] }, LrmxFolder> {
  const issues: LrmxIssue[] = []
  const forms: { file: string; form: LrmxForm }[] = []
  if (!Array.isArray(files))
    return left({
      _tag: 'InvalidLrmx',
      issues: [
        {
          file: '(folder)',
          field: null,
          text: String(files),
          expected: 'a list of files',
          message: '(folder): expected a list of files',
        },
      ],
    })
  for (const f of files) {
    const name = typeof f?.name === 'string' ? f.name : '(unnamed)'
    const r = readLrmx(f?.data as Uint8Array | string, name)
    if (r._tag === 'Left') issues.push(...r.left.issues)
    else {
      forms.push({ file: name, form: r.right.form })
      issues.push(...r.right.unread)
    }
  }
  const byName = new Map<string, { file: string; form: LrmxForm }[]>()
  // Names matched as the roster's merge matches them (personKey): 张 三 on one form is 张三 on another.
  for (const f of forms) {
    const key = personKey(f.form.name)
    byName.set(key, [...(byName.get(key) ?? []), f])
  }
  const kin: LrmxKinLink[] = []
  for (const f of forms)
    f.form.family.forEach((m, i) => {
      if (m.relation === null) return
      const same = (byName.get(personKey(m.name)) ?? []).filter(
        (o) => o.file !== f.file && (m.birth === null || o.form.birth === null || o.form.birth === m.birth),
      )
      if (same.length === 1)
        kin.push({ file: f.file, kinFile: (same[0] as { file: string }).file, relation: m.relation })
      else if (same.length > 1) {
        const text = `${m.title} ${m.name}`
        const expected = `one form for this relative (${same.map((o) => o.file).join(', ')} match)`
        issues.push({
          file: f.file,
          field: `JiaTingChengYuan[${i}]`,
          text,
          expected,
          message: `${f.file} JiaTingChengYuan[${i}]: expected ${expected}, got ${JSON.stringify(text)}`,
        })
      }
    })
  if (forms.length === 0 && files.length > 0) return left({ _tag: 'InvalidLrmx', issues })
  return right({ forms, kin, issues })
}
