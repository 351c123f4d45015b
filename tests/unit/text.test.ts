import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFields, decodeUtf8, fieldTexts, findTextProblem, oneLine } from '../../src/lib/text';

describe('findTextProblem', () => {
  it.each([
    ['U+0001 in a title', 'A\u0001B', { line: 1, column: 2, code: 'U+0001' }, /control character/],
    ['a vertical tab', 'A\u000bB', { column: 2, code: 'U+000B' }, /control character/],
    ['a form feed', 'A\u000cB', { code: 'U+000C' }, /control character/],
    ['a carriage return', 'A\rB', { code: 'U+000D' }, /control character/],
    ['DEL', 'A\u007f', { code: 'U+007F' }, /control character/],
    ['a C1 control', 'M\u0081laga', { code: 'U+0081' }, /C1 control/],
    ['U+FFFE', 'A\ufffe', { code: 'U+FFFE' }, /noncharacter/],
    ['U+FDD0', '\ufdd0', { code: 'U+FDD0' }, /noncharacter/],
    ['U+1FFFF', 'x\u{1ffff}', { column: 2, code: 'U+1FFFF' }, /noncharacter/],
    ['an unpaired surrogate', 'x\ud800y', { code: 'U+D800' }, /unpaired surrogate/],
    ['the replacement character', 'M\ufffdlaga', { code: 'U+FFFD' }, /wrong encoding/],
    ['a right-to-left override', '\u202eAstana', { column: 1, code: 'U+202E' }, /override/],
    ['a left-to-right embedding', 'a\u202ab', { code: 'U+202A' }, /embedding/],
    ['an isolate left open', 'a\u2067b', { column: 2 }, /not closed on its line/],
    ['an isolate open at a line end', 'a\u2068b\nc\u2069', { line: 1, column: 2 }, /not closed on its line/],
    ['a close with no open isolate', 'a\u2069', { column: 2, code: 'U+2069' }, /no isolate open/],
    ['a control on a later line, counted in code points', '😀\n😀x\u0002', { line: 2, column: 3 }, /control/],
  ])('refuses %s, saying where', (_name, text, where, what) => {
    const problem = findTextProblem(text);
    expect(problem).toMatchObject(where);
    expect(problem?.what).toMatch(what);
  });

  it.each([
    ['plain text', 'Astana, Kazakhstan'],
    ['tabs and newlines', 'a\tb\nc'],
    ['balanced isolates in Arabic', 'قال \u2067مرحبا\u2069 اليوم'],
    ['marks LRM, RLM, ALM', 'a\u200eb\u200fc\u061c'],
    ['joiners in emoji and Indic script', '👩‍💻 क्‍ष'],
    ['non-breaking and thin spaces', 'a\u00a0b\u2009c'],
  ])('accepts %s', (_name, text) => {
    expect(findTextProblem(text)).toBeUndefined();
  });

  it('agrees with XML 1.0: any text it accepts is well-formed character data', () => {
    const xmlChar = /^[\t\n\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        if (findTextProblem(text) === undefined) expect(xmlChar.test(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkFields', () => {
  it('names the field and the position of a refused character', () => {
    expect(
      checkFields({ title: 'A\u0001B', dateline: { place: '\u202eAstana' }, tags: ['ok', 'x\ufffe'] }).problems,
    ).toEqual([
      'title: U+0001 (a control character) at column 2',
      'dateline.place: U+202E (a bidi embedding or override, which reorders the text around it) at column 1',
      'tags[1]: U+FFFE (a Unicode noncharacter) at column 2',
    ]);
  });

  it('removes a tag listed twice, with a warning', () => {
    const checked = checkFields({ tags: ['Russia', 'Kazakhstan', 'Russia'] });
    expect(checked.data.tags).toEqual(['Russia', 'Kazakhstan']);
    expect(checked.warnings).toEqual(['tags[2]: "Russia" is listed twice; kept once']);
  });

  it('folds line breaks in one-line fields, with a warning, and leaves other values alone', () => {
    const checked = checkFields({ title: 'Talks\nended', description: 'a\u2028b', pubDate: '2023-06-20', related: [] });
    expect(checked.data).toEqual({ title: 'Talks ended', description: 'a b', pubDate: '2023-06-20', related: [] });
    expect(checked.warnings).toEqual([
      'title: line breaks and tabs folded into spaces',
      'description: line breaks and tabs folded into spaces',
    ]);
  });

  it('lists every string with its path', () => {
    expect(fieldTexts({ a: 'x', b: [1, 'y'], c: { d: 'z' } })).toEqual([
      { path: 'a', value: 'x' },
      { path: 'b[1]', value: 'y' },
      { path: 'c.d', value: 'z' },
    ]);
  });
});

describe('oneLine', () => {
  it('folds breaks with the spaces around them into one space', () => {
    expect(oneLine('a \n\t b')).toEqual({ text: 'a b', changed: true });
    expect(oneLine('a b')).toEqual({ text: 'a b', changed: false });
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Málaga')]))).toBe('Málaga');
  });

  it.each([
    ['Latin-1 á', [0x4d, 0xe1, 0x6c, 0x61], /byte 0xE1 at line 1, column 2/],
    ['a truncated sequence at the end', [0x61, 0x0a, 0x62, 0xc3], /byte 0xC3 at line 2, column 2/],
    ['an overlong encoding', [0xc0, 0xaf], /byte 0xC0 at line 1, column 1/],
    ['an encoded surrogate', [0x41, 0xed, 0xa0, 0x80], /byte 0xED at line 1, column 2/],
  ])('refuses %s, naming the byte and where it is', (_name, bytes, where) => {
    expect(() => decodeUtf8(Uint8Array.from(bytes))).toThrow(where);
    expect(() => decodeUtf8(Uint8Array.from(bytes))).toThrow(/not UTF-8/);
  });

  it('either decodes any bytes exactly as TextDecoder does, or names a byte that is there', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let strict: string | undefined;
        try {
          strict = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          strict = undefined;
        }
        if (strict === undefined) expect(() => decodeUtf8(bytes)).toThrow(/not UTF-8: byte 0x[0-9A-F]{2} at line \d+/);
        else expect(decodeUtf8(bytes)).toBe(strict);
      }),
    );
  });
});

describe('private use and NFC', () => {
  it('refuses a private-use character', () => {
    expect(findTextProblem('bullet \uf0b7 here')).toMatchObject({ column: 8, code: 'U+F0B7' });
    expect(findTextProblem('x\u{f0000}')?.what).toMatch(/private-use/);
  });

  it('normalises a field to NFC, with a warning', () => {
    const checked = checkFields({ title: 'Ma\u0301laga' });
    expect(checked.data.title).toBe('Málaga');
    expect(checked.warnings).toEqual(['title: not in Unicode NFC; normalised (it reads the same)']);
  });
});
