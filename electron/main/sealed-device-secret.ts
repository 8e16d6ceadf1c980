import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DeviceSecretError, writeFileDurably } from '../core/device-secret';

/** The part of Electron's `safeStorage` used here. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export const sealedSecretFile = 'device.secret.enc';
const plainSecretFile = 'device.secret';

/**
 * On Linux without a keyring, safeStorage "encrypts" with a fixed, public key; that protects
 * nothing and only adds a way to lose the secret, so it counts as unavailable.
 */
export function canSeal(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = storage.getSelectedStorageBackend?.() ?? 'unknown';
  return backend !== 'basic_text' && backend !== 'unknown';
}

/**
 * The 32-byte PIN pepper, sealed by the OS keystore. Returns undefined when the keystore is not
 * usable, so the core keeps its plain 0600 file. A plain secret left by an earlier run (or by the
 * browser host) is sealed and then removed: a fresh one would make every stored PIN wrong.
 */
export function loadSealedDeviceSecret(
  dataDir: string,
  storage: SafeStorageLike,
  { storeInUse = false }: { storeInUse?: boolean } = {},
): Buffer | undefined {
  const sealedPath = join(dataDir, sealedSecretFile);
  const plainPath = join(dataDir, plainSecretFile);
  const sealable = canSeal(storage);
  if (existsSync(sealedPath)) {
    if (!sealable) {
      throw new Error(
        `${sealedPath} is sealed by this computer's keystore, which is not available now. Unlock the keyring and start Counter again.`,
      );
    }
    return checked(Buffer.from(storage.decryptString(readFileSync(sealedPath)), 'base64'), sealedPath);
  }
  if (!sealable) return undefined;

  // Staff PINs and the audit chain of a store in use were made with a secret: a new one would lock everyone out.
  if (!existsSync(plainPath) && storeInUse) throw new DeviceSecretError(plainPath);
  const secret = existsSync(plainPath) ? checked(readFileSync(plainPath), plainPath) : randomBytes(32);
  const sealed = storage.encryptString(secret.toString('base64'));
  if (!Buffer.from(storage.decryptString(sealed), 'base64').equals(secret)) {
    throw new Error('The keystore did not give back the device secret it sealed; it was left unchanged.');
  }
  // The plain copy goes only once the sealed one is on disk, so a power cut never leaves neither.
  writeFileDurably(sealedPath, sealed, { replace: true });
  rmSync(plainPath, { force: true });
  return secret;
}

function checked(secret: Buffer, path: string): Buffer {
  if (secret.length === 32) return secret;
  throw new Error(`${path} is damaged (expected 32 bytes); restore it from a backup`);
}
