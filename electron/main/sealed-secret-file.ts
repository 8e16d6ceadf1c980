import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../core/device-secret';
import { plainSecretFile, type SecretFile } from '../core/secret-file';
import { canSeal, type SafeStorageLike } from './sealed-device-secret';

/**
 * A secret sealed by the OS keystore (`<name>.enc`), so a copy of the data folder alone cannot use
 * it. Where the keystore is not usable the core's 0600 file is used instead.
 */
export function sealedSecretFile(dataDir: string, name: string, storage: SafeStorageLike): SecretFile {
  if (!canSeal(storage)) return plainSecretFile(dataDir, name);
  const path = join(dataDir, `${name}.enc`);
  return {
    read: () => (existsSync(path) ? Buffer.from(storage.decryptString(readFileSync(path)), 'base64') : null),
    write: (secret) => {
      const sealed = storage.encryptString(secret.toString('base64'));
      if (!Buffer.from(storage.decryptString(sealed), 'base64').equals(secret)) {
        throw new Error(`The keystore did not give back the ${name} it sealed.`);
      }
      writeFileDurably(path, sealed, { replace: true });
    },
    forget: () => rmSync(path, { force: true }),
  };
}
