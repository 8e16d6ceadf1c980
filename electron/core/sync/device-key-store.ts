import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../device-secret';

/** Where the till's private signing key lives: a 0600 file here, the OS keystore under Electron. */
export type DeviceKeyStore = { read(): Buffer | null; write(pkcs8: Buffer): void };

export const deviceKeyFile = 'device-key.der';

export function fileDeviceKeyStore(dataDir: string): DeviceKeyStore {
  const path = join(dataDir, deviceKeyFile);
  return {
    read: () => (existsSync(path) ? readFileSync(path) : null),
    // A new pairing replaces the key: the platform knows only the newest public half.
    write: (pkcs8) => {
      writeFileDurably(path, pkcs8, { replace: true });
    },
  };
}
