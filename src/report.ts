/**
 * `banzi/report`: the report people read — one self-contained HTML page with
 * the charts rendered to inline SVG. A separate entry point because it brings
 * vega and vega-lite, which the engine does not need.
 *
 * @example
 * import { renderReport } from 'banzi/report'
 * const html = await renderReport(scenario, { proposal })
 * if (html._tag === 'Right') writeFileSync('report.html', html.right)
 *
 * @module
 */
export { renderReport, type InvalidReportInput, type ReportInput, type ReportOptions } from './report/html.js'
