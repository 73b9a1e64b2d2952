// Draws Ura's icons (a white bridge arch on teal) as PNG files with Node alone:
// a fresh machine has no ImageMagick. Run once and commit the output:
//   node scripts/generateIcons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [11, 93, 99];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** `paint(x, y)` returns [r, g, b] for pixel coordinates normalised to 0..1. */
function png(size, paint) {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = paint((x + 0.5) / size, (y + 0.5) / size);
      const i = y * (size * 3 + 1) + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A bridge: an arch, a deck and two piers, drawn within `scale` of the centre (maskable safe zone). */
function bridge(scale, rounded) {
  return (x, y) => {
    if (rounded) {
      const dx = Math.max(0, Math.abs(x - 0.5) - 0.32),
        dy = Math.max(0, Math.abs(y - 0.5) - 0.32);
      if (Math.hypot(dx, dy) > 0.18) return WHITE;
    }
    const u = (x - 0.5) / scale,
      v = (y - 0.5) / scale;
    const deck = Math.abs(v - 0.05) < 0.045 && Math.abs(u) < 0.42;
    const r = Math.hypot(u, v - 0.3);
    const arch = r > 0.3 && r < 0.38 && v < 0.3;
    const piers = Math.abs(Math.abs(u) - 0.34) < 0.04 && v > 0.05 && v < 0.3;
    return deck || arch || piers ? WHITE : TEAL;
  };
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, bridge(1, true)));
writeFileSync('public/icons/icon-512.png', png(512, bridge(1, true)));
writeFileSync('public/icons/icon-maskable-512.png', png(512, bridge(0.7, false)));
console.log('wrote public/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
