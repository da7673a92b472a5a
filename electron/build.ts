/**
 * Bundles the main process and the preload (`npm run build:electron`, i.e. `tsx electron/build.ts`):
 *   dist/electron/main.cjs     Electron's main process; only 'electron' and node: built-ins stay external.
 *   dist/electron/preload.cjs  ONE CommonJS file that requires nothing but 'electron': a sandboxed
 *                              preload cannot load anything else.
 * Fails when a bundle would load anything more at run time.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBundles, externalImports, unexpectedImports } from './bundles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundles = electronBundles(root);

const results = await Promise.all(
  (['main', 'preload'] as const).map(async (name) => {
    const result = await build({ ...bundles[name], logLevel: 'info' });
    return { name, imports: externalImports(result.metafile) };
  }),
);

let failed = false;
for (const { name, imports } of results) {
  const unexpected = unexpectedImports(name, imports);
  if (unexpected.length > 0) {
    console.error(`${name}.cjs would require ${unexpected.join(', ')} at run time, which the packaged app cannot load`);
    failed = true;
  } else {
    console.log(`${name}.cjs requires: ${imports.join(', ')}`);
  }
}
if (failed) process.exit(1);
