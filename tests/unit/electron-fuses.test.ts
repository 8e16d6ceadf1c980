import { FuseV1Options } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

/**
 * The fuses the security review asked for, by @electron/fuses' own names. Every fuse that package
 * knows is listed: a newer one appears here as a failure until someone decides its value.
 */
const expected: Record<keyof typeof FuseV1Options, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

const root = new URL('../..', import.meta.url).pathname;

type FuseWire = Partial<Record<FuseV1Options, boolean>>;
/** The private step electron-builder runs right before it flips the binary: config → fuse wire. */
type FuseWireMaker = { generateFuseConfig(fuses: unknown): Promise<FuseWire> };

async function packagingConfig() {
  const config = await getConfig(root, null, null);
  // Schema check: a misspelt key would otherwise be ignored and its fuse left at Electron's default.
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('flips every fuse to the reviewed value', async () => {
    const config = await packagingConfig();
    const maker = PlatformPackager.prototype as unknown as FuseWireMaker;
    const wire = await maker.generateFuseConfig.call(null, config.electronFuses);
    const names = Object.keys(FuseV1Options).filter((key) =>
      Number.isNaN(Number(key)),
    ) as (keyof typeof FuseV1Options)[];
    expect(names.sort()).toEqual(Object.keys(expected).sort());
    for (const name of names) expect([name, wire[FuseV1Options[name]]]).toEqual([name, expected[name]]);
  });

  it('packs an asar with its integrity recorded, which those fuses rely on', async () => {
    const config = await packagingConfig();
    expect(config.asar).not.toBe(false);
    expect(config.disableAsarIntegrity).not.toBe(true);
    // The rebuild would leave a Node build of better-sqlite3 in the app (docs/electron.md).
    expect(config.npmRebuild).toBe(false);
  });
});
