// Fails CI when the first-load JavaScript + CSS grows past the budget in PRODUCT.md.
import { measureInitialBundle } from './bundleSize.mjs';

const BUDGET_BYTES = 150 * 1024;
const { gzipBytes, files } = measureInitialBundle();
for (const { file, gzipBytes: size } of files) console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
console.log(`first-load JS + CSS: ${(gzipBytes / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (gzipBytes > BUDGET_BYTES) {
  console.error('over budget: code-split or drop a dependency');
  process.exit(1);
}
