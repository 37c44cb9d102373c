/**
 * The one rule for text people give us, whichever way it comes in (a form, an imported
 * register, a restored backup), and the one rule for text we write out.
 *
 * Some characters are never part of what anyone meant to write, and the formats we write
 * cannot carry them: XML 1.0 (the SVG timeline, which resvg rasterises for the PNG, and the
 * inside of an .xlsx) forbids C0 controls other than tab, line feed and carriage return, lone
 * UTF-16 surrogates and U+FFFE/U+FFFF, so one such character in one title made the whole
 * timeline invalid and its PNG a server error; RFC 5545 forbids controls other than tab in
 * iCalendar text. DEL and the C1 controls (U+0080–U+009F) are allowed by XML 1.0 but
 * "discouraged", are refused by iCalendar, and are only ever the remains of a wrong encoding
 * or a terminal escape sequence, so they go too.
 * https://www.w3.org/TR/xml/#charsets · https://www.rfc-editor.org/rfc/rfc5545#section-3.3.11
 */

/**
 * The characters no text of ours may hold. Tab, line feed and carriage return are not here:
 * whether a field may keep them depends on its kind (see TextKind).
 */
const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * - `line`: names, titles, references, codes, addresses. Shown on one line everywhere: a
 *   timeline bar's label, a table cell, an iCalendar SUMMARY, a sheet name. A browser's
 *   one-line input cannot hold a line break, so one only arrives pasted from a spreadsheet
 *   cell or in a forged request; tabs and line breaks become a space, so "Adult\nsocial care"
 *   still reads as the words it was.
 * - `multiline`: notes, descriptions, comments. Typed in a text area, where line breaks are
 *   the writer's paragraphs and are kept; CRLF and CR (what browsers send, and old Mac files)
 *   become LF, so a length limit counts a line break once, and exports write one kind of line
 *   end. Tabs are kept.
 */
export type TextKind = 'line' | 'multiline';

export interface NormalisedText {
  /** NFC, control characters removed, line breaks as the kind allows. Not trimmed. */
  text: string;
  /** Each control character that was removed, once, in order, as "U+001B". */
  removed: string[];
}

/** "U+001B" for a character (a lone surrogate is one UTF-16 unit, so this names it too). */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text as we store it: control characters removed (the caller decides whether that is
 * allowed or the text is refused, from `removed`), line breaks as the kind says, then Unicode
 * NFC, so "é" typed as e + combining accent and "é" typed as one character are one string
 * (they look alike, so they must sort, search and compare alike).
 */
export function normaliseText(raw: string, kind: TextKind): NormalisedText {
  const removed = new Set<string>();
  let text = raw.replace(CONTROL_CHARACTERS, (c) => {
    removed.add(codePointName(c));
    return '';
  });
  text = kind === 'line' ? text.replace(/\r\n|[\t\r\n]/g, ' ') : text.replace(/\r\n?/g, '\n');
  return { text: text.normalize('NFC'), removed: [...removed] };
}

/**
 * For writers (SVG, XLSX, iCalendar, CSV): the text with every control character removed,
 * tabs and line breaks left as they are for the format to escape. Data stored before these
 * rules, or arriving some other way, then cannot make a file invalid.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** The message a form shows when a field holds control characters. */
export function controlCharacterMessage(label: string, removed: readonly string[]): string {
  const which = removed.slice(0, 3).join(', ') + (removed.length > 3 ? ', …' : '');
  return removed.length === 1
    ? `${label} contains an invisible control character (${which}): delete it or type the text again`
    : `${label} contains invisible control characters (${which}): delete them or type the text again`;
}
