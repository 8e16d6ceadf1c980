import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../core/device-secret';
import { type DeviceKeyStore, fileDeviceKeyStore } from '../core/sync/device-key-store';
import { canSeal, type SafeStorageLike } from './sealed-device-secret';

export const sealedKeyFile = 'device-key.der.enc';

/**
 * The platform signing key sealed by the OS keystore, so a copy of the data folder alone cannot
 * act as this till. Where the keystore is not usable the core's 0600 file is used instead.
 */
export function sealedDeviceKeyStore(dataDir: string, storage: SafeStorageLike): DeviceKeyStore {
  if (!canSeal(storage)) return fileDeviceKeyStore(dataDir);
  const path = join(dataDir, sealedKeyFile);
  return {
    read: () => (existsSync(path) ? Buffer.from(storage.decryptString(readFileSync(path)), 'base64') : null),
    write: (pkcs8) => {
      const sealed = storage.encryptString(pkcs8.toString('base64'));
      if (!Buffer.from(storage.decryptString(sealed), 'base64').equals(pkcs8)) {
        throw new Error('The keystore did not give back the device key it sealed.');
      }
      writeFileDurably(path, sealed, { replace: true });
    },
  };
}
