// Names each built file after a hash of its bytes and writes it precompressed beside itself,
// for the server to send as the browser accepts (tower-http's ServeDir picks `.br` or `.gz`):
//   node scripts/pack-assets.mjs <pkg dir> <list file>
// Turns <pkg>/<name> into <pkg>/<stem>.<hash>.<ext> (+ .br, .gz) and writes the list of names the
// server reads to name them in pages (app/src/core/assets.rs).
// Compression is Node's own zlib (brotli at its best quality, gzip at 9): the files are built once
// and sent many times.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [pkg, list] = process.argv.slice(2);
if (!pkg || !list) {
  console.error('usage: node scripts/pack-assets.mjs <pkg dir> <list file>');
  process.exit(2);
}
const names = {};
for (const name of readdirSync(pkg).sort()) {
  if (!/^[a-z_-]+\.(js|wasm|css|svg)$/.test(name)) continue;
  const bytes = readFileSync(join(pkg, name));
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
  const dot = name.lastIndexOf('.');
  const hashed = `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
  renameSync(join(pkg, name), join(pkg, hashed));
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(join(pkg, `${hashed}.br`), brotli);
  writeFileSync(join(pkg, `${hashed}.gz`), gzipSync(bytes, { level: 9 }));
  names[name] = hashed;
}
for (const stale of readdirSync(pkg)) {
  if (!Object.values(names).some((hashed) => stale.startsWith(hashed))) unlinkSync(join(pkg, stale));
}
writeFileSync(list, `${JSON.stringify(names, null, 2)}\n`);
