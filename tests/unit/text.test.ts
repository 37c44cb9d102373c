import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  codePointName,
  controlCharacterMessage,
  normaliseText,
  withoutControlCharacters,
  type TextKind
} from '#lib/domain/text.ts';
import { lineText, multilineText, optionalLine, requiredLine } from '#lib/schemas/text.ts';

const DECOMPOSED_E = 'e\u0301'; // e + combining acute accent
const COMPOSED_E = '\u00e9'; // é as one character
const ASTRAL = '\u{1D518}\u{1F3DB}'; // 𝔘🏛: surrogate pairs, which are fine

describe('normaliseText', () => {
  const cases: [name: string, raw: string, kind: TextKind, text: string, removed: string[]][] = [
    ['plain text is unchanged', 'Adult social care', 'line', 'Adult social care', []],
    ['empty', '', 'multiline', '', []],
    [
      'the issue’s title',
      'Bad\u000b\u001b\u0001title',
      'line',
      'Badtitle',
      ['U+000B', 'U+001B', 'U+0001']
    ],
    ['NUL', 'a\u0000b', 'line', 'ab', ['U+0000']],
    [
      'each C0 control but tab, LF and CR',
      'a\u0008\u000c\u000e\u001fb',
      'multiline',
      'ab',
      ['U+0008', 'U+000C', 'U+000E', 'U+001F']
    ],
    ['DEL', 'a\u007fb', 'line', 'ab', ['U+007F']],
    [
      'C1, first and last',
      'a\u0080\u0085\u009fb',
      'multiline',
      'ab',
      ['U+0080', 'U+0085', 'U+009F']
    ],
    ['U+00A0 is not C1', 'a\u00a0b', 'line', 'a\u00a0b', []],
    [
      'a repeated control is named once',
      '\u001b[31mred\u001b[0m',
      'line',
      '[31mred[0m',
      ['U+001B']
    ],
    ['U+FFFE and U+FFFF', 'a\ufffe\uffffb', 'line', 'ab', ['U+FFFE', 'U+FFFF']],
    ['U+FFFD stays (it is a valid character)', 'a\ufffdb', 'line', 'a\ufffdb', []],
    ['a lone high surrogate', 'bad\ud800surrogate', 'line', 'badsurrogate', ['U+D800']],
    ['a lone low surrogate', 'bad\udc00surrogate', 'line', 'badsurrogate', ['U+DC00']],
    ['a high surrogate at the end', 'end\udbff', 'line', 'end', ['U+DBFF']],
    ['pairs in the wrong order', '\udc00\ud800', 'line', '', ['U+DC00', 'U+D800']],
    ['astral characters are kept', ASTRAL, 'line', ASTRAL, []],
    ['NFC: combining accent composed', `Caf${DECOMPOSED_E}`, 'line', `Caf${COMPOSED_E}`, []],
    ['NFC after removal joins the accent', `e\u001b\u0301`, 'line', COMPOSED_E, ['U+001B']],
    ['NFC keeps compatibility forms (not NFKC)', '\ufb01le \u2460', 'line', '\ufb01le \u2460', []],
    [
      'format characters are not controls',
      'a\u200bb\u202ec\ufeff',
      'line',
      'a\u200bb\u202ec\ufeff',
      []
    ],
    ['one line: tab becomes a space', 'a\tb', 'line', 'a b', []],
    ['one line: CRLF becomes one space', 'a\r\nb', 'line', 'a b', []],
    ['one line: LF and CR each a space', 'a\nb\rc\n\nd', 'line', 'a b c  d', []],
    ['one line: not trimmed here', ' a\n', 'line', ' a ', []],
    ['multiline: CRLF and CR become LF', 'a\r\nb\rc\nd', 'multiline', 'a\nb\nc\nd', []],
    ['multiline: tab kept', 'a\tb', 'multiline', 'a\tb', []],
    ['multiline: VT is a control, not a line break', 'a\u000bb', 'multiline', 'ab', ['U+000B']],
    ['multiline: U+2028 is kept', 'a\u2028b', 'multiline', 'a\u2028b', []]
  ];
  it.each(cases)('%s', (_name, raw, kind, text, removed) => {
    expect(normaliseText(raw, kind)).toEqual({ text, removed });
  });

  it('is idempotent', () => {
    for (const [, raw, kind] of cases) {
      const once = normaliseText(raw, kind).text;
      expect(normaliseText(once, kind)).toEqual({ text: once, removed: [] });
    }
  });
});

describe('withoutControlCharacters', () => {
  it.each([
    ['keeps tab and line breaks for the format to escape', 'a\tb\r\nc', 'a\tb\r\nc'],
    ['removes the rest', 'a\u0000\u001b\u007f\u0085\ufffe\ud800b', 'ab'],
    ['keeps astral characters and markup characters', `<${ASTRAL}&>`, `<${ASTRAL}&>`]
  ])('%s', (_name, raw, text) => {
    expect(withoutControlCharacters(raw)).toBe(text);
  });
});

describe('codePointName and the message', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u001b', 'U+001B'],
    ['\u009f', 'U+009F'],
    ['\ud800', 'U+D800'],
    ['\uffff', 'U+FFFF']
  ])('%j is %s', (c, name) => {
    expect(codePointName(c)).toBe(name);
  });

  it.each([
    [
      ['U+001B'],
      'Title contains an invisible control character (U+001B): delete it or type the text again'
    ],
    [
      ['U+000B', 'U+001B'],
      'Title contains invisible control characters (U+000B, U+001B): delete them or type the text again'
    ],
    [
      ['U+0001', 'U+0002', 'U+0003', 'U+0004'],
      'Title contains invisible control characters (U+0001, U+0002, U+0003, …): delete them or type the text again'
    ]
  ])('%j', (removed, message) => {
    expect(controlCharacterMessage('Title', removed)).toBe(message);
  });
});

describe('form text helpers', () => {
  const title = requiredLine('Title', 10, 'Enter a title');
  const parse = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? { value: result.data } : { error: result.error.issues[0]!.message };
  };

  it.each([
    ['trimmed and normalised', ` Caf${DECOMPOSED_E} `, { value: `Caf${COMPOSED_E}` }],
    ['tab and line break become spaces, ends trimmed', '\ta\r\nb\n', { value: 'a b' }],
    [
      'a control character is refused, naming the field',
      'Bad\u000b\u001b\u0001',
      {
        error:
          'Title contains invisible control characters (U+000B, U+001B, U+0001): delete them or type the text again'
      }
    ],
    [
      'the control message comes before the blank one',
      '\u001b',
      { error: expect.stringMatching(/^Title contains an invisible control character/) }
    ],
    ['blank', '  ', { error: 'Enter a title' }],
    ['missing', undefined, { error: 'Enter a title' }],
    // The limit measures the normalised text: 10 decomposed é are 20 units, 10 composed.
    ['length after NFC', DECOMPOSED_E.repeat(10), { value: COMPOSED_E.repeat(10) }],
    ['too long', 'x'.repeat(11), { error: 'Title must be 10 characters or fewer' }]
  ])('required line: %s', (_name, value, expected) => {
    expect(parse(title, value)).toEqual(expected);
  });

  it.each([
    ['blank is null', '   ', { value: null }],
    ['left out is null', undefined, { value: null }],
    ['kept', ' Oracle ', { value: 'Oracle' }],
    ['refused', 'Ora\u0085cle', { error: expect.stringContaining('Vendor contains') }]
  ])('optional line: %s', (_name, value, expected) => {
    expect(parse(optionalLine('Vendor', 200), value)).toEqual(expected);
  });

  it.each([
    ['line breaks kept as LF', 'First\r\n\r\nSecond\r', { value: 'First\n\nSecond' }],
    ['tab kept inside', 'a\tb', { value: 'a\tb' }],
    ['refused', 'ring\u0007', { error: expect.stringContaining('Notes contains') }]
  ])('multiline: %s', (_name, value, expected) => {
    expect(parse(multilineText('Notes'), value)).toEqual(expected);
  });

  it('keeps chaining: lineText is a ZodString', () => {
    expect(parse(lineText('Code').regex(/^[A-Z]+$/, 'Letters only'), ' ABC ')).toEqual({
      value: 'ABC'
    });
  });
});
