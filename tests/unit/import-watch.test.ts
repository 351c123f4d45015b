/**
 * What the drop-folder watch (src/cli/import-watch.ts) imports: every item file new or
 * changed since it was last tried, failed items again when a photo lands, and never a
 * partial, scratch, hidden or photo file as an item.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dropFolderSources, importSources, isDropItem, photoFile } from '../../src/cli/agency';
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

  it('lists a link with an item name as refused, without following it, a dangling one too, and never a link to a folder', () => {
    const links = mkdtempSync(join(tmpdir(), 'wire-drop-links-'));
    try {
      writeFileSync(join(links, 'real.xml'), '<x/>');
      symlinkSync(join(links, 'real.xml'), join(links, 'link.xml'));
      symlinkSync(join(links, 'nowhere.xml'), join(links, 'dangling.xml'));
      symlinkSync(join(links, 'real.xml'), join(links, 'link.xml.part'));
      // A link to a folder (of photos, say) is no item, as a folder is not.
      mkdirSync(join(links, 'fotos'));
      symlinkSync(join(links, 'fotos'), join(links, 'photos'));
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

describe('an item swapped for a link after its folder was listed', () => {
  it('is refused when it is opened, and what the link points at is never read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'wire-swap-'));
    try {
      const drop = join(root, 'drop');
      mkdirSync(drop);
      writeFileSync(join(drop, 'item.xml'), '<x/>');
      writeFileSync(join(root, 'private.xml'), '<secret>private words</secret>');
      const sources = dropFolderSources(drop);
      rmSync(join(drop, 'item.xml'));
      symlinkSync(join(root, 'private.xml'), join(drop, 'item.xml'));
      const errors: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
      try {
        const { failed } = await importSources(sources, { out: join(root, 'content'), now: new Date() });
        expect([...failed]).toEqual([join(drop, 'item.xml')]);
      } finally {
        spy.mockRestore();
      }
      expect(errors).toEqual([expect.stringMatching(/item\.xml: error: file: a symbolic link: not followed/)]);
      expect(errors.join('\n')).not.toContain('private words');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('photoFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'wire-photo-'));
  const drop = join(root, 'drop');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(drop, 'fotos'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  for (const file of ['drop/foto.jpg', 'drop/..foto.jpg', 'drop/fotos/a.jpg', 'elsewhere/secret.jpg']) {
    writeFileSync(join(root, file), 'x');
  }
  symlinkSync(join(root, 'elsewhere/secret.jpg'), join(drop, 'out.jpg'));
  symlinkSync(join(root, 'elsewhere'), join(drop, 'outdir'));
  symlinkSync(join(drop, 'foto.jpg'), join(drop, 'alias.jpg'));
  symlinkSync(join(drop, 'fotos'), join(drop, 'aliasdir'));
  symlinkSync(join(drop, 'nowhere.jpg'), join(drop, 'dangling.jpg'));
  symlinkSync(join(drop, 'loop.jpg'), join(drop, 'loop.jpg'));

  it.each([
    ['a photo beside the item', 'foto.jpg', 'file'],
    ['a photo whose name starts with two dots', '..foto.jpg', 'file'],
    ['a photo in a folder', 'fotos/a.jpg', 'file'],
    ['a photo not there', 'missing.jpg', 'missing'],
    ['a path out of the folder', '../elsewhere/secret.jpg', 'missing'],
    ['a folder', 'fotos', 'missing'],
    ['a path through a file', 'foto.jpg/a.jpg', 'missing'],
    ['a dangling link', 'dangling.jpg', 'missing'],
    ['a loop of links', 'loop.jpg', 'missing'],
    ['a link to a file outside', 'out.jpg', 'outside'],
    ['a photo in a linked folder outside', 'outdir/secret.jpg', 'outside'],
    ['a link to a photo in the folder', 'alias.jpg', 'file'],
    ['a photo in a linked folder in the folder', 'aliasdir/a.jpg', 'file'],
  ])('says %s (%s) is %s', (_what, href, expected) => {
    expect(photoFile(drop, join(drop, href))).toBe(expected);
  });

  it('reads the drop folder itself through a link', () => {
    symlinkSync(drop, join(root, 'drop-link'));
    expect(photoFile(join(root, 'drop-link'), join(root, 'drop-link', 'foto.jpg'))).toBe('file');
    expect(photoFile(join(root, 'drop-link'), join(root, 'drop-link', 'out.jpg'))).toBe('outside');
  });
});
