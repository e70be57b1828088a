/**
 * Writes the add-in's icons assets/icon-{16,32,64,80,128}.png: a dark-red tile with three white
 * bars of a rising chart. Plain PNG through zlib so that no image library is needed.
 * Run: node scripts/make-icons.js
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const TILE = [0xc0, 0x00, 0x00];
const BAR = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixel of the icon at (x, y) for size n. */
function pixel(x, y, n) {
  const r = n * 0.18; // rounded corners
  const cx = Math.min(Math.max(x + 0.5, r), n - r);
  const cy = Math.min(Math.max(y + 0.5, r), n - r);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const pad = n * 0.2;
  const w = (n - 2 * pad) / 5;
  const heights = [0.35, 0.6, 0.9];
  for (let i = 0; i < 3; i++) {
    const x0 = pad + i * 2 * w;
    const top = n - pad - heights[i] * (n - 2 * pad);
    if (x >= Math.floor(x0) && x < Math.floor(x0 + w) && y >= Math.floor(top) && y < Math.ceil(n - pad)) return [...BAR, 255];
  }
  return [...TILE, 255];
}

function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) Buffer.from(pixel(x, y, n)).copy(raw, y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const n of SIZES) fs.writeFileSync(path.join(dir, `icon-${n}.png`), png(n));
console.log(`assets/icon-{${SIZES.join(",")}}.png`);
