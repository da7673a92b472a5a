import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Reads electron-builder.yml with electron-builder's own loader. */
async function loadConfig(): Promise<Configuration> {
  const read = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null },
    'electron-builder.yml',
  );
  if (read === null) throw new Error('electron-builder.yml not found');
  return read.result;
}

const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('is rejected by the same validation once broken (so the check above means something)', async () => {
    const config = await loadConfig();
    await expect(validate({ ...config, asar: 'yes' } as unknown as Configuration)).rejects.toThrow(/asar/);
    await expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodeTypo: false } } as unknown as Configuration),
    ).rejects.toThrow(/electronFuses/);
  });

  it('ships only the bundles and the manifest', async () => {
    const config = await loadConfig();
    expect(config.files).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.directories?.output).toBe('release');
  });

  it('identifies the app and registers the sdrdesk:// scheme', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('com.sdrdesk.app');
    expect(config.productName).toBe('SDR Desk');
    expect(config.protocols).toEqual([{ name: 'SDR Desk', schemes: ['sdrdesk'] }]);
  });

  it('targets AppImage and deb, NSIS and dmg', async () => {
    const config = await loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('flips the hardening fuses', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
