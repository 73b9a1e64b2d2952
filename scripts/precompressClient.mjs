// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the built
// client, once at build time, so the server sends compressed files without
// compressing on every request (@fastify/static's preCompressed). On a rural
// link the first open is the app's own files: ~490 KB as built.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = process.argv[2] ?? 'dist/client';
const TEXT = /\.(?:js|mjs|css|html|json|webmanifest|svg|txt)$/;
/** Below this a compressed copy saves too little to be worth a second file. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(ROOT)) {
  if (!TEXT.test(path)) continue;
  const content = readFileSync(path);
  if (content.length < MIN_BYTES) continue;
  const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  before += content.length;
  after += br.length;
}
console.log(
  `precompressed the client: ${(before / 1024).toFixed(0)} KB of text files, ${(after / 1024).toFixed(0)} KB as brotli`,
);
