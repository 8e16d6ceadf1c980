import { chmodSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPlatform } from '../../platform/server/start-platform';
import { countEntries, looseModes } from '../support/owner-only';
import { tempDir } from '../support/temp-dir';
import { AdminClient } from './support/clients';

/** What an earlier version left: folders 0755 and PGlite's files 0666. */
function loosen(path: string): void {
  const stat = lstatSync(path);
  chmodSync(path, stat.isDirectory() ? 0o755 : 0o666);
  if (stat.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name));
}

/** Issue 13: the platform's data folder (PGlite, admin token, KEK) is its owner's alone. */
describe('a platform data folder on PGlite', () => {
  const dataDir = join(tempDir('counter-platform-'), 'data');

  it('is owner-only after a first start, while it runs and once it is closed', async () => {
    const platform = await startPlatform({ dataDir, port: 0 });
    try {
      await new AdminClient(platform.url, platform.adminToken).createStore('Modes');
      expect(countEntries(dataDir)).toBeGreaterThan(500);
      expect(looseModes(dataDir)).toEqual([]);
    } finally {
      await platform.close();
    }
    expect(looseModes(dataDir)).toEqual([]);
  });

  it('is tightened on start when an earlier version left it world-writable', async () => {
    loosen(dataDir);
    expect(looseModes(dataDir).length).toBeGreaterThan(500);
    const platform = await startPlatform({ dataDir, port: 0 });
    try {
      expect(looseModes(dataDir)).toEqual([]);
    } finally {
      await platform.close();
    }
    expect(looseModes(dataDir)).toEqual([]);
  });

  it('keeps the mode of a folder that is not only the platform’s, and makes its own entries owner-only', async () => {
    const shared = tempDir('counter-shared-');
    chmodSync(shared, 0o755);
    writeFileSync(join(shared, 'notes.txt'), 'not the platform’s', { mode: 0o644 });
    chmodSync(join(shared, 'notes.txt'), 0o644);
    const platform = await startPlatform({ dataDir: shared, port: 0 });
    await platform.close();
    expect(countEntries(shared)).toBeGreaterThan(500);
    expect(looseModes(shared)).toEqual(['. 755', 'notes.txt 644']);
  });
});
