import { describe, expect, it } from 'vitest';
import { isUnchanged, manifestJson, readManifest, type DeployEntry, type FileNow } from '../../src/lib/deploy-manifest';

// Real figures from ext4: the page has nanoseconds, its copies carry its time to the millisecond.
const PAGE_MTIME = 1795781590022.0764;
const COPY_MTIME = 1795781590022.0001;
const entry: DeployEntry = { size: 900, mtimeMs: PAGE_MTIME, digest: 'ab12', quality: 6, br: 300, gz: 350 };
const now: FileNow = {
  size: 900,
  mtimeMs: PAGE_MTIME,
  quality: 6,
  br: { size: 300, mtimeMs: COPY_MTIME },
  gz: { size: 350, mtimeMs: COPY_MTIME },
};

describe('isUnchanged', () => {
  it('takes a file as it is when it and its copies are as recorded', () => {
    expect(isUnchanged(entry, now)).toBe(true);
  });

  it.each<[string, DeployEntry | undefined, FileNow]>([
    ['a file the manifest does not know', undefined, now],
    ['a page written again with the same size', entry, { ...now, mtimeMs: PAGE_MTIME + 2000 }],
    ['a page written again within the same millisecond, with another size', entry, { ...now, size: 901 }],
    ['a file now compressed at another quality', entry, { ...now, quality: 11 }],
    ['a page whose .br was deleted', entry, { ...now, br: undefined }],
    ['a page whose .gz was deleted', entry, { ...now, gz: undefined }],
    ['a page whose .br was cut short', entry, { ...now, br: { size: 120, mtimeMs: COPY_MTIME } }],
    ['a page whose .gz is from another time', entry, { ...now, gz: { size: 350, mtimeMs: PAGE_MTIME + 5 } }],
    ['a page whose .br is a millisecond older than it', entry, { ...now, br: { size: 300, mtimeMs: PAGE_MTIME - 1 } }],
    [
      'a file recorded as not worth compressing that now has copies beside it',
      { ...entry, br: undefined, gz: undefined },
      now,
    ],
  ])('reads %s again', (_name, recorded, file) => {
    expect(isUnchanged(recorded, file)).toBe(false);
  });

  it('takes a file recorded as not worth compressing as it is when it still has no copies', () => {
    const small = { size: 20, mtimeMs: PAGE_MTIME, digest: 'cd34', quality: 11 };
    expect(isUnchanged(small, { size: 20, mtimeMs: PAGE_MTIME, quality: 11 })).toBe(true);
  });
});

describe('manifestJson and readManifest', () => {
  const style = { styles: ["'sha256-a'"], scripts: [], blocked: [] };
  const entries = new Map<string, DeployEntry>([
    ['b/index.html', { ...entry, inline: style }],
    ['a/index.html', { ...entry, mtimeMs: PAGE_MTIME + 1, inline: style }],
    ['rss.xsl', { ...entry, inline: { styles: ["'sha256-b'"], scripts: ["'sha256-c'"], blocked: [] } }],
    ['robots.txt', { size: 20, mtimeMs: PAGE_MTIME, digest: 'cd34', quality: 11 }],
  ]);

  it('give back every entry as it was, mtimes to the last digit', () => {
    expect(readManifest(manifestJson(entries))).toEqual(entries);
  });

  it('write a set of inline hashes that pages share once', () => {
    expect(manifestJson(entries).split("'sha256-a'").length - 1).toBe(1);
  });

  it.each([
    ['no manifest', undefined],
    ['a damaged manifest', '{"version":1,"inline":[],"fi'],
    ['a manifest of another version', manifestJson(entries).replace('"version":1', '"version":0')],
  ])('read %s as empty, so every file is read again', (_name, json) => {
    expect(readManifest(json).size).toBe(0);
  });

  it('drops an entry that points at no set of inline hashes', () => {
    const json = manifestJson(entries).replace('"inline":[', '"inline":[{"styles":[],"scripts":[],"blocked":[]},');
    const broken = JSON.parse(json) as { files: Record<string, { inline?: number }> };
    (broken.files['rss.xsl'] as { inline?: number }).inline = 99;
    expect([...readManifest(JSON.stringify(broken)).keys()]).not.toContain('rss.xsl');
  });
});
