/**
 * Word lists of the fictional sample county: the banner and its neighbours,
 * syllables from which person and place names are built, the specialty
 * taxonomy, and the units whose leadership teams the county staffs. Every name
 * is assembled at random from common parts; no real person is meant.
 *
 * @module
 */

/** The sample county (旗, banner) in an autonomous region; fictional. */
export const COUNTY = '青山旗'

/** Fictional neighbouring counties, the home county (成长地) of non-local cadres. */
export const NEIGHBOURS: readonly string[] = ['白泉旗', '沙湖旗', '云岭县', '北泉县', '金川旗', '榆岭县']

/** Ethnicity codes used by the generator; `han` is the majority. */
export const ETHNICITIES = ['han', 'mongol', 'hui', 'manchu', 'daur'] as const

const chars = (s: string): readonly string[] => [...s]
const words = (s: string): readonly string[] => s.split(' ')

/** Common Han surnames. */
export const HAN_SURNAMES = chars(
  '王李张刘陈杨赵黄周吴徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏付方邹孟熊秦邱江尹薛闫段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔向汤',
)

/** Surnames used with Han-style given names by the other ethnicities. */
export const ETHNIC_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  mongol: chars('包白宝鲍韩齐乌那额特吴陈'),
  hui: chars('马白杨丁沙纳哈穆海米'),
  manchu: chars('关富那佟金赵罗郎索'),
  daur: chars('敖郭孟何苏金吴鄂'),
}

/** Given-name characters. */
export const GIVEN: Readonly<Record<'male' | 'female', readonly string[]>> = {
  male: chars('伟强磊军勇杰涛明超刚平辉鹏华飞鑫波宁斌宇浩凯健俊帆旭志建国海东文晓振博立永庆学春成兵林峰亮毅'),
  female: chars('芳娜敏静丽艳娟霞燕玲婷雪慧红梅琳颖莉萍秀晶欣悦蕾倩洁月佳英璐瑶媛丹彤露'),
}

/** Parts of Mongolian given names (first part, optional second part). */
export const MONGOL_GIVEN: Readonly<
  Record<'male' | 'female', readonly [readonly string[], readonly string[]]>
> = {
  male: [
    words(
      '巴特 额尔敦 乌力吉 苏和 朝鲁 宝音 那顺 孟和 图门 布和 哈斯 特木尔 达来 胡日查 阿拉坦 毕力格 敖日格勒',
    ),
    words('巴特尔 朝克图 宝力道 仓 达赖 毕力格 巴雅尔 苏和 德力格尔'),
  ],
  female: [
    words('斯琴 乌云 萨仁 图雅 娜仁 其木格 塔娜 高娃 格日勒 萨日娜 乌日娜 托雅 敖登 琪琪格'),
    words('高娃 其其格 图雅 花 塔娜 格日勒 托娅'),
  ],
}

/** Parts of township (苏木 and 镇/乡) names. */
export const PLACE_PARTS = {
  sumu: [
    words('巴彦 乌兰 查干 哈日 阿拉坦 额尔敦 宝日 锡林 希日 温都尔 呼和 那仁 伊和 图门 赛罕'),
    words('塔拉 高勒 诺尔 敖包 布拉格 乌苏 陶勒盖 哈达 宝力格 花'),
  ],
  town: [words('青 红 白 石 柳 杏 新 东 西 南 北 金 五 三 双'), words('山 河 泉 井 沟 营子 台 庄 堡 湾')],
} as const

/**
 * The specialty taxonomy (专业: 类别/领域/行业). Post and team demands use
 * these codes or their prefixes.
 */
export const SPECIALTIES: readonly string[] = words(
  [
    'economy/finance/banking economy/finance/tax economy/finance/budget economy/commerce/trade',
    'economy/commerce/regulation economy/planning/development economy/planning/statistics',
    'agriculture/farming/grain agriculture/livestock/grassland agriculture/livestock/dairy',
    'agriculture/forestry/afforestation law/justice/courts law/justice/procuratorate',
    'law/public-security/policing law/legal-affairs/administration education/schooling/basic',
    'education/schooling/vocational health/medicine/public-health health/medicine/hospital',
    'engineering/construction/urban engineering/water/irrigation engineering/transport/roads',
    'energy/mining/coal energy/power/renewables environment/ecology/grassland-protection',
    'environment/pollution/control environment/land/resources party/organization/personnel',
    'party/propaganda/media party/discipline/inspection party/united-front/ethnic-affairs',
    'governance/grassroots/village governance/emergency/safety governance/social/civil-affairs',
    'social/poverty/relief social/labour/employment culture/heritage/tourism',
  ].join(' '),
)

/** A county unit whose leadership team is staffed: name, head title, team specialties, titular flag. */
export interface UnitTemplate {
  readonly name: string
  readonly head: string
  readonly specialties: readonly string[]
  /** The unit serves the titular ethnicity (a Mongolian school, hospital, troupe): needs a titular member. */
  readonly titular: boolean
  readonly kind: 'department' | 'agency'
}

// name|head title|specialty codes (space separated); a trailing * marks a titular unit
const UNIT_ROWS = `
发展和改革委员会|主任|economy/planning/development
财政局|局长|economy/finance/budget
审计局|局长|economy/finance
统计局|局长|economy/planning/statistics
工业和信息化局|局长|energy economy/commerce
能源局|局长|energy/mining/coal energy/power
农牧局|局长|agriculture/livestock agriculture/farming
林业和草原局|局长|environment/ecology/grassland-protection agriculture/forestry
水利局|局长|engineering/water/irrigation
自然资源局|局长|environment/land/resources
住房和城乡建设局|局长|engineering/construction/urban
交通运输局|局长|engineering/transport/roads
教育体育局|局长|education/schooling
卫生健康委员会|主任|health/medicine/public-health
医疗保障局|局长|health/medicine
民政局|局长|governance/social/civil-affairs
人力资源和社会保障局|局长|social/labour/employment
司法局|局长|law/legal-affairs
应急管理局|局长|governance/emergency/safety
生态环境分局|局长|environment/pollution/control
文化旅游体育局|局长|culture/heritage/tourism
乡村振兴局|局长|social/poverty/relief governance/grassroots
民族事务委员会|主任|party/united-front/ethnic-affairs*
市场监督管理局|局长|economy/commerce/regulation
退役军人事务局|局长|governance/social
信访局|局长|governance/grassroots
政务服务局|局长|governance
商务局|局长|economy/commerce/trade
粮食和物资储备局|局长|agriculture/farming/grain
城市管理综合执法局|局长|engineering/construction/urban law
国有资产管理局|局长|economy/finance
科学技术局|局长|energy/power/renewables education
工业园区管理委员会|主任|economy/planning energy
融媒体中心|主任|party/propaganda/media
旗委党校|常务副校长|party/propaganda
档案馆|馆长|party/organization
供销合作社|主任|economy/commerce/trade
公共资源交易中心|主任|economy/finance
疾病预防控制中心|主任|health/medicine/public-health
人民医院|院长|health/medicine/hospital
蒙医医院|院长|health/medicine/hospital*
妇幼保健院|院长|health/medicine
第一中学|校长|education/schooling/basic
蒙古族中学|校长|education/schooling/basic*
职业中学|校长|education/schooling/vocational
实验小学|校长|education/schooling/basic
乌兰牧骑|队长|culture/heritage/tourism*
图书馆|馆长|culture/heritage
农牧业技术推广中心|主任|agriculture/livestock/grassland agriculture/farming
动物疫病预防控制中心|主任|agriculture/livestock
草原工作站|站长|environment/ecology/grassland-protection
国有林场|场长|agriculture/forestry/afforestation
水利工程管理站|站长|engineering/water/irrigation
不动产登记中心|主任|environment/land/resources
住房公积金管理中心|主任|economy/finance/banking
城市投资发展公司|总经理|economy/finance/banking engineering/construction
水务公司|总经理|engineering/water
总工会|主席|social/labour/employment
妇女联合会|主席|governance/social/civil-affairs
共青团委员会|书记|party/propaganda
工商业联合会|主席|economy/commerce/trade
科学技术协会|主席|education
残疾人联合会|理事长|governance/social/civil-affairs
红十字会|常务副会长|health/medicine
气象局|局长|environment
税务局|局长|economy/finance/tax
`

/** The departments (局, 委) and agencies (中心, 院, 校, …) of the county. */
export const UNITS: readonly UnitTemplate[] = UNIT_ROWS.trim()
  .split('\n')
  .map((row) => {
    const [name = '', head = '', specs = ''] = row.split('|')
    const titular = specs.endsWith('*')
    const kind = /(局|委员会|分局)$/.test(name) ? 'department' : 'agency'
    return { name, head, specialties: words(specs.replace('*', '')), titular, kind }
  })
