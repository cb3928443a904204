// Draws the extension icon, images/icon.png (128×128): a readiness gauge with a check mark
// on a dark rounded square. Plain Node (zlib for the PNG), so the icon can be redrawn
// anywhere: `node scripts/icon.mjs`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";

const SIZE = 128;
/** Samples per pixel side: 4×4 supersampling smooths the edges. */
const SAMPLES = 4;

const BACKGROUND_TOP = [0x24, 0x2a, 0x5c];
const BACKGROUND_BOTTOM = [0x14, 0x17, 0x33];
const TRACK = [0x3b, 0x42, 0x7a];
const GAUGE = [0x4a, 0xde, 0x80];
const CHECK = [0xff, 0xff, 0xff];

const CENTER = 64;
const RING_RADIUS = 40;
const RING_WIDTH = 10;
/** The gauge opens at the bottom: it runs from 135° to 405° (clockwise, y down). */
const ARC_START = (135 * Math.PI) / 180;
const ARC_SWEEP = (270 * Math.PI) / 180;
/** How much of the gauge is lit. */
const FILLED = 0.78;
const CHECK_POINTS = [
  [46, 66],
  [59, 79],
  [84, 52],
];
const CHECK_WIDTH = 11;

/** Inside the rounded square (corner radius 26), with a 2 px margin. */
function inBackground(x, y) {
  const r = 26;
  const lo = 2 + r;
  const hi = SIZE - 2 - r;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= r * r;
}

/** Angle along the gauge, 0 at its start, or -1 outside the arc's sweep. */
function gaugePosition(x, y) {
  const distance = Math.hypot(x - CENTER, y - CENTER);
  if (Math.abs(distance - RING_RADIUS) > RING_WIDTH / 2) return -1;
  let angle = Math.atan2(y - CENTER, x - CENTER) - ARC_START;
  while (angle < 0) angle += 2 * Math.PI;
  return angle <= ARC_SWEEP ? angle / ARC_SWEEP : -1;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function inCheck(x, y) {
  return (
    distanceToSegment(x, y, CHECK_POINTS[0], CHECK_POINTS[1]) <= CHECK_WIDTH / 2 ||
    distanceToSegment(x, y, CHECK_POINTS[1], CHECK_POINTS[2]) <= CHECK_WIDTH / 2
  );
}

/** The colour at one sample point, or null for transparent. */
function sample(x, y) {
  if (!inBackground(x, y)) return null;
  if (inCheck(x, y)) return CHECK;
  const along = gaugePosition(x, y);
  if (along >= 0) return along <= FILLED ? GAUGE : TRACK;
  const t = y / SIZE;
  return BACKGROUND_TOP.map((top, i) => Math.round(top + (BACKGROUND_BOTTOM[i] - top) * t));
}

function pixels() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
          sum[3]++;
        }
      }
      const at = (py * SIZE + px) * 4;
      // Colour averaged over the covered samples (no dark fringe), alpha from the coverage.
      for (let i = 0; i < 3; i++) rgba[at + i] = sum[3] === 0 ? 0 : Math.round(sum[i] / sum[3]);
      rgba[at + 3] = Math.round((255 * sum[3]) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function png(rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter byte 0: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = join(dirname(new URL(import.meta.url).pathname), "..", "images", "icon.png");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png(pixels()));
console.log(`wrote images/icon.png (${SIZE}×${SIZE})`);
