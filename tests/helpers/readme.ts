/**
 * Reading the shell examples out of a Markdown document (the README), so a test can run
 * them and name the line of any that no longer works.
 */

/** One command from a shell code block, with the line it stands on. */
export interface ShellExample {
  /** 1-based line of the document where the command starts. */
  line: number;
  /** The command, with `\` continuations joined and any trailing comment removed. */
  command: string;
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;
const SHELL_LANGUAGES = new Set(['sh', 'shell', 'bash', 'console']);

/** Cuts a `# comment` that stands outside quotes. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1] ?? ''))) return line.slice(0, index);
  }
  return line;
}

/**
 * The commands of every `sh` (or `bash`, `shell`, `console`) code block in a Markdown text,
 * one per line, with continuation lines joined and comments and `$ ` prompts removed.
 *
 * @example
 * shellExamples('Run:\n\n```sh\nnpm test   # all of it\n```\n');
 * // [{ line: 4, command: 'npm test' }]
 */
export function shellExamples(markdown: string): ShellExample[] {
  const examples: ShellExample[] = [];
  let fence: string | undefined;
  let shell = false;
  let pending: ShellExample | undefined;
  markdown.split(/\r?\n/).forEach((text, index) => {
    const opening = FENCE.exec(text);
    if (fence === undefined) {
      if (opening?.[1]) {
        fence = opening[1];
        shell = SHELL_LANGUAGES.has((opening[2] ?? '').toLowerCase());
      }
      return;
    }
    if (text.trim().startsWith(fence) && text.trim().replace(/[`~]/g, '') === '') {
      fence = undefined;
      return;
    }
    if (!shell) return;
    const body = withoutComment(text).replace(/^\s*\$\s+/, '');
    const continued = /\\\s*$/.test(body);
    const part = body.replace(/\\\s*$/, '').trim();
    if (pending) pending.command = `${pending.command} ${part}`.trim();
    else if (part) pending = { line: index + 1, command: part };
    if (!continued && pending) {
      examples.push(pending);
      pending = undefined;
    }
  });
  return examples;
}

/**
 * Splits a command into words as a POSIX shell would for simple commands: quotes group
 * and are removed, and `&&`, `||`, `;` and `|` stand as words of their own.
 *
 * @example
 * shellWords('npm run import -- a.txt --tags "Kazakhstan,Russia" && echo ok');
 * // ['npm', 'run', 'import', '--', 'a.txt', '--tags', 'Kazakhstan,Russia', '&&', 'echo', 'ok']
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let index = 0; index < command.length; index++) {
    const char = command[index] as string;
    if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if ('&|;'.includes(char)) {
      if (word !== undefined) words.push(word);
      const double = command[index + 1] === char && char !== ';';
      words.push(double ? char + char : char);
      if (double) index++;
      word = undefined;
    } else word = (word ?? '') + char;
  }
  if (quote) throw new Error(`unclosed ${quote} quote in: ${command}`);
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The `npm run` scripts a text names, with the 1-based line of each mention.
 *
 * @example
 * npmScripts('Use `npm run build`, then\nnpm run bench -- --runs 1');
 * // [{ line: 1, script: 'build' }, { line: 2, script: 'bench' }]
 */
export function npmScripts(text: string): { line: number; script: string }[] {
  const found: { line: number; script: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(/\bnpm run ([\w:.-]+)/g)) {
      found.push({ line: index + 1, script: match[1] as string });
    }
  });
  return found;
}

/**
 * The words of a command that name files or folders: arguments that contain a `/` or end
 * in a file extension, other than options, URLs, variable assignments and option values
 * listed in `outputs` (places a command writes to, which need not exist yet).
 *
 * @example
 * pathArguments(shellWords('npm run import -- tests/a.txt --out /tmp/x.md --year 2023'), ['--out']);
 * // ['tests/a.txt']
 */
export function pathArguments(words: readonly string[], outputs: readonly string[] = []): string[] {
  return words.filter((word, index) => {
    if (word.startsWith('-') || word.includes('=') || /^[a-z][\w+.-]*:/i.test(word)) return false;
    if (outputs.includes(words[index - 1] ?? '')) return false;
    if (index > 0 && words[index - 1] === 'run') return false;
    return word.includes('/') || /\.[a-z0-9]{1,5}$/i.test(word);
  });
}
