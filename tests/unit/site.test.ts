import { describe, expect, it } from 'vitest';
import { SITE, siteUrlProblem } from '../../src/lib/site';

describe('siteUrlProblem', () => {
  it.each([
    ['no SITE_URL', undefined, false, /SITE_URL is not set/],
    ['an empty SITE_URL', ' ', false, /SITE_URL is not set/],
    ['the placeholder', SITE.url, false, /is the placeholder/],
    ['the placeholder with a path', `${SITE.url}/news/`, false, /is the placeholder/],
    ['a bare host name', 'news.example.org', true, /not an absolute address/],
    ['another scheme', 'ftp://news.example.org', true, /must be an http\(s\) address/],
  ])('flags %s', (_name, value, fatal, message) => {
    const problem = siteUrlProblem(value);
    expect(problem?.fatal).toBe(fatal);
    expect(problem?.message).toMatch(message);
  });

  it('accepts a real address', () => {
    expect(siteUrlProblem('https://news.example.org/')).toBeUndefined();
  });
});
