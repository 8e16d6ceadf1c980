import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchResult = {
  name: string;
  metric: string;
  value: number;
  unit: string;
  target: number;
  pass: boolean;
  /** Context a reader needs to judge the figure: sizes, sample counts, other percentiles. */
  notes?: Record<string, number | string>;
};

const outDir = fileURLToPath(new URL('./out/', import.meta.url));

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function record(result: BenchResult): BenchResult {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    r.metric,
    `${r.value.toFixed(2)} ${r.unit}`,
    `${r.target} ${r.unit}`,
    `${(r.value / r.target).toFixed(2)}×`,
    r.pass ? 'pass' : 'MISS',
  ]);
  const header = ['benchmark', 'metric', 'value', 'target', 'ratio', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.notes) console.log(`  ${r.name}: ${JSON.stringify(r.notes)}`);
}
