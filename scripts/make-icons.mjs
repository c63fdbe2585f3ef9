// Draws the add-in's icons (a green ledger page with a tick) and writes them as PNG files into assets/.
// No image packages: shapes are rasterised with 8x8 supersampling and encoded with node's zlib.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "assets");

const GREEN = [0x1e, 0x71, 0x45];
const WHITE = [0xff, 0xff, 0xff];
const RULE = [0x9c, 0xc8, 0xae];
const TICK = [0x10, 0x5e, 0x36];

// The glyph on a 16-unit grid, so that edges fall on whole pixels at 16, 32, 64 and 80 px.
const tile = { x0: 0, y0: 0, x1: 16, y1: 16, r: 3 };
const page = { x0: 3, y0: 2, x1: 13, y1: 14, r: 1 };
const rules = [
  { x0: 5, y0: 4, x1: 11, y1: 5 },
  { x0: 5, y0: 6, x1: 11, y1: 7 },
];
const tick = {
  points: [
    [5.5, 9.5],
    [7.5, 11.5],
    [11, 8],
  ],
  width: 1.5,
};

/** Tells whether a point lies inside a rectangle whose corners are rounded with radius r. */
function inRoundedRect(x, y, { x0, y0, x1, y1, r = 0 }) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from a point to the segment a-b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Tells whether a point lies on the tick's stroke (round caps and joins). */
function onTick(x, y) {
  for (let i = 1; i < tick.points.length; i++) {
    if (segmentDistance(x, y, tick.points[i - 1], tick.points[i]) <= tick.width / 2) return true;
  }
  return false;
}

/** Returns the colour of one sample point in glyph units, or null where the icon is transparent. */
function sample(x, y) {
  if (!inRoundedRect(x, y, tile)) return null;
  if (onTick(x, y)) return TICK;
  if (!inRoundedRect(x, y, page)) return GREEN;
  if (rules.some((rect) => inRoundedRect(x, y, rect))) return RULE;
  return WHITE;
}

/** Renders the glyph at size x size pixels into straight (non-premultiplied) RGBA bytes. */
function renderIcon(size, samplesPerAxis = 8) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 16 / size;
  const n = samplesPerAxis;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = sample((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale);
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return rgba;
}

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks need it (zlib.crc32 only exists from Node 20.15). */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA bytes as a PNG file (8-bit RGBA, no filtering, deflated with zlib). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    // each row starts with filter type 0 (None)
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outputs = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["logo-filled.png", 300],
];

mkdirSync(outDir, { recursive: true });
for (const [name, size] of outputs) {
  const file = join(outDir, name);
  writeFileSync(file, encodePng(size, size, renderIcon(size)));
  console.log(`wrote ${file} (${size}x${size})`);
}
