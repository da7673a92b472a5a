import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBundles, externalImports, unexpectedImports } from '../../electron/bundles';

const root = path.resolve(import.meta.dirname, '..', '..');
const bundles = electronBundles(root);

async function bundle(name: 'main' | 'preload') {
  const result = await build({ ...bundles[name], write: false, sourcemap: false, logLevel: 'silent' });
  const code = result.outputFiles.find((file) => file.path.endsWith('.cjs'))?.text ?? '';
  return { imports: externalImports(result.metafile), code };
}

describe('the Electron bundles', () => {
  it('bundle the preload into one CommonJS file that requires only electron', async () => {
    const { imports, code } = await bundle('preload');
    expect(imports).toEqual(['electron']);
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual(['electron']);
    // The zod-free files only: the preload stays small.
    expect(code).not.toContain('ZodError');
    expect(code).toContain('exposeInMainWorld("desktop"');
  });

  it('leave main with only electron and Node built-ins to load', async () => {
    const { imports } = await bundle('main');
    expect(imports).toContain('electron');
    expect(unexpectedImports('main', imports)).toEqual([]);
  });

  it('flag anything else', () => {
    expect(unexpectedImports('preload', ['electron', 'node:fs'])).toEqual(['node:fs']);
    expect(unexpectedImports('main', ['electron', 'node:path', 'zod'])).toEqual(['zod']);
  });
});
