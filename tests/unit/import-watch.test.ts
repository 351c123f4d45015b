/**
 * What the drop-folder watch (src/cli/import-watch.ts) imports: every item file new or
 * changed since it was last tried, failed items again when a photo lands, and never a
 * partial, scratch, hidden or photo file as an item.
 */
import { mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropFolderSources, isDropItem } from '../../src/cli/agency';
import { dueItems, stampOf } from '../../src/cli/import-watch';

describe('isDropItem', () => {
  it.each([
    ['efe-1.xml', true],
    ['AFP_20260620.XML', true],
    ['ninjs-item.json', true],
    ['wire-copy.txt', true],
    ['efe-1.xml.part', false],
    ['efe-1.xml.tmp', false],
    ['efe-1.xml~', false],
    ['efe-1.xml.crdownload', false],
    ['#efe-1.xml#', false],
    ['.efe-1.xml.swp', false],
    ['.DS_Store', false],
    ['efe-foto.jpg', false],
    ['efe-foto.JPEG', false],
    ['efe-grafico.png', false],
  ])('says %s is an item: %s', (name, expected) => {
    expect(isDropItem(name)).toBe(expected);
  });
});

describe('dueItems', () => {
  const tried = new Map([
    ['a.xml', '10:1:1'],
    ['b.xml', '20:1:2'],
    ['c.xml', '30:1:3'],
  ]);
  it.each([
    ['nothing when nothing changed', tried, new Set<string>(), false, []],
    ['a new file', new Map([...tried, ['d.xml', '5:1:4']]), new Set<string>(), false, ['d.xml']],
    [
      'a file written again (size or time)',
      new Map([...tried, ['b.xml', '20:2:2']]),
      new Set<string>(),
      false,
      ['b.xml'],
    ],
    [
      'a file replaced by a rename (inode)',
      new Map([...tried, ['c.xml', '30:1:9']]),
      new Set<string>(),
      false,
      ['c.xml'],
    ],
    ['a failed file only when a photo landed', tried, new Set(['a.xml']), false, []],
    ['a failed file again once a photo landed', tried, new Set(['a.xml']), true, ['a.xml']],
    ['not a deleted file', new Map([['a.xml', '10:1:1']]), new Set(['b.xml']), true, []],
  ])('gives %s', (_what, now, failed, retry, expected) => {
    expect(dueItems(tried, now, failed, retry)).toEqual(expected);
  });
});

describe('a drop folder as the watch and the one-shot import read it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'wire-drop-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  for (const name of ['b.xml', 'a.xml.part', 'photo.jpg', '.hidden.xml']) writeFileSync(join(folder, name), '<x/>');

  it('lists items in order and a partial file as skipped, never a photo or a hidden file', () => {
    expect(dropFolderSources(folder).map((source) => [source.label, source.skipped !== undefined])).toEqual([
      [join(folder, 'a.xml.part'), true],
      [join(folder, 'b.xml'), false],
    ]);
  });

  it('lists a link with an item name as refused, without following it, and a dangling one too', () => {
    const links = mkdtempSync(join(tmpdir(), 'wire-drop-links-'));
    try {
      writeFileSync(join(links, 'real.xml'), '<x/>');
      symlinkSync(join(links, 'real.xml'), join(links, 'link.xml'));
      symlinkSync(join(links, 'nowhere.xml'), join(links, 'dangling.xml'));
      symlinkSync(join(links, 'real.xml'), join(links, 'link.xml.part'));
      expect(dropFolderSources(links).map(({ label, refused }) => [label, refused?.split(':')[0]])).toEqual([
        [join(links, 'dangling.xml'), 'a symbolic link'],
        [join(links, 'link.xml'), 'a symbolic link'],
        [join(links, 'real.xml'), undefined],
      ]);
      // The watch sees the link itself: a file put in its place is a change.
      expect(stampOf(join(links, 'dangling.xml'))).toBeDefined();
    } finally {
      rmSync(links, { recursive: true, force: true });
    }
  });

  it('gives a file a new stamp when it is written again or replaced by a rename', () => {
    const path = join(folder, 'b.xml');
    const before = stampOf(path);
    writeFileSync(join(folder, 'b.xml.part'), '<x/>');
    renameSync(join(folder, 'b.xml.part'), path);
    expect(stampOf(path)).not.toBe(before);
    expect(stampOf(join(folder, 'gone.xml'))).toBeUndefined();
  });
});
