/**
 * esbuild settings for the two Electron bundles, shared by build.ts and the tests that check
 * what the bundles may load at run time.
 */
import type { BuildOptions, Metafile } from 'esbuild';
import path from 'node:path';

export interface ElectronBundles {
  readonly main: BuildOptions;
  readonly preload: BuildOptions;
}

export function electronBundles(root: string): ElectronBundles {
  const outDir = path.join(root, 'dist', 'electron');
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    metafile: true,
    absWorkingDir: root,
  };
  return {
    main: {
      ...common,
      entryPoints: [path.join(root, 'electron/main/index.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      // Electron 45 ships Node 22.
      target: 'node22',
    },
    preload: {
      ...common,
      entryPoints: [path.join(root, 'electron/preload/index.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // 'browser' turns an accidental Node built-in import into a build error: the sandbox has none.
      platform: 'browser',
      // Electron 45 ships Chromium 140.
      target: 'chrome140',
    },
  };
}

/** Every module an output still loads at run time (what esbuild left external). */
export function externalImports(metafile: Metafile | undefined): string[] {
  return [
    ...new Set(
      Object.values(metafile?.outputs ?? {}).flatMap((output) =>
        output.imports.filter((entry) => entry.external).map((entry) => entry.path),
      ),
    ),
  ].sort();
}

/**
 * What each bundle may require. The packaged app ships no node_modules (electron-builder.yml
 * `files`), so main may only load Electron and Node built-ins; a sandboxed preload only Electron.
 */
export function unexpectedImports(bundle: keyof ElectronBundles, imports: readonly string[]): string[] {
  const allowed = (specifier: string): boolean =>
    specifier === 'electron' || (bundle === 'main' && specifier.startsWith('node:'));
  return imports.filter((specifier) => !allowed(specifier));
}
