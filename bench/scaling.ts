/**
 * The scaling figure: solve time against size on log-log axes, with the
 * least-squares line through the points whose slope is the empirical
 * exponent (time ∝ size^k). Plain SVG, no plotting dependency.
 */

/** A measured point: size (e.g. variables) and time in ms, both positive. */
export interface Point {
  readonly label: string
  readonly size: number
  readonly ms: number
}

/** Least-squares fit of log10(ms) = a + k · log10(size); null with fewer than two points. */
export function fitExponent(points: readonly Point[]): { k: number; a: number } | null {
  const ps = points.filter((p) => p.size > 0 && p.ms > 0)
  if (ps.length < 2) return null
  const xs = ps.map((p) => Math.log10(p.size))
  const ys = ps.map((p) => Math.log10(p.ms))
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length
  const my = ys.reduce((s, y) => s + y, 0) / ys.length
  let sxy = 0
  let sxx = 0
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my)
    sxx += (x - mx) ** 2
  })
  if (sxx === 0) return null
  const k = sxy / sxx
  return { k, a: my - k * mx }
}

const W = 640
const H = 420
// Margins; the fitted exponent sits top left, where a rising curve leaves room.
const M = { l: 70, r: 20, t: 40, b: 55 }

/** The SVG text of the log-log plot. */
export function scalingSvg(points: readonly Point[], title: string, xLabel: string): string {
  const ps = points.filter((p) => p.size > 0 && p.ms > 0)
  const fit = fitExponent(ps)
  const lx = ps.map((p) => Math.log10(p.size))
  const ly = ps.map((p) => Math.log10(p.ms))
  const x0 = Math.floor(Math.min(...lx, 1))
  const x1 = Math.ceil(Math.max(...lx, 2))
  const y0 = Math.floor(Math.min(...ly, 0))
  const y1 = Math.ceil(Math.max(...ly, 1))
  const X = (v: number) => M.l + ((v - x0) / (x1 - x0)) * (W - M.l - M.r)
  const Y = (v: number) => H - M.b - ((v - y0) / (y1 - y0)) * (H - M.t - M.b)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${title}</text>`,
  ]
  for (let e = x0; e <= x1; e++)
    out.push(
      `<line x1="${X(e)}" y1="${Y(y0)}" x2="${X(e)}" y2="${Y(y1)}" stroke="#ddd"/>`,
      `<text x="${X(e)}" y="${H - M.b + 18}" text-anchor="middle">1e${e}</text>`,
    )
  for (let e = y0; e <= y1; e++)
    out.push(
      `<line x1="${X(x0)}" y1="${Y(e)}" x2="${X(x1)}" y2="${Y(e)}" stroke="#ddd"/>`,
      `<text x="${M.l - 8}" y="${Y(e) + 4}" text-anchor="end">1e${e}</text>`,
    )
  out.push(
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle">${xLabel} (log scale)</text>`,
    `<text x="16" y="${H / 2}" text-anchor="middle" transform="rotate(-90 16 ${H / 2})">solve time, ms (log scale)</text>`,
  )
  if (fit !== null) {
    const [a, b] = [Math.min(...lx), Math.max(...lx)]
    out.push(
      `<line x1="${X(a)}" y1="${Y(fit.a + fit.k * a)}" x2="${X(b)}" y2="${Y(fit.a + fit.k * b)}" stroke="#c33" stroke-dasharray="6 4"/>`,
      `<text x="${M.l + 8}" y="${M.t + 14}" fill="#c33">fitted exponent k = ${fit.k.toFixed(2)} (time ∝ size^k)</text>`,
    )
  }
  ps.forEach((p, i) =>
    out.push(
      `<circle cx="${X(lx[i]!)}" cy="${Y(ly[i]!)}" r="4" fill="#236"/>`,
      `<text x="${X(lx[i]!) + 7}" y="${Y(ly[i]!) - 7}">${p.label}</text>`,
    ),
  )
  out.push('</svg>', '')
  return out.join('\n')
}
