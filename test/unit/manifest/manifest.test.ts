import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MANIFEST_APP_ID,
  MANIFEST_DIR,
  MAX_COMMANDS_PER_LIST,
  ManifestBuildError,
  ManifestEnvError,
  PLACEHOLDER_BOT_ID,
  buildPackage,
  checkIcons,
  escapeLoneBrackets,
  parseManifestEnv,
  renderLocalization,
  renderManifest,
  validateLocalization,
  validateManifest,
  type Manifest,
} from '../../../manifest/build.js';
import { renderIcons } from '../../../manifest/icons.js';
import { crc32, decodePng, encodePng, readPngHeader, type RgbaImage } from '../../../manifest/png.js';

const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const PROD_ENV = { BOT_ID, PUBLIC_URL: 'https://samverkan.example.se/', APP_VERSION: '1.4.2' };
const COMMANDS = ['hjälp', 'registrera styrgrupp', 'registrera forum', 'forum', 'planera 2027', 'möten', 'status', 'löfte', 'mina åtgärder'];
const pkgVersion = (JSON.parse(readFileSync(join(MANIFEST_DIR, '..', 'package.json'), 'utf8')) as { version: string }).version;

const clone = <T>(x: T): T => structuredClone(x);
const readIcon = (name: string) => readFileSync(join(MANIFEST_DIR, name));

function isOnlyWhiteOrTransparent(img: RgbaImage): boolean {
  for (let i = 0; i < img.data.length; i += 4) {
    if (img.data[i + 3] !== 0 && (img.data[i] !== 255 || img.data[i + 1] !== 255 || img.data[i + 2] !== 255)) return false;
  }
  return true;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('renderManifest', () => {
  it('renders a local manifest that validates against the bundled v1.30 schema with zero errors', async () => {
    const m = renderManifest({});
    expect(await validateManifest(m)).toEqual([]);
    expect(m.manifestVersion).toBe('1.30');
    expect(m.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(m.id).toBe(DEFAULT_MANIFEST_APP_ID);
    expect(m.version).toBe(pkgVersion);
    expect(m.bots?.[0]?.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(m.webApplicationInfo).toBeUndefined();
    expect(m.validDomains).toEqual(['localhost']);
    expect(m.developer).toMatchObject({
      name: 'Linköpings kommun (demo)',
      websiteUrl: 'https://localhost:3978/',
      privacyUrl: 'https://localhost:3978/privacy',
      termsOfUseUrl: 'https://localhost:3978/terms',
    });
    expect(m.name.short).toBe('Samverkan');
    expect(m.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-SE',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
  });

  it('substitutes a real bot id and public URL, and adds webApplicationInfo only then', async () => {
    const m = renderManifest(PROD_ENV);
    expect(await validateManifest(m)).toEqual([]);
    expect(m.bots?.[0]?.botId).toBe(BOT_ID);
    expect(m.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://botid-${BOT_ID}` });
    expect(m.validDomains).toEqual(['samverkan.example.se']);
    expect(m.developer.privacyUrl).toBe('https://samverkan.example.se/privacy');
    expect(m.version).toBe('1.4.2');
    expect(JSON.stringify(m)).not.toMatch(/\$\{/);
  });

  it('keeps a path in PUBLIC_URL but not a port in validDomains', () => {
    const m = renderManifest({ PUBLIC_URL: 'https://bot.example.se:8443/samverkan/' });
    expect(m.developer.termsOfUseUrl).toBe('https://bot.example.se:8443/samverkan/terms');
    expect(m.validDomains).toEqual(['bot.example.se']);
  });

  it('declares the bot in all three scopes with one command list per scope', () => {
    const bot = renderManifest({}).bots![0]!;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    const lists = bot.commandLists!;
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    for (const list of lists) {
      expect(list.commands.map((c) => c.title)).toEqual(COMMANDS);
      expect(list.commands.length).toBeLessThanOrEqual(MAX_COMMANDS_PER_LIST);
      expect(list.commands[0]).toEqual({ title: 'hjälp', description: 'Visa vad du kan göra här' });
      for (const c of list.commands) expect(c.description?.length).toBeGreaterThan(0);
    }
  });

  it('rejects bad settings with one error that names every bad variable', () => {
    let error: unknown;
    try {
      renderManifest({ BOT_ID: 'not-a-guid', PUBLIC_URL: 'http://samverkan.example.se', APP_VERSION: '1.0', MANIFEST_APP_ID: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ManifestEnvError);
    const { problems, message } = error as ManifestEnvError;
    expect(problems.map((p) => p.variable).sort()).toEqual(['APP_VERSION', 'BOT_ID', 'MANIFEST_APP_ID', 'PUBLIC_URL']);
    for (const v of ['BOT_ID', 'PUBLIC_URL', 'APP_VERSION', 'MANIFEST_APP_ID']) expect(message).toContain(`  - ${v}: `);
    expect(message).toMatch(/https/);
  });

  it('rejects pre-release versions and URLs with a query; treats empty values as unset', () => {
    expect(() => parseManifestEnv({ APP_VERSION: '1.0.0-beta.1' })).toThrow(/APP_VERSION: must be MAJOR.MINOR.PATCH/);
    expect(() => parseManifestEnv({ PUBLIC_URL: 'https://x.example.se/?a=1' })).toThrow(/PUBLIC_URL/);
    expect(parseManifestEnv({ BOT_ID: '', PUBLIC_URL: ' ' })).toMatchObject({
      botId: PLACEHOLDER_BOT_ID,
      botIdGiven: false,
      publicUrl: 'https://localhost:3978',
    });
  });
});

describe('validateManifest', () => {
  it('reports a missing name and a bad id', async () => {
    const m = clone(renderManifest({})) as Partial<Manifest>;
    delete m.name;
    m.id = 'not-a-guid';
    const errors = await validateManifest(m);
    expect(errors.some((e) => e.includes("must have required property 'name'"))).toBe(true);
    expect(errors.some((e) => e.startsWith('/id ') && e.includes('must match pattern'))).toBe(true);
  });

  it('reports too long texts, a bad accent colour and unknown properties', async () => {
    const m = clone(renderManifest({})) as Manifest & { surprise?: boolean };
    m.description.short = 'x'.repeat(81);
    m.accentColor = 'blue';
    m.surprise = true;
    const errors = await validateManifest(m);
    expect(errors.some((e) => e.startsWith('/description/short'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/accentColor'))).toBe(true);
    expect(errors.some((e) => e.includes('must NOT have additional properties') && e.includes('surprise'))).toBe(true);
  });

  it('applies the rules the schema cannot express', async () => {
    const m = clone(renderManifest({}));
    const list = m.bots![0]!.commandLists![0]!;
    list.commands = Array.from({ length: 11 }, (_, i) => ({ title: `kommando ${i % 10}`, description: 'x' }));
    m.bots![0]!.commandLists![1]!.scopes = ['personal'];
    m.validDomains = ['https://samverkan.example.se'];
    m.name.full = 'Samverkan ${TYPO}';
    const errors = await validateManifest(m);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/commandLists\/0\/commands has 11 commands/),
        expect.stringMatching(/commandLists\/0\/commands repeats kommando 0/),
        expect.stringMatching(/commandLists\/1: scope personal already has a command list/),
        expect.stringMatching(/validDomains\/0 must be a bare host name/),
        expect.stringMatching(/\/name\/full still contains a placeholder/),
      ]),
    );
  });

  it('never goes online: an unbundled or foreign $schema is an error, not a fetch', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', fetchSpy);
    const m = clone(renderManifest({}));
    m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json';
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/v9\.99 is not bundled/)]);
    m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json';
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/not the Teams manifest schema/)]);
    m.$schema = 'https://example.com/schema.json';
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/not a Microsoft Teams schema URL/)]);
    delete m.$schema;
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/\$schema is missing/)]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reports a manifestVersion that differs from the $schema version', async () => {
    const m = clone(renderManifest({}));
    m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json';
    const errors = await validateManifest(m);
    expect(errors.some((e) => e.includes('does not match the $schema version v1.29'))).toBe(true);
  });
});

describe('en-US localization', () => {
  it('validates against the Teams localization schema of the same version', async () => {
    const m = renderManifest({});
    const loc = renderLocalization('en-US.json', {});
    expect(await validateLocalization('en-US.json', loc, m)).toEqual([]);
    expect(loc.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json');
  });

  it('translates every command description but keeps the Swedish command titles the bot parses', () => {
    const m = renderManifest({});
    const loc = renderLocalization('en-US.json', {});
    m.bots![0]!.commandLists!.forEach((list, l) =>
      list.commands.forEach((_, c) => {
        expect(loc[`bots[0].commandLists[${l}].commands[${c}].description`], `list ${l} command ${c}`).toEqual(expect.any(String));
        expect(loc[`bots[0].commandLists[${l}].commands[${c}].title`]).toBeUndefined();
      }),
    );
  });

  it('reports keys that translate nothing, schema violations and a version mismatch', async () => {
    const m = renderManifest({});
    const loc = clone(renderLocalization('en-US.json', {}));
    loc['bots[0].commandLists[0].commands[9].description'] = 'no such command';
    loc['name.short'] = 'x'.repeat(31);
    delete loc['description.full'];
    loc.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.Localization.schema.json';
    const errors = await validateLocalization('en-US.json', loc, m);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"bots\[0\]\.commandLists\[0\]\.commands\[9\]\.description" translates nothing/),
        expect.stringMatching(/\/name\.short must NOT have more than 30 characters/),
        expect.stringMatching(/must have required property 'description\.full'/),
        expect.stringMatching(/schema version v1\.29 differs from the manifest's 1\.30/),
      ]),
    );
  });

  it('works around the localization schema patterns that ajv (unicode regexes) cannot compile', () => {
    const original = '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\\b]\\.description$';
    expect(() => new RegExp(original, 'u')).toThrow();
    const fixed = escapeLoneBrackets(original);
    const [before, after] = [new RegExp(original), new RegExp(fixed, 'u')];
    for (const s of ['activities.activityTypes[0].description', 'activities.activityTypes[127].description', 'activities.activityTypes[128].description', 'x'])
      expect(after.test(s), s).toBe(before.test(s));
    expect(escapeLoneBrackets('^[a-z]+\\]$')).toBe('^[a-z]+\\]$');
  });
});

/** Encodes RGBA rows with PNG filter `type` on every row, as other encoders do. */
function encodeFiltered(img: RgbaImage, type: 1 | 2 | 3 | 4): Buffer {
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : img.data[y * stride + x]!);
  for (let y = 0; y < img.height; y++) {
    raw[y * (stride + 1)] = type;
    for (let x = 0; x < stride; x++) {
      const [a, b, c] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth;
      raw[y * (stride + 1) + 1 + x] = (at(x, y) - pred) & 0xff;
    }
  }
  // Reuse our encoder's chunk framing: swap its IDAT for the filtered data.
  const plain = encodePng(img);
  const ihdr = plain.subarray(8, 8 + 25);
  const idatBody = deflateSync(raw);
  const idat = Buffer.alloc(12 + idatBody.length);
  idat.writeUInt32BE(idatBody.length, 0);
  idat.write('IDAT', 4, 'latin1');
  idat.set(idatBody, 8);
  idat.writeUInt32BE(crc32(idat.subarray(4, 8 + idatBody.length)), 8 + idatBody.length);
  return Buffer.concat([plain.subarray(0, 8), ihdr, idat, plain.subarray(plain.length - 12)]);
}

describe('png', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('IEND', 'ascii'))).toBe(0xae426082);
  });

  it('round-trips RGBA pixels, also through every PNG filter type', () => {
    const img: RgbaImage = { width: 5, height: 4, data: Uint8Array.from({ length: 80 }, (_, i) => (i * 37 + 11) & 0xff) };
    expect(decodePng(encodePng(img))).toEqual(img);
    for (const t of [1, 2, 3, 4] as const) expect(decodePng(encodeFiltered(img, t)), `filter ${t}`).toEqual(img);
  });

  it('rejects corrupt data', () => {
    const png = encodePng({ width: 1, height: 1, data: new Uint8Array([1, 2, 3, 4]) });
    png[20] = png[20]! ^ 0xff; // inside IHDR
    expect(() => readPngHeader(png)).toThrow(/CRC mismatch in IHDR/);
    expect(() => readPngHeader(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
  });
});

describe('icons', () => {
  it('committed PNGs are what icons.ts draws (regenerate: npx tsx manifest/icons.ts)', () => {
    const fresh = renderIcons();
    expect(readIcon('color.png').equals(fresh['color.png'])).toBe(true);
    expect(readIcon('outline.png').equals(fresh['outline.png'])).toBe(true);
  });

  it('have the sizes Teams requires and a white-on-transparent outline', () => {
    const color = decodePng(readIcon('color.png'));
    const outline = decodePng(readIcon('outline.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(isOnlyWhiteOrTransparent(outline)).toBe(true);
    expect(checkIcons({ color: readIcon('color.png'), outline: readIcon('outline.png') })).toEqual([]);
  });

  it('checkIcons rejects a coloured or opaque outline and wrong sizes', () => {
    const outline = decodePng(readIcon('outline.png'));
    const tinted = { ...outline, data: Uint8Array.from(outline.data) };
    const i = tinted.data.findIndex((_, k) => k % 4 === 3 && tinted.data[k]! > 0) - 3;
    tinted.data.set([31, 78, 121, 255], i);
    const opaque = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(255) };
    const color = readIcon('color.png');
    expect(checkIcons({ color, outline: encodePng(tinted) })).toEqual([expect.stringMatching(/1 visible pixels that are not pure white/)]);
    expect(checkIcons({ color, outline: encodePng(opaque) })).toEqual([expect.stringMatching(/no transparent pixels/)]);
    expect(checkIcons({ color: readIcon('outline.png'), outline: color })).toEqual(
      expect.arrayContaining([expect.stringMatching(/color\.png is 32×32; it must be 192×192/), expect.stringMatching(/outline\.png is 192×192/)]),
    );
  });
});

describe('buildPackage', () => {
  it('zips manifest.json, both icons and en-US.json at the root', async () => {
    const zip = await JSZip.loadAsync(await buildPackage(PROD_ENV));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['color.png', 'en-US.json', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest).toEqual(renderManifest(PROD_ENV));
    expect(await validateManifest(manifest)).toEqual([]);

    const color = await zip.file('color.png')!.async('nodebuffer');
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
    expect(isOnlyWhiteOrTransparent(decodePng(outline))).toBe(true);

    const loc = JSON.parse(await zip.file('en-US.json')!.async('string')) as Record<string, unknown>;
    expect(await validateLocalization('en-US.json', loc, manifest)).toEqual([]);
  });

  it('is reproducible byte for byte', async () => {
    expect((await buildPackage({})).equals(await buildPackage({}))).toBe(true);
  });

  it('refuses to build with bad settings', async () => {
    await expect(buildPackage({ PUBLIC_URL: 'ftp://x' })).rejects.toBeInstanceOf(ManifestEnvError);
    expect(new ManifestBuildError(['a', 'b']).message).toBe('The Teams app package is invalid (2 problems):\n  - a\n  - b');
  });
});

describe('npm run manifest (CLI)', () => {
  const run = promisify(execFile);
  const tsx = join(MANIFEST_DIR, '..', 'node_modules', '.bin', 'tsx');
  const script = join(MANIFEST_DIR, 'build.ts');

  it('exits 1 and lists every bad variable', async () => {
    const env = { ...process.env, BOT_ID: 'nope', PUBLIC_URL: 'http://x', APP_VERSION: '', MANIFEST_APP_ID: '' };
    const failure = await run(tsx, [script, '--out', join(tmpdir(), 'never.zip')], { env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Invalid manifest settings (2 problems)');
    expect(failure?.stderr).toMatch(/- BOT_ID: .*\n\s+- PUBLIC_URL: /);
  }, 30_000);

  it('writes the zip to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-manifest-'));
    try {
      const out = join(dir, 'app.zip');
      const env = { ...process.env, BOT_ID: '', PUBLIC_URL: '', APP_VERSION: '', MANIFEST_APP_ID: '' };
      const { stdout } = await run(tsx, [script, '--out', out], { env });
      expect(stdout).toContain(`Wrote ${out}`);
      expect(stdout).toContain('BOT_ID unset');
      expect(readFileSync(out).equals(await buildPackage({}))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
