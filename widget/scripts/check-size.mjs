// Fails the build when the widget grows past its budget (gzip -9).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const LIMIT = 30 * 1024;
const file = new URL('../dist/cellardoor-widget.js', import.meta.url);
const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 }).length;
console.log(`cellardoor-widget.js: ${raw.length} bytes, ${gz} bytes gzipped (budget ${LIMIT})`);
if (gz > LIMIT) {
  console.error(`cellardoor-widget.js is over its ${LIMIT} byte gzip budget`);
  process.exit(1);
}
