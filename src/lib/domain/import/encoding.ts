/**
 * Text files as councils' systems save them, into a string. Excel's "CSV UTF-8" adds a
 * byte-order mark; plain "CSV" on Windows is Windows-1252 (where "£" is the single byte 0xA3);
 * "Unicode text" is UTF-16 with a mark. We read the mark when there is one, then try strict
 * UTF-8, and fall back to Windows-1252, which can decode any byte: a file that is not UTF-8
 * is almost always an old Excel export.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; message: string };

const SAVE_AS = 'Save it from Excel as “CSV UTF-8 (Comma delimited)” or as an Excel workbook';

/** Byte-order marks we refuse by name, so the message can say what the file is. */
const REFUSED_MARKS: { name: string; bytes: number[] }[] = [
  { name: 'UTF-32', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { name: 'UTF-32', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { name: 'UTF-7', bytes: [0x2b, 0x2f, 0x76] },
  { name: 'UTF-EBCDIC', bytes: [0xdd, 0x73, 0x66, 0x73] },
  { name: 'GB-18030', bytes: [0x84, 0x31, 0x95, 0x33] }
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a mark: ASCII text has a zero in every other byte. Looked for in the first
 * kilobyte, where a register's header row is.
 */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, carriage return and form feed. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) control++;
  }
  return control > sample.length * 0.01;
}

/**
 * Windows-1252's characters at 0x80–0x9F (€, curly quotes, dashes…). Node 20's TextDecoder
 * reads the label "windows-1252" as Latin-1, which has control codes there, so we map them.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false }).decode(bytes);
}

/** Decodes a whole text file, or says in plain words why it cannot be read as text. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  for (const mark of REFUSED_MARKS) {
    if (startsWith(bytes, mark.bytes)) {
      return {
        ok: false,
        message: `The file is in ${mark.name}, which we cannot read. ${SAVE_AS}.`
      };
    }
  }
  let result: { text: string; encoding: TextEncodingName; bom: boolean };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      result = { text: decodeWith('utf-8', bytes), encoding: 'utf-8', bom: true };
    } catch {
      return {
        ok: false,
        message: `The file starts as UTF-8 but contains characters that are not UTF-8. ${SAVE_AS}.`
      };
    }
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    result = { text: decodeWith('utf-16le', bytes), encoding: 'utf-16le', bom: true };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    result = { text: decodeWith('utf-16be', bytes), encoding: 'utf-16be', bom: true };
  } else {
    const utf16 = unmarkedUtf16(bytes);
    if (utf16) {
      result = { text: decodeWith(utf16, bytes), encoding: utf16, bom: false };
    } else {
      try {
        result = { text: decodeWith('utf-8', bytes), encoding: 'utf-8', bom: false };
      } catch {
        result = {
          text: decodeWith('windows-1252', bytes),
          encoding: 'windows-1252',
          bom: false
        };
      }
    }
  }
  if (looksBinary(result.text)) {
    return {
      ok: false,
      message: `The file is not a spreadsheet we can read: it is neither CSV text nor an Excel workbook (.xlsx). ${SAVE_AS}.`
    };
  }
  return { ok: true, ...result };
}

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (older Excel “CSV”)'
};
