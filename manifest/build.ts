import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils, type AppManifest, type TeamsManifestV1D30 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { z } from 'zod';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons.js';
import { decodePng, readPngHeader } from './png.js';

/**
 * Builds the Teams app package `manifest/build/samverkan.zip` (run: `npm run manifest`).
 *
 * Environment (empty counts as unset):
 * - BOT_ID          the bot's Microsoft App ID. Unset → PLACEHOLDER_BOT_ID (all zeros), good
 *                   for local use with the Agents Playground only, and no webApplicationInfo.
 * - PUBLIC_URL      https base URL of the bot (default https://localhost:3978); its host
 *                   goes into validDomains, the developer URLs are derived from it.
 * - APP_VERSION     MAJOR.MINOR.PATCH (default: package.json version). Raise it on every
 *                   manifest change you upload.
 * - MANIFEST_APP_ID the Teams app id, a GUID (default DEFAULT_MANIFEST_APP_ID). Give each
 *                   deployment its own.
 *
 * The manifest is validated offline against Microsoft's schema bundled in
 * @microsoft/app-manifest (never fetched), plus the checks the schema cannot express.
 */

export const MANIFEST_DIR = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_PATH = join(MANIFEST_DIR, 'manifest.template.json');
export const DEFAULT_OUT = join(MANIFEST_DIR, 'build', 'samverkan.zip');

/** Used when BOT_ID is unset: a package for local use only, never for a real tenant. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
/** The Teams app id when MANIFEST_APP_ID is unset (fixed so re-uploads update the same app). */
export const DEFAULT_MANIFEST_APP_ID = 'c4252b9d-a767-4b6e-8af4-3cbc76c4d263';
export const DEFAULT_PUBLIC_URL = 'https://localhost:3978';
/**
 * Commands per command list: the schemas up to v1.23 allow 10, v1.24 and later 12.
 * We keep to 10, so the lists stay valid for every client and schema version.
 */
export const MAX_COMMANDS_PER_LIST = 10;

export type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;
export type ManifestEnv = Record<string, string | undefined>;
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Settings after validation, ready to substitute. */
export interface ManifestSettings {
  botId: string;
  /** false when BOT_ID was unset and the placeholder is used. */
  botIdGiven: boolean;
  publicUrl: string;
  publicHost: string;
  appVersion: string;
  manifestAppId: string;
}

/** A bad environment variable: lists every bad variable, one per line. */
export class ManifestEnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid manifest settings (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ManifestEnvError';
  }
}

/** The manifest, a localization file or an icon failed validation. */
export class ManifestBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ManifestBuildError';
  }
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(MANIFEST_DIR, '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

const envSchema = z.object({
  BOT_ID: z.string().regex(GUID, 'must be the bot’s Microsoft App ID (a GUID)').optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL (Teams only talks to https), e.g. https://samverkan.example.se' })
    .refine((u) => {
      const url = new URL(u);
      return !url.search && !url.hash && !url.username && !url.password;
    }, 'must be a plain base URL without query, fragment or credentials')
    .default(DEFAULT_PUBLIC_URL),
  APP_VERSION: z.string().regex(SEMVER, 'must be MAJOR.MINOR.PATCH, e.g. 1.2.0 (the form Teams documents; no pre-release tags)').optional(),
  MANIFEST_APP_ID: z.string().regex(GUID, 'must be a GUID (the Teams app id)').default(DEFAULT_MANIFEST_APP_ID),
});

/** Validates the environment; throws ManifestEnvError naming every bad variable. */
export function parseManifestEnv(env: ManifestEnv = process.env): ManifestSettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ManifestEnvError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(env)'), message: i.message })),
    );
  }
  const appVersion = parsed.data.APP_VERSION ?? packageVersion();
  if (!SEMVER.test(appVersion)) {
    throw new ManifestEnvError([
      { variable: 'APP_VERSION', message: `unset, and package.json's version "${appVersion}" is not MAJOR.MINOR.PATCH; set APP_VERSION` },
    ]);
  }
  const url = new URL(parsed.data.PUBLIC_URL);
  return {
    botId: parsed.data.BOT_ID ?? PLACEHOLDER_BOT_ID,
    botIdGiven: parsed.data.BOT_ID !== undefined,
    publicUrl: url.href.replace(/\/+$/, ''),
    publicHost: url.hostname,
    appVersion,
    manifestAppId: parsed.data.MANIFEST_APP_ID,
  };
}

function placeholders(s: ManifestSettings): Record<string, string> {
  return {
    BOT_ID: s.botId,
    PUBLIC_URL: s.publicUrl,
    PUBLIC_HOST: s.publicHost,
    APP_VERSION: s.appVersion,
    MANIFEST_APP_ID: s.manifestAppId,
  };
}

/** Replaces `${NAME}` in every string of a parsed JSON value; an unknown name throws. */
export function substitute(value: Json, vars: Record<string, string>): Json {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new ManifestBuildError([`unknown placeholder \${${name}} in the template`]);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/**
 * The manifest for an environment: the template with placeholders substituted.
 * webApplicationInfo is kept only when BOT_ID is given.
 */
export function renderManifest(env: ManifestEnv = process.env, template: Json = readJson(TEMPLATE_PATH)): Manifest {
  const settings = parseManifestEnv(env);
  const manifest = substitute(template, placeholders(settings)) as unknown as Manifest;
  if (!settings.botIdGiven) delete manifest.webApplicationInfo;
  return manifest;
}

/** Renders a localization file with the same placeholders as the manifest. */
export function renderLocalization(file: string, env: ManifestEnv = process.env): Record<string, unknown> {
  return substitute(readJson(join(MANIFEST_DIR, file)), placeholders(parseManifestEnv(env))) as Record<string, unknown>;
}

// --- Offline schema validation -------------------------------------------------------

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9A-Za-z.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

const schemaRoot = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
const schemaCache = new Map<string, object>();

/**
 * The bundled copy of a Microsoft Teams schema, or a reason why there is none. We pass the
 * schema to the validator ourselves: given only `$schema`, it would fetch unknown URLs
 * from the network.
 */
function bundledSchema(
  url: unknown,
  kind: 'manifest' | 'localization',
): { schema: object; version: string } | { error: string } {
  if (typeof url !== 'string') return { error: '$schema is missing; it names the Teams schema version to validate against' };
  const m = SCHEMA_URL.exec(url);
  if (!m) return { error: `$schema ${url} is not a Microsoft Teams schema URL` };
  const [, version, file] = m as unknown as [string, string, string];
  if (file.includes('Localization') !== (kind === 'localization'))
    return { error: `$schema ${url} is not the Teams ${kind} schema` };
  const path = join(schemaRoot, version, file);
  let schema = schemaCache.get(path);
  if (!schema) {
    try {
      // Same clean-up the package applies: some schemas contain \a and \v escapes.
      const text = readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
      schema = unicodeSafePatterns(JSON.parse(text)) as object;
    } catch {
      return { error: `$schema ${url}: version ${version} is not bundled with @microsoft/app-manifest (no offline validation possible)` };
    }
    schemaCache.set(path, schema);
  }
  return { schema, version };
}

/**
 * Escapes a `]` that closes no character class (`\b]` → `\b\]`). Legal in a plain
 * JavaScript regex, where it is a literal, but a syntax error under the `u` flag that
 * ajv compiles every pattern with. Every Teams localization schema since v1.8 has two
 * such patternProperties (`^activities.activityTypes\[\b(…)\b]\.description$`), so
 * without this the validator throws "Lone quantifier brackets" instead of validating.
 * Outside a class the escaped and unescaped `]` mean the same, so nothing else changes.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else out += ch;
  }
  return out;
}

function unicodeSafe(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    return escapeLoneBrackets(pattern);
  }
}

/** Rewrites `pattern` values and `patternProperties` keys that only a non-unicode regex accepts. */
function unicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(unicodeSafePatterns);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => {
      if (k === 'pattern' && typeof v === 'string') return [k, unicodeSafe(v)];
      if (k === 'patternProperties' && v !== null && typeof v === 'object')
        return [k, Object.fromEntries(Object.entries(v).map(([p, s]) => [unicodeSafe(p), unicodeSafePatterns(s)]))];
      return [k, unicodeSafePatterns(v)];
    }),
  );
}

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

async function schemaErrors(doc: unknown, schema: object): Promise<string[]> {
  let errors: string[];
  try {
    errors = await AppManifestUtils.validateAgainstSchema(doc as AppManifest, schema as Schema);
  } catch (e) {
    return [`the schema validator failed: ${(e as Error).message}`];
  }
  // The validator prints "<instancePath> <message>"; the root's path is empty.
  return errors.map((e) => (e.startsWith(' ') ? `(root)${e}` : e));
}

function leftoverPlaceholders(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return /\$\{[^}]*\}/.test(value) ? [`${path || '(root)'} still contains a placeholder: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leftoverPlaceholders(v, `${path}/${i}`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leftoverPlaceholders(v, `${path}/${k}`));
  return [];
}

/** Rules Teams applies that the JSON schema does not express. */
function extraChecks(m: Record<string, unknown>, schemaVersion: string): string[] {
  const problems: string[] = [];
  if (typeof m.manifestVersion === 'string' && `v${m.manifestVersion}` !== schemaVersion && schemaVersion !== 'vDevPreview')
    problems.push(`/manifestVersion ${m.manifestVersion} does not match the $schema version ${schemaVersion}`);
  problems.push(...leftoverPlaceholders(m));

  const bots = Array.isArray(m.bots) ? (m.bots as Record<string, unknown>[]) : [];
  bots.forEach((bot, b) => {
    const lists = Array.isArray(bot.commandLists) ? (bot.commandLists as Record<string, unknown>[]) : [];
    const seenScopes = new Set<string>();
    lists.forEach((list, l) => {
      const where = `/bots/${b}/commandLists/${l}`;
      const commands = Array.isArray(list.commands) ? (list.commands as { title?: unknown }[]) : [];
      if (commands.length > MAX_COMMANDS_PER_LIST)
        problems.push(`${where}/commands has ${commands.length} commands; keep to at most ${MAX_COMMANDS_PER_LIST}`);
      const titles = commands.map((c) => String(c.title ?? '').toLowerCase());
      const dupes = titles.filter((t, i) => titles.indexOf(t) !== i);
      if (dupes.length) problems.push(`${where}/commands repeats ${[...new Set(dupes)].join(', ')}`);
      for (const scope of Array.isArray(list.scopes) ? (list.scopes as string[]) : []) {
        if (seenScopes.has(scope)) problems.push(`${where}: scope ${scope} already has a command list`);
        seenScopes.add(scope);
        if (Array.isArray(bot.scopes) && !bot.scopes.includes(scope))
          problems.push(`${where}: scope ${scope} is not one of the bot's scopes`);
      }
    });
  });

  const domains = Array.isArray(m.validDomains) ? m.validDomains : [];
  domains.forEach((d, i) => {
    if (typeof d === 'string' && (/^[a-z]+:\/\//i.test(d) || d.includes('/')))
      problems.push(`/validDomains/${i} must be a bare host name (no scheme or path): ${d}`);
  });
  return problems;
}

/**
 * Every problem with a manifest: Microsoft's JSON schema (bundled, offline) plus the
 * extra rules above. An empty list means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return ['(root) the manifest must be a JSON object'];
  const m = manifest as Record<string, unknown>;
  const found = bundledSchema(m.$schema, 'manifest');
  if ('error' in found) return [`/$schema ${found.error}`];
  return [...(await schemaErrors(m, found.schema)), ...extraChecks(m, found.version)];
}

/** Walks `bots[0].commandLists[1].commands[2].title` style keys through an object. */
function lookup(obj: unknown, key: string): unknown {
  let cur: unknown = obj;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * Problems with a localization file: the Teams localization schema of the same version as
 * the manifest, and every translated key must point at a string the manifest has.
 */
export async function validateLocalization(file: string, localization: unknown, manifest: Manifest): Promise<string[]> {
  if (localization === null || typeof localization !== 'object' || Array.isArray(localization))
    return [`${file}: must be a JSON object`];
  const loc = localization as Record<string, unknown>;
  const found = bundledSchema(loc.$schema, 'localization');
  if ('error' in found) return [`${file}: ${found.error}`];
  const problems = (await schemaErrors(loc, found.schema)).map((e) => `${file}: ${e}`);
  if (found.version !== `v${manifest.manifestVersion}`)
    problems.push(`${file}: schema version ${found.version} differs from the manifest's ${manifest.manifestVersion} (Teams requires the same)`);
  for (const key of Object.keys(loc)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof lookup(manifest, key) !== 'string') problems.push(`${file}: "${key}" translates nothing in the manifest`);
  }
  problems.push(...leftoverPlaceholders(loc).map((p) => `${file}: ${p}`));
  return problems;
}

// --- Icons ---------------------------------------------------------------------------

/** Size and colour rules for the two icons (Teams rejects packages that break them). */
export function checkIcons(icons: { color: Uint8Array; outline: Uint8Array }): string[] {
  const problems: string[] = [];
  const check = (name: string, png: Uint8Array, size: number) => {
    try {
      const { width, height } = readPngHeader(png);
      if (width !== size || height !== size) problems.push(`${name} is ${width}×${height}; it must be ${size}×${size}`);
      return decodePng(png);
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
      return undefined;
    }
  };
  check('color.png', icons.color, COLOR_ICON_SIZE);
  const outline = check('outline.png', icons.outline, OUTLINE_ICON_SIZE);
  if (outline) {
    let coloured = 0;
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4) as unknown as [number, number, number, number];
      if (a === 0) transparent++;
      else {
        visible++;
        if (r !== 255 || g !== 255 || b !== 255) coloured++;
      }
    }
    if (coloured) problems.push(`outline.png has ${coloured} visible pixels that are not pure white; it must be white on transparent only`);
    if (!transparent) problems.push('outline.png has no transparent pixels; its background must be transparent');
    if (!visible) problems.push('outline.png is fully transparent');
  }
  return problems;
}

// --- Package -------------------------------------------------------------------------

/** Fixed entry dates make the zip byte-for-byte reproducible. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

/**
 * Renders, validates and zips the app package: manifest.json, the icons and the
 * localization files, all at the zip's root. Throws ManifestEnvError or ManifestBuildError.
 */
export async function buildPackage(env: ManifestEnv = process.env): Promise<Buffer> {
  const manifest = renderManifest(env);
  const problems = await validateManifest(manifest);

  const files = new Map<string, Uint8Array>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));

  const iconFiles = { color: manifest.icons.color, outline: manifest.icons.outline };
  const icons: Partial<Record<keyof typeof iconFiles, Uint8Array>> = {};
  for (const [kind, file] of Object.entries(iconFiles) as [keyof typeof iconFiles, string][]) {
    try {
      icons[kind] = readFileSync(join(MANIFEST_DIR, file));
      files.set(file, icons[kind]);
    } catch {
      problems.push(`icons.${kind}: cannot read ${file} next to the template`);
    }
  }
  if (icons.color && icons.outline) problems.push(...checkIcons({ color: icons.color, outline: icons.outline }));

  const info = manifest.localizationInfo;
  const locFiles = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)].filter(
    (f): f is string => typeof f === 'string',
  );
  for (const file of locFiles) {
    let loc: Record<string, unknown>;
    try {
      loc = renderLocalization(file, env);
    } catch (e) {
      if (e instanceof ManifestEnvError || e instanceof ManifestBuildError) throw e;
      problems.push(`${file}: cannot read it (${(e as Error).message})`);
      continue;
    }
    problems.push(...(await validateLocalization(file, loc, manifest)));
    files.set(file, Buffer.from(`${JSON.stringify(loc, null, 2)}\n`, 'utf8'));
  }

  if (problems.length) throw new ManifestBuildError(problems);

  const zip = new JSZip();
  for (const [name, data] of files) {
    // PNGs are already deflated; storing them keeps the zip simple for any unzipper.
    const compression = name.endsWith('.png') ? 'STORE' : 'DEFLATE';
    zip.file(name, data, { date: ZIP_DATE, createFolders: false, compression });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

// --- CLI -----------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : DEFAULT_OUT);
  try {
    const settings = parseManifestEnv(process.env);
    const zip = await buildPackage(process.env);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(`Wrote ${out} (${zip.length} bytes)`);
    console.log(`  app id ${settings.manifestAppId}, version ${settings.appVersion}, ${settings.publicUrl}`);
    if (!settings.botIdGiven)
      console.log(`  BOT_ID unset: using the placeholder ${PLACEHOLDER_BOT_ID} (local use only; no webApplicationInfo)`);
    else console.log(`  bot ${settings.botId}`);
    return 0;
  } catch (e) {
    if (e instanceof ManifestEnvError || e instanceof ManifestBuildError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = await main(process.argv.slice(2));
}
