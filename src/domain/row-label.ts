/**
 * The public door of `ruleRowLabel` (codes.ts): the label of one rule row,
 * with its arguments checked, so that a wrong code or detail is named
 * rather than failing inside the label table.
 *
 * @module
 */
import { shown } from './shown.js'
import { RULE_LABELS, ruleRowLabel as labelOfRow, type Label, type RuleCode } from './codes.js'

/**
 * The label of one rule row in the user's words, generated from the row's
 * actual bound so the text never contradicts the number: `structure.women`
 * with detail `women>=2` reads "at least 2 women / 至少2名女干部",
 * `stability.max-changed` with `changed<=2` reads "at most 2 changed /
 * 调整不超过2人". `detail` is the instance part of the row name (`women>=2`,
 * see `RuleRow.detail`); a bound a session moved (`women>=1, now ≥ 2`) reads
 * the bound in force and the rule's own ("at least 2 women (was 1, now ≥ 2) /
 * 至少2名女干部（原为1）"). A row this table does not count reads the rule's
 * label followed by the detail.
 *
 * @param code - a rule code (a key of `RULE_LABELS`)
 * @param detail - the instance part of the row's name
 * @returns the label in English and Chinese
 * @throws TypeError when `code` is not a rule code or `detail` not a string (a
 *   programmer error; docs/guide.md, "What throws")
 * @category Rules
 */
export function ruleRowLabel(code: RuleCode, detail: string): Label {
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(RULE_LABELS, code))
    throw new TypeError(`ruleRowLabel: code: expected a rule code (a key of RULE_LABELS), got ${shown(code)}`)
  if (typeof detail !== 'string')
    throw new TypeError(`ruleRowLabel: detail: expected a string, got ${shown(detail)}`)
  return labelOfRow(code, detail)
}
