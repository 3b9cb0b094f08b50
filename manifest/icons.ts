import { writeFileSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './png.js';

/**
 * The app icons, drawn from code: two overlapping rings (kommun and polis) whose
 * overlap — the samverkan — is filled. Regenerate the committed PNGs with
 * `npx tsx manifest/icons.ts`; a unit test fails if they drift from this code.
 *
 * - color.png: 192×192, full colour, full-bleed blue background (Teams rounds the corners).
 * - outline.png: 32×32, white on transparent only (Teams tints it).
 */

export const ACCENT_COLOR = '#1F4E79';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Rgba = readonly [r: number, g: number, b: number, a: number];

const hex = (h: string, a = 1): Rgba => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  a,
];

const BLUE = hex(ACCENT_COLOR);
const WHITE = hex('#FFFFFF');
const LIGHT_BLUE = hex('#9DC3E6');
const GOLD = hex('#F2C14E');
const CLEAR: Rgba = [255, 255, 255, 0];

interface Ring {
  cx: number;
  cy: number;
  r: number;
  width: number;
}

const dist = (x: number, y: number, c: Ring) => Math.hypot(x - c.cx, y - c.cy);
const onRing = (x: number, y: number, c: Ring) => Math.abs(dist(x, y, c) - c.r) <= c.width / 2;
const inDisc = (x: number, y: number, c: Ring) => dist(x, y, c) <= c.r;

/**
 * Rasterises `shade` with `ss`×`ss` supersampling per pixel, averaging in premultiplied
 * alpha. Fully transparent pixels come out as white with alpha 0.
 */
function raster(size: number, ss: number, shade: (x: number, y: number) => Rgba): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const n = ss * ss;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = shade(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      if (a === 0) data.set([255, 255, 255, 0], i);
      else data.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / n) * 255)], i);
    }
  }
  return { width: size, height: size, data };
}

/** 192×192: light rings on the accent blue, the overlap in gold. */
export function colorIcon(): RgbaImage {
  const s = COLOR_ICON_SIZE;
  const left: Ring = { cx: s / 2 - 22, cy: s / 2, r: 38, width: 11 };
  const right: Ring = { cx: s / 2 + 22, cy: s / 2, r: 38, width: 11 };
  return raster(s, 4, (x, y) => {
    if (onRing(x, y, left)) return WHITE;
    if (onRing(x, y, right)) return LIGHT_BLUE;
    if (inDisc(x, y, left) && inDisc(x, y, right)) return GOLD;
    return BLUE;
  });
}

/** 32×32: the same mark in white on transparent. */
export function outlineIcon(): RgbaImage {
  const s = OUTLINE_ICON_SIZE;
  const left: Ring = { cx: s / 2 - 5.5, cy: s / 2, r: 8.5, width: 2 };
  const right: Ring = { cx: s / 2 + 5.5, cy: s / 2, r: 8.5, width: 2 };
  return raster(s, 8, (x, y) =>
    onRing(x, y, left) || onRing(x, y, right) || (inDisc(x, y, left) && inDisc(x, y, right)) ? WHITE : CLEAR,
  );
}

/** The icon files as they are committed and packaged. */
export function renderIcons(): { 'color.png': Buffer; 'outline.png': Buffer } {
  return { 'color.png': encodePng(colorIcon()), 'outline.png': encodePng(outlineIcon()) };
}

function main(): void {
  for (const [name, png] of Object.entries(renderIcons())) {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
    writeFileSync(path, png);
    console.log(`wrote ${path} (${png.length} bytes)`);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) main();
