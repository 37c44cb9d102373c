import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFigures } from './support/summary';

/**
 * Gives the run one summary file and prints it as a table when every test has finished:
 * edits attempted / accepted / conflicted / lost, requests and errors, faults injected and
 * the integrity checks that followed, hostile inputs tried and what they were refused with.
 */
export default function setup() {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'vd-reliability-')),
    'summary.jsonl'
  );
  process.env.RELIABILITY_SUMMARY_FILE = file;
  return () => {
    const sections = readFigures(file);
    const lines = ['', 'Reliability summary', '==================='];
    for (const { section, figures } of sections) {
      lines.push(`${section}:`);
      for (const [name, value] of Object.entries(figures))
        lines.push(`  ${name.padEnd(44)} ${value}`);
    }
    console.log(lines.join('\n'));
    const out = path.resolve('bench', 'results', 'reliability.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(sections, null, 2) + '\n');
  };
}
