import { describe, expect, it } from 'vitest';
import { npmScripts, pathArguments, shellExamples, shellWords } from '../helpers/readme';

describe('shellExamples', () => {
  it.each([
    ['a plain command', '```sh\nnpm test\n```\n', [{ line: 2, command: 'npm test' }]],
    ['a comment and a prompt', 'x\n```bash\n$ npm run bench   # slow\n```', [{ line: 3, command: 'npm run bench' }]],
    [
      'a continued line',
      '```sh\nnpm run import -- a.txt \\\n  --year 2023\n```',
      [{ line: 2, command: 'npm run import -- a.txt --year 2023' }],
    ],
    ['a hash inside quotes', '```sh\necho "#1 story"\n```', [{ line: 2, command: 'echo "#1 story"' }]],
    ['blocks in other languages', '```markdown\nnpm test\n```\n```\nnpm test\n```', []],
    [
      'two blocks',
      '```sh\na\n```\n\n```sh\nb\n```',
      [
        { line: 2, command: 'a' },
        { line: 6, command: 'b' },
      ],
    ],
  ])('reads %s', (_name, markdown, expected) => {
    expect(shellExamples(markdown)).toEqual(expected);
  });
});

describe('shellWords', () => {
  it('groups quoted words and splits operators', () => {
    expect(shellWords(`SITE_URL=x npm run build && echo 'a b'|cat;ls`)).toEqual([
      'SITE_URL=x',
      'npm',
      'run',
      'build',
      '&&',
      'echo',
      'a b',
      '|',
      'cat',
      ';',
      'ls',
    ]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => shellWords('echo "a')).toThrow(/unclosed " quote/);
  });
});

describe('npmScripts', () => {
  it('finds every npm run mention with its line', () => {
    expect(npmScripts('`npm run a` and npm run b:c\n\nnpm run d -- x')).toEqual([
      { line: 1, script: 'a' },
      { line: 1, script: 'b:c' },
      { line: 3, script: 'd' },
    ]);
  });
});

describe('pathArguments', () => {
  it.each([
    ['npm run import -- tests/a.txt --year 2023', [], ['tests/a.txt']],
    ['npm run import -- a.xml --out /tmp/x.md', ['--out'], ['a.xml']],
    ['npm run import -- a.xml --out /tmp/x.md', [], ['a.xml', '/tmp/x.md']],
    ['SITE_URL=https://x.org/ npm run build', [], []],
    ['npm run preview:nginx', [], []],
    ['npm run bench -- --sizes 1000,10000', [], []],
  ])('finds the paths in %s', (command, outputs, expected) => {
    expect(pathArguments(shellWords(command), outputs)).toEqual(expected);
  });
});
