/** Median, range and spread of a set of timings. */
export function stats(values: number[]): { median: number; min: number; max: number; spread: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, spread: sorted.at(-1)! - sorted[0]! };
}

/** A Markdown table of timed steps: runs, median, min, max and spread in ms. */
export function timingTable(rows: [string, number[]][]): string {
  const header = ['Measured', 'Runs', 'Median ms', 'Min ms', 'Max ms', 'Spread ms (max−min)'];
  const lines = rows.map(([label, values]) => {
    const s = stats(values);
    return [label, String(values.length), ...[s.median, s.min, s.max, s.spread].map((v) => String(Math.round(v)))];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}
