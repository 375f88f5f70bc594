/**
 * Test helpers: a scenario written out as the roster files a department keeps
 * (Chinese headers, one CSV per sheet kind), and as one XLSX workbook. Written
 * here, from the encoded scenario, so that import is tested against data it
 * did not produce.
 */
import ExcelJS from 'exceljs'
import { encodeScenario } from '../../src/io/encode.js'
import type { Scenario } from '../../src/domain/types.js'
import * as V from '../../src/io/roster/values.js'

type Json = Record<string, unknown>
type Row = Record<string, string | number | boolean | null>

const YES = (b: unknown) => (b === true ? '是' : '否')
const MONTH = (m: unknown) => (typeof m === 'string' ? m.replace('-', '.') : '')

/**
 * The sheets of a scenario, each a header list and rows of values, keyed by
 * Chinese sheet name; coded values as codes, or with `words` as the first
 * Chinese word of each code (中共党员, 正科, 乡镇 …).
 */
export function rosterSheets(s: Scenario, words = false): Record<string, { header: string[]; rows: Row[] }> {
  const say = (vocabulary: Readonly<Record<string, readonly string[]>>, code: unknown): string =>
    typeof code !== 'string' ? '' : words ? (vocabulary[code]?.[0] ?? code) : code
  const e = encodeScenario(s) as Json
  const cadres = e.cadres as Json[]
  const teams = e.teams as Json[]
  // Each open post's place in openPosts (1, 2, …): the order proposals list the posts in.
  const place = new Map((e.openPosts as string[]).map((id, i) => [id, i + 1]))
  const sheet = (header: string[], rows: Row[]) => ({ header, rows })
  return {
    干部: sheet(
      [
        '干部编号',
        '姓名',
        '性别',
        '出生年月',
        '民族',
        '政治面貌',
        '入党时间',
        '参加工作时间',
        '学历',
        '学习形式',
        '现任岗位编号',
        '任现职时间',
        '职级',
        '任现职级时间',
        '成长地',
        '气质类型',
        '四类干部',
        '干部类别',
        '破格提拔',
        '档案审核',
        '个人事项核查',
        '纪检意见',
        '信访核查',
        '双签字',
        '廉政结论清白',
        '核查时间',
        '立案审查',
        '处分影响期至',
      ],
      cadres.map((c) => {
        const edu = c.education as Json
        const post = c.currentPost as Json | null
        const ig = c.integrity as Json
        return {
          干部编号: c.id as string,
          姓名: c.name as string,
          性别: c.gender === 'male' ? '男' : '女',
          出生年月: MONTH(c.birth),
          民族: c.ethnicity as string,
          政治面貌: say(V.PARTY_WORDS, c.party),
          入党时间: MONTH(c.partyJoined),
          参加工作时间: MONTH(c.workStart),
          学历: say(V.EDUCATION_WORDS, edu.level),
          学习形式: edu.fullTime === true ? '全日制' : '在职',
          现任岗位编号: post === null ? '' : (post.postId as string),
          任现职时间: post === null ? '' : MONTH(post.since),
          职级: say(V.RANK_WORDS, c.rank),
          任现职级时间: MONTH(c.rankSince),
          成长地: c.hometown as string,
          气质类型: say(V.TEMPERAMENT_WORDS, c.temperament),
          四类干部: (c.reserveGroups as string[]).map((g) => say(V.RESERVE_WORDS, g)).join('、'),
          干部类别: say(V.CATEGORY_WORDS, c.category),
          破格提拔: YES(c.exceptionalPromotion),
          档案审核: YES(ig.fileAudited),
          个人事项核查: YES(ig.personalMattersVerified),
          纪检意见: YES(ig.disciplineOpinionHeard),
          信访核查: YES(ig.complaintsInvestigated),
          双签字: YES(ig.doubleSigned),
          廉政结论清白: YES(ig.clean),
          核查时间: MONTH(ig.checkedOn),
          立案审查: YES(ig.underInvestigation),
          处分影响期至: MONTH(ig.disciplinaryUntil),
        }
      }),
    ),
    班子: sheet(
      [
        '班子编号',
        '班子名称',
        '班子类别',
        '单位',
        '所在地',
        '民族自治地方',
        '主体民族',
        '须有主体民族干部',
        '须有党外干部',
        '专业要求',
        '分管领导岗位',
      ],
      teams.map((t) => {
        const area = t.area as Json
        return {
          班子编号: t.id as string,
          班子名称: t.name as string,
          班子类别: say(V.TEAM_KIND_WORDS, t.kind),
          单位: t.unit as string,
          所在地: t.locality as string,
          民族自治地方: YES(area.ethnicAutonomous),
          主体民族: (area.titularEthnicity as string | null) ?? '',
          须有主体民族干部: YES(t.needsTitularMember),
          须有党外干部: YES(t.needsNonPartyMember),
          专业要求: (t.specialties as string[]).join('、'),
          分管领导岗位: ((t.supervisedBy as string[] | undefined) ?? []).join('、'),
        }
      }),
    ),
    岗位: sheet(
      [
        '岗位编号',
        '班子编号',
        '职务名称',
        '岗位类别',
        '职级',
        '专业要求',
        '特殊角色',
        '免于轮岗',
        '本轮调整',
        '调整顺序',
      ],
      teams.flatMap((t) =>
        (t.posts as Json[]).map((p) => ({
          岗位编号: p.id as string,
          班子编号: t.id as string,
          职务名称: p.title as string,
          岗位类别: say(V.POST_KIND_WORDS, p.kind),
          职级: say(V.RANK_WORDS, p.rank),
          专业要求: (p.specialties as string[]).join('、'),
          特殊角色: say(V.POST_ROLE_WORDS, p.role),
          免于轮岗: YES(p.rotationExempt),
          本轮调整: place.has(p.id as string) ? '是' : '否',
          调整顺序: place.get(p.id as string) ?? null,
        })),
      ),
    ),
    专业: sheet(
      ['干部编号', '专业代码', '有学位', '从事年限', '实绩项数'],
      cadres.flatMap((c) =>
        (c.specialties as Json[]).map((sp) => ({
          干部编号: c.id as string,
          专业代码: sp.code as string,
          有学位: YES(sp.degree),
          从事年限: sp.years as number,
          实绩项数: sp.achievements as number,
        })),
      ),
    ),
    工作经历: sheet(
      ['干部编号', '起始时间', '终止时间', '单位', '职务'],
      cadres.flatMap((c) =>
        (c.history as Json[]).map((h) => ({
          干部编号: c.id as string,
          起始时间: MONTH(h.from),
          终止时间: MONTH(h.to),
          单位: h.unit as string,
          职务: h.post as string,
        })),
      ),
    ),
    亲属: sheet(
      ['干部编号', '亲属干部编号', '关系'],
      cadres.flatMap((c) =>
        (c.kin as Json[]).map((k) => ({
          干部编号: c.id as string,
          亲属干部编号: k.cadreId as string,
          关系: say(V.KIN_WORDS, k.relation),
        })),
      ),
    ),
    考核: sheet(
      ['干部编号', '年度', '考核结果', '分数'],
      cadres.flatMap((c) =>
        (c.assessments as Json[]).map((a) => ({
          干部编号: c.id as string,
          年度: a.year as number,
          考核结果: say(V.GRADE_WORDS, a.grade),
          分数: (a.score as number | null | undefined) ?? null,
        })),
      ),
    ),
  }
}

const csvField = (v: string | number | boolean | null): string => {
  const s = v === null ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One sheet as CSV text. */
export function toCsv(sheet: { header: string[]; rows: Row[] }): string {
  const lines = [sheet.header.map(csvField).join(',')]
  for (const row of sheet.rows) lines.push(sheet.header.map((h) => csvField(row[h] ?? null)).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** The scenario as one XLSX workbook, a sheet per kind. */
export async function toXlsx(s: Scenario, words = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const [name, sheet] of Object.entries(rosterSheets(s, words))) {
    const ws = wb.addWorksheet(name)
    ws.addRow(sheet.header)
    for (const row of sheet.rows) ws.addRow(sheet.header.map((h) => row[h] ?? null))
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** The options a roster of `s` needs besides its files. */
export function optionsOf(s: Scenario) {
  const e = encodeScenario(s) as Json
  return { asOf: s.asOf, county: s.county, policy: e.policy, locks: e.locks, forbidden: e.forbidden }
}

/**
 * The scenario as a roster carries it: without detailed assessment records,
 * and with a team's `supervisedBy: []` as no `supervisedBy` at all. The two
 * mean the same (no supervising post: the decoder's "missing means none", and
 * the validator, the rules' context and the formulation all read a missing
 * list as empty), and a roster has one way to say it, an empty cell; so the
 * round trip is compared up to that equivalence, stated here.
 */
export function rosterPart(s: Scenario): Json {
  const e = encodeScenario(s) as Json
  return {
    ...e,
    cadres: (e.cadres as Json[]).map(({ assessmentRecords: _, ...c }) => c),
    teams: (e.teams as Json[]).map((t) => {
      if (!Array.isArray(t.supervisedBy) || t.supervisedBy.length > 0) return t
      const { supervisedBy: _, ...rest } = t
      return rest
    }),
  }
}
