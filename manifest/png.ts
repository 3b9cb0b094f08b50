import { deflateSync, inflateSync } from 'node:zlib';

/**
 * A tiny PNG codec, enough for the app icons: it encodes 8-bit RGBA images and decodes
 * the common non-interlaced 8-bit PNGs (grey, RGB, palette, grey+alpha, RGBA) so the
 * build can check icons a designer may swap in. No image library is needed.
 */

/** Pixels as RGBA bytes, row by row, `width * height * 4` long. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export class PngError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PngError';
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / ITU-T V.42), as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** Encodes an RGBA image as a PNG (colour type 6, 8 bits, no interlace, filter 0). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new PngError(`bad size ${width}x${height}`);
  if (data.length !== width * height * 4)
    throw new PngError(`expected ${width * height * 4} bytes of RGBA, got ${data.length}`);

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None per scanline
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

interface Chunk {
  type: string;
  data: Buffer;
}

function readChunks(png: Uint8Array): Chunk[] {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < SIGNATURE.length || !buf.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file (bad signature)');
  const chunks: Chunk[] = [];
  let pos = 8;
  while (pos + 12 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > buf.length) throw new PngError(`truncated ${type} chunk`);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (crc32(buf.subarray(pos + 4, pos + 8 + length)) !== buf.readUInt32BE(pos + 8 + length))
      throw new PngError(`CRC mismatch in ${type} chunk`);
    chunks.push({ type, data });
    pos = end;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new PngError('IHDR chunk missing');
  return chunks;
}

/** Reads only the header (size, depth, colour type). */
export function readPngHeader(png: Uint8Array): PngHeader {
  const ihdr = readChunks(png)[0]!.data;
  if (ihdr.length !== 13) throw new PngError('bad IHDR length');
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8]!,
    colorType: ihdr[9]!,
    interlace: ihdr[12]!,
  };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a non-interlaced 8-bit PNG of any colour type into RGBA. Anything else
 * (16-bit, 1/2/4-bit, Adam7) throws a PngError saying so.
 */
export function decodePng(png: Uint8Array): RgbaImage {
  const chunks = readChunks(png);
  const { width, height, bitDepth, colorType, interlace } = readPngHeader(png);
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngError(`unknown colour type ${colorType}`);
  if (bitDepth !== 8) throw new PngError(`unsupported bit depth ${bitDepth} (only 8-bit PNGs are checked)`);
  if (interlace !== 0) throw new PngError('interlaced PNGs are not supported');

  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  const trns = chunks.find((c) => c.type === 'tRNS')?.data;
  if (colorType === 3 && !palette) throw new PngError('palette image without PLTE chunk');

  const compressed = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  let raw: Buffer;
  try {
    raw = inflateSync(compressed);
  } catch (e) {
    throw new PngError(`bad image data: ${(e as Error).message}`);
  }
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new PngError('image data too short');

  // Undo the per-scanline filters in place into `px`.
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels]! : 0;
      const b = y > 0 ? px[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[row - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      let out: number;
      switch (filter) {
        case 0: out = v; break;
        case 1: out = v + a; break;
        case 2: out = v + b; break;
        case 3: out = v + ((a + b) >> 1); break;
        case 4: out = v + paeth(a, b, c); break;
        default: throw new PngError(`bad filter type ${filter} on row ${y}`);
      }
      px[row + x] = out & 0xff;
    }
  }

  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const d = i * 4;
    switch (colorType) {
      case 0: {
        const g = px[s]!;
        const transparent = trns && trns.length >= 2 && trns.readUInt16BE(0) === g;
        data.set([g, g, g, transparent ? 0 : 255], d);
        break;
      }
      case 2: {
        const [r, g, b] = [px[s]!, px[s + 1]!, px[s + 2]!];
        const transparent =
          trns && trns.length >= 6 && trns.readUInt16BE(0) === r && trns.readUInt16BE(2) === g && trns.readUInt16BE(4) === b;
        data.set([r, g, b, transparent ? 0 : 255], d);
        break;
      }
      case 3: {
        const idx = px[s]!;
        if (idx * 3 + 2 >= palette!.length) throw new PngError(`palette index ${idx} out of range`);
        data.set([palette![idx * 3]!, palette![idx * 3 + 1]!, palette![idx * 3 + 2]!, trns && idx < trns.length ? trns[idx]! : 255], d);
        break;
      }
      case 4:
        data.set([px[s]!, px[s]!, px[s]!, px[s + 1]!], d);
        break;
      case 6:
        data.set([px[s]!, px[s + 1]!, px[s + 2]!, px[s + 3]!], d);
        break;
    }
  }
  return { width, height, data };
}
