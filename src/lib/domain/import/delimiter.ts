/**
 * Which character separates the columns of a text file. Excel saves "CSV" with commas in the
 * UK but with semicolons where the comma is the decimal mark; "Text (Tab delimited)" uses
 * tabs; some finance systems export with pipes.
 *
 * We count each candidate outside double quotes on the first lines (up to 50) that have any
 * text. The delimiter is the candidate that appears on the most of those lines with the same
 * count as the header line, most occurrences breaking ties; a candidate that never appears
 * cannot win. A file with one column has none of them, and is read with commas.
 */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe'
};

/** Counts of each candidate per line, ignoring quoted text (which may span lines). */
function countPerLine(text: string, maxLines: number): Record<Delimiter, number>[] {
  const lines: Record<Delimiter, number>[] = [];
  let current = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  let hasText = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      quoted = !quoted;
      hasText = true;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (hasText) lines.push(current);
      current = { ',': 0, ';': 0, '\t': 0, '|': 0 };
      hasText = false;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|')) {
      current[ch]++;
      hasText = true;
    } else if (ch.trim() !== '') {
      hasText = true;
    }
  }
  if (hasText && lines.length < maxLines) lines.push(current);
  return lines;
}

export function detectDelimiter(text: string): Delimiter {
  const lines = countPerLine(text, 50);
  let best: Delimiter = ',';
  let bestLines = 0;
  let bestTotal = 0;
  for (const candidate of DELIMITERS) {
    const counts = lines.map((line) => line[candidate]);
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    // The most common non-zero count is the number of separators in a full row; title rows
    // above the header have fewer, so they do not spoil the vote.
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    const agreeing = Math.max(...frequency.values());
    if (agreeing > bestLines || (agreeing === bestLines && total > bestTotal)) {
      best = candidate;
      bestLines = agreeing;
      bestTotal = total;
    }
  }
  return best;
}
