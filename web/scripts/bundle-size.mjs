// Reports the JavaScript a first visit downloads (entry script + modulepreloads in dist/index.html),
// gzipped, and the size of each lazily loaded chunk. Run after `vite build`: `npm run size`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const size = (file) => {
  const buf = fs.readFileSync(path.join(dist, file));
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
let total = { raw: 0, gzip: 0 };
console.log('Initial JS (first visit):');
for (const f of initial) {
  const s = size(f);
  total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip };
  console.log(`  ${f.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(48)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} gzip`);
const lazy = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
console.log('\nLazily loaded chunks:');
for (const f of lazy.sort()) {
  const s = size(`assets/${f}`);
  console.log(`  ${f.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
}
console.log(`\nINITIAL_JS_GZIP_BYTES=${total.gzip}`);
