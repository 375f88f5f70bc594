/**
 * `banzi/report`: the report people read — one self-contained HTML page with
 * the charts rendered to inline SVG — and its parts as display helpers for
 * notebooks (`toHtml`, `toVegaLite`). A separate entry point because it brings
 * vega and vega-lite, which the engine does not need.
 *
 * @example
 * import { renderReport } from 'banzi/report'
 * const html = await renderReport(scenario, { proposal })
 * if (html._tag === 'Right') writeFileSync('report.html', html.right)
 *
 * @module
 */
export {
  renderReport,
  toHtml,
  toVegaLite,
  type InvalidReportInput,
  type ReportInput,
  type ReportOptions,
  type StructureChart,
} from './report/html.js'
