// Measures what a phone downloads before the first screen: the entry script,
// its static imports and the CSS referenced by dist/client/index.html,
// gzip-compressed (level 9). Locale files (about 2.5 KB gzip per language)
// load right after, and lazily loaded screens are not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/client';

function staticImports(code) {
  return [...code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}

export function measureInitialBundle() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) {
      for (const dep of staticImports(readFileSync(join(DIST, file), 'utf8'))) queue.push(`assets/${dep}`);
    }
  }
  let gzipBytes = 0;
  const files = [];
  for (const file of seen) {
    const size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    gzipBytes += size;
    files.push({ file, gzipBytes: size });
  }
  return { gzipBytes, files };
}
