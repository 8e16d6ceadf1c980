import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The pepper for PIN hashes, kept beside the database but not in it. Under Electron the shell may
 * hand in a secret from the OS keystore instead (safeStorage).
 */
export function loadDeviceSecret(dataDir: string): Buffer {
  const path = join(dataDir, 'device.secret');
  if (existsSync(path)) {
    const secret = readFileSync(path);
    if (secret.length === 32) return secret;
    throw new Error(`${path} is damaged (expected 32 bytes); restore it from a backup`);
  }
  if (existsSync(`${path}.enc`)) {
    // Sealed by the desktop app's OS keystore: a fresh secret here would silently break every PIN.
    throw new Error(
      `${path}.enc is sealed by the desktop app's keystore; open this data folder with the desktop app, not the browser host`,
    );
  }
  const secret = randomBytes(32);
  writeFileSync(path, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
