/** How figures are written for people, the same in the app, the Markdown and the HTML. */
export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** A change in a share, in percentage points with its sign. */
export const pp = (d: number) => {
  const r = Number((100 * d).toFixed(1));
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toFixed(1)} pp`;
};
/** Supply lost, written as a loss: "−86.8%" (the minus sign: less supply), "0.0%" for none, "−<0.1%" for a loss too small to show. */
export const loss = (x: number) => {
  const r = Number((100 * x).toFixed(1));
  return x > 0 ? (r > 0 ? `−${r.toFixed(1)}%` : '−<0.1%') : '0.0%';
};
export const hhi = (x: number) => Math.round(x).toLocaleString('en-US');
export const hhiDelta = (d: number) => {
  const r = Math.round(d);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toLocaleString('en-US')}`;
};
/** Money in the graph's currency, short: 6.94 bn USD. */
export function money(value: number, currency: string): string {
  const abs = Math.abs(value);
  const [div, unit] = abs >= 1e12 ? [1e12, ' tn'] : abs >= 1e9 ? [1e9, ' bn'] : abs >= 1e6 ? [1e6, ' m'] : abs >= 1e3 ? [1e3, ' k'] : [1, ''];
  return `${(value / div).toFixed(div === 1 ? 0 : 2)}${unit} ${currency}`;
}

/** What a cut single-point-of-failure list holds, in words: "the 20 largest impacts and impacts of at least 5.0%". */
export function cutWords(limit: { top?: number | undefined; threshold?: number | undefined }): string {
  const parts = [limit.top !== undefined ? `the ${limit.top} largest impacts` : '', limit.threshold !== undefined ? `impacts of at least ${pct(limit.threshold)}` : ''];
  return parts.filter(Boolean).join(' and ') || 'the largest impacts';
}

/** A coordinate or length for SVG: one decimal at most. */
export const f1 = (x: number) => (Math.round(x * 10) / 10).toString();

/** Exchange rates as the reports write them: "150 JPY per USD, …"; '' when there are none. */
export function fxText(fx: Record<string, number> | undefined, currency: string): string {
  return fx && Object.keys(fx).length ? Object.entries(fx).map(([c, r]) => `${r} ${c} per ${currency}`).join(', ') : '';
}

/** A share of draws in words: "99%", never "100%" unless every draw agrees, never "0%" unless none does. */
export function drawShare(x: number): string {
  const r = Math.round(100 * x);
  if (r === 100 && x < 1) return '99%';
  if (r === 0 && x > 0) return '1%';
  return `${r}%`;
}
