import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig: the residents page', () => {
  it('defaults to one organisation and no framing origins', () => {
    const c = loadConfig({});
    expect([c.PUBLIC_SLUG, c.PUBLIC_ORGANISATION_NAME, c.PUBLIC_EMBED_ORIGINS]).toEqual(['linkoping', 'Linköpings kommun', []]);
  });

  it('reads embed origins as a list', () => {
    expect(loadConfig({ PUBLIC_EMBED_ORIGINS: 'https://www.linkoping.se, https://intra.linkoping.se' }).PUBLIC_EMBED_ORIGINS).toEqual(['https://www.linkoping.se', 'https://intra.linkoping.se']);
  });

  it.each([
    ['a path', { PUBLIC_EMBED_ORIGINS: 'https://www.linkoping.se/trygghet' }, 'PUBLIC_EMBED_ORIGINS'],
    ['a wildcard', { PUBLIC_EMBED_ORIGINS: '*' }, 'PUBLIC_EMBED_ORIGINS'],
    ['a CSP injection', { PUBLIC_EMBED_ORIGINS: "https://a.se; script-src 'unsafe-inline'" }, 'PUBLIC_EMBED_ORIGINS'],
    ['another scheme', { PUBLIC_EMBED_ORIGINS: 'ftp://a.se' }, 'PUBLIC_EMBED_ORIGINS'],
    ['an upper-case slug', { PUBLIC_SLUG: 'Linkoping' }, 'PUBLIC_SLUG'],
    ['a slug with a slash', { PUBLIC_SLUG: 'a/b' }, 'PUBLIC_SLUG'],
  ])('refuses %s', (_what, env, variable) => {
    let problems: string[] = [];
    try {
      loadConfig(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      problems = (e as ConfigError).problems.map((p) => p.variable);
    }
    expect(problems).toEqual([variable]);
  });
});
