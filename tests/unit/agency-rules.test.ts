import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStaffLine, trimStory } from '../../src/lib/agency/body';
import { agencyName, datelinePlace } from '../../src/lib/agency/common';
import { compareRevision, entryFile, itemToEntry, planItem } from '../../src/lib/agency/entry';
import { subjectName, subjectTags } from '../../src/lib/agency/subjects';
import { agencyTime } from '../../src/lib/agency/time';
import { parseWireDate } from '../../src/lib/dates';
import type { WireItem } from '../../src/lib/agency/types';
import { buildTimeFrom, isPublished } from '../../src/lib/publish';

describe('what is published at a build time', () => {
  const at = new Date('2023-06-21T06:00:00Z');
  it.each([
    ['a story with no status or embargo', {}, true],
    ['a usable story', { status: 'usable' }, true],
    ['a withheld story', { status: 'withheld' }, false],
    ['a killed story', { status: 'canceled' }, false],
    ['an embargo one second after the build', { embargo: parseWireDate('2023-06-21T06:00:01Z') }, false],
    ['an embargo ending at the build time', { embargo: parseWireDate('2023-06-21T06:00:00Z') }, true],
    ['an embargo that has passed', { embargo: parseWireDate('2023-06-20T00:00:00Z') }, true],
    [
      'a killed story whose embargo has passed',
      { status: 'canceled', embargo: parseWireDate('2023-06-20T00:00:00Z') },
      false,
    ],
  ])('%s: %s', (_name, story, published) => {
    expect(isPublished(story, at)).toBe(published);
  });

  it('takes the build time from WIRE_BUILD_TIME, else now, and refuses a value that is no date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(buildTimeFrom(undefined, now)).toBe(now);
    expect(buildTimeFrom('', now)).toBe(now);
    expect(buildTimeFrom('2023-06-21T05:00:00Z', now).toISOString()).toBe('2023-06-21T05:00:00.000Z');
    expect(() => buildTimeFrom('tomorrow', now)).toThrow(/WIRE_BUILD_TIME: "tomorrow" is not a date-time/);
  });
});

describe('agency time stamps', () => {
  it.each([
    ['20230620T093400+0200', '2023-06-20T09:34:00+02:00'],
    ['20230620T0934Z', '2023-06-20T09:34:00Z'],
    ['2023-06-20T09:34:00.123-03:00', '2023-06-20T09:34:00-03:00'],
    ['2023-06-20T09:34:00', '2023-06-20T09:34:00Z'],
    ['20230620', '2023-06-20'],
  ])('%s reads as %s', (text, iso) => {
    expect(agencyTime(text, 'f')).toBe(iso);
  });

  it.each(['2023-02-29T10:00:00Z', '20230620T256000Z', 'June 20', ''])('refuses %j, naming the field', (text) => {
    expect(() => agencyTime(text, 'NewsManagement/FirstCreated')).toThrow(/^NewsManagement\/FirstCreated: /);
  });
});

describe('closing lines', () => {
  it.each([
    ['asl/tib/pid/cac', true],
    ['EFE asl/tib', true],
    ['bur-jm/bds', true],
    ['mdc/ds (Edited by Jane Doe)', true],
    ['50/50', false],
    ['The vote was 12/3, officials said.', false],
    ['Reuters', false],
  ])('%s is a staff line: %s', (line, staff) => {
    expect(isStaffLine(line)).toBe(staff);
  });

  it('takes the dateline, sign-off and staff lines out and keeps the initials', () => {
    const text = (t: string) => [{ kind: 'text' as const, text: t }];
    const out = trimStory([text('MADRID, 3 mar (EFE).- Texto uno.'), text('Texto dos. EFE'), text('asl/tib')], 'EFE');
    expect(out.paragraphs).toEqual([text('Texto uno.'), text('Texto dos.')]);
    expect(out.initials).toEqual(['asl/tib']);
    expect(out.signOff).toEqual(['EFE']);
    expect(out.dateline?.place).toBe('MADRID');
  });

  it('keeps a one-paragraph story even when it is short', () => {
    const out = trimStory([[{ kind: 'text', text: 'EFE' }]], 'EFE');
    expect(out.paragraphs).toHaveLength(1);
  });
});

describe('names', () => {
  it.each([
    ['subj:11000000', 'es', 'Política'],
    ['subj:11000000', 'fr', 'Politique'],
    ['medtop:11000000', 'de-AT', 'Politik'],
    ['subj:15054000', 'en', 'Football'],
    ['subj:15099999', 'es', 'Deportes'],
    ['subj:11000000', 'pt', 'Politics'],
    ['dpatopic:x', 'en', undefined],
  ])('%s in %s is %s', (code, lang, name) => {
    expect(subjectName(code, lang)).toBe(name);
  });

  it('prefers the name the item gives and spells each tag once', () => {
    expect(subjectTags([{ code: 'subj:11000000', name: 'política' }, { code: 'subj:11000000' }], 'es')).toEqual([
      'Política',
    ]);
  });

  it.each([
    ['efe.es', 'EFE'],
    ['nprov:AFP', 'AFP'],
    ['The Associated Press', 'AP'],
    ['REUTERS', 'Reuters'],
    ['Kyodo News', 'Kyodo'],
    ['Xinhua', 'Xinhua'],
  ])('agency %s is %s', (text, name) => {
    expect(agencyName(text)).toBe(name);
  });

  it.each([
    ['Astaná, 20 jun (EFE)', 'Astaná'],
    ['PARIS, 20 juin 2023 (AFP)', 'PARIS'],
    ['KYIV, Ukraine', 'KYIV, Ukraine'],
    ['Berlin', 'Berlin'],
  ])('dateline %s has the place %s', (text, place) => {
    expect(datelinePlace(text)).toBe(place);
  });

  it('files every revision of an item under one name made from its id', () => {
    expect(entryFile({ id: 'urn:newsml:efe.es:20230620:4410271' }, 'EFE')).toBe(
      'efe/urn-newsml-efe-es-20230620-4410271.md',
    );
    expect(entryFile({ id: `urn:x:${'a'.repeat(200)}` }, 'AP')).toMatch(/^ap\/urn-x-a{70,80}-[a-z0-9]+\.md$/);
  });
});

function revision(version: number, status: WireItem['status'] = 'usable'): WireItem {
  return {
    format: 'ninjs',
    id: 'urn:example:item-1',
    version,
    status,
    headline: `Headline as of version ${version}`,
    lang: 'en',
    agency: 'AP',
    dateline: { place: 'KYIV, Ukraine' },
    firstCreated: '2023-06-20T10:00:00Z',
    versionCreated: `2023-06-20T${String(10 + (version % 10)).padStart(2, '0')}:00:00Z`,
    paragraphs: [[{ kind: 'text', text: `Text of version ${version}.` }]],
    subjects: [],
    edNotes: [],
    photos: [],
    notes: [],
  };
}

describe('revisions', () => {
  it.each([
    [undefined, 1, 'new'],
    [1, 2, 'update'],
    [2, 2, 'same'],
    [3, 2, 'older'],
  ] as const)('an entry at %s and an item at %s: %s', (current, incoming, result) => {
    expect(compareRevision(current, incoming)).toBe(result);
  });

  it('a kill marks the entry canceled and keeps its text; a kill of an unknown item changes nothing', () => {
    const entry = itemToEntry(revision(1), { section: 'World' });
    const kill = planItem({ ...revision(2, 'canceled'), edNotes: ['Eds: KILL'] }, entry.data);
    expect(kill.kind).toBe('kill');
    if (kill.kind === 'kill') {
      expect(kill.data).toMatchObject({
        status: 'canceled',
        title: 'Headline as of version 1',
        source: { version: 2 },
      });
      expect(kill.data.edNotes).toEqual(['Eds: KILL']);
    }
    expect(planItem(revision(2, 'canceled'), undefined).kind).toBe('kill-unknown');
  });

  it('for any sequence of revisions, the entry ends as the highest version', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 15 }), (versions) => {
        let data: Record<string, unknown> | undefined;
        let markdown = '';
        for (const version of versions) {
          const item = revision(version);
          const plan = planItem(item, data);
          if (plan.kind !== 'write') continue;
          const entry = itemToEntry(item, { section: 'World', existing: data });
          data = entry.data;
          markdown = entry.markdown;
        }
        const highest = Math.max(...versions);
        expect(data?.source).toEqual({ id: 'urn:example:item-1', version: highest });
        expect(data?.title).toBe(`Headline as of version ${highest}`);
        expect(markdown).toContain(`Text of version ${highest}.`);
        // The address never moves: the slug is the first imported version's.
        expect(data?.slug).toBe(`headline-as-of-version-${versions[0]}`);
      }),
    );
  });
});
