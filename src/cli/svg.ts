/** Small hand-drawn SVG charts for CLI reports (no browser, no dependency). */

export interface Series {
  name: string;
  color: string;
  points: Array<[number, number]>;
  dashed?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A line chart with axes in [x0,x1] x [y0,y1], optional diagonal, legend. */
export function lineChart(opts: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  x: [number, number];
  y: [number, number];
  width?: number;
  height?: number;
  diagonal?: boolean;
}): string {
  const W = opts.width ?? 520;
  const H = opts.height ?? 400;
  const m = { l: 56, r: 16, t: 36, b: 48 };
  const sx = (v: number) => m.l + ((v - opts.x[0]) / (opts.x[1] - opts.x[0] || 1)) * (W - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - opts.y[0]) / (opts.y[1] - opts.y[0] || 1)) * (H - m.t - m.b);
  const ticks = (lo: number, hi: number) =>
    Number.isInteger(lo) && Number.isInteger(hi) && hi - lo > 1 && hi - lo <= 12
      ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
      : Array.from({ length: 6 }, (_, i) => lo + ((hi - lo) * i) / 5);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(opts.title)}</text>`,
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#333"/>`,
    `<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#333"/>`,
    `<text x="${(W + m.l) / 2}" y="${H - 12}" text-anchor="middle">${esc(opts.xLabel)}</text>`,
    `<text x="14" y="${H / 2}" text-anchor="middle" transform="rotate(-90 14 ${H / 2})">${esc(opts.yLabel)}</text>`,
  ];
  for (const t of ticks(opts.x[0], opts.x[1])) {
    parts.push(`<line x1="${sx(t)}" y1="${H - m.b}" x2="${sx(t)}" y2="${H - m.b + 4}" stroke="#333"/>`, `<text x="${sx(t)}" y="${H - m.b + 16}" text-anchor="middle">${+t.toFixed(2)}</text>`);
  }
  for (const t of ticks(opts.y[0], opts.y[1])) {
    parts.push(`<line x1="${m.l - 4}" y1="${sy(t)}" x2="${W - m.r}" y2="${sy(t)}" stroke="#eee"/>`, `<text x="${m.l - 6}" y="${sy(t) + 4}" text-anchor="end">${+t.toFixed(2)}</text>`);
  }
  if (opts.diagonal) parts.push(`<line x1="${sx(opts.x[0])}" y1="${sy(opts.y[0])}" x2="${sx(opts.x[1])}" y2="${sy(opts.y[1])}" stroke="#aaa" stroke-dasharray="4 4"/>`);
  opts.series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const d = s.points.map(([x, y], k) => `${k === 0 ? "M" : "L"}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(" ");
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 3"' : ""}/>`);
    for (const [x, y] of s.points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
    parts.push(`<rect x="${W - m.r - 150}" y="${m.t + 4 + i * 16}" width="10" height="10" fill="${s.color}"/>`, `<text x="${W - m.r - 136}" y="${m.t + 13 + i * 16}">${esc(s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** Several small charts in a grid, one SVG. */
export function grid(charts: string[], columns: number, cellW: number, cellH: number): string {
  const rows = Math.ceil(charts.length / columns);
  const inner = charts.map((c, i) => `<g transform="translate(${(i % columns) * cellW},${Math.floor(i / columns) * cellH})">${c.replace(/^<svg[^>]*>/, "").replace(/<\/svg>$/, "")}</g>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * cellW}" height="${rows * cellH}" font-family="sans-serif" font-size="11">\n${inner.join("\n")}\n</svg>`;
}
