import fs from 'node:fs';

export type Figures = Record<string, number | string>;

/**
 * Each reliability test records its figures here; the global teardown prints them as one
 * summary table at the end of the run (and the file stays in bench/results for the record).
 */
export function recordFigures(section: string, figures: Figures) {
  const file = process.env.RELIABILITY_SUMMARY_FILE;
  if (!file) return;
  fs.appendFileSync(file, JSON.stringify({ section, figures }) + '\n');
}

export function readFigures(file: string): { section: string; figures: Figures }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { section: string; figures: Figures });
}
