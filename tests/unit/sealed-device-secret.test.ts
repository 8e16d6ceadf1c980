import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceSecretError } from '../../electron/core/device-secret';
import { loadSealedDeviceSecret, type SafeStorageLike } from '../../electron/main/sealed-device-secret';
import { tempDir } from '../support/temp-dir';

/** Electron's keystore cannot run here; this stands in for it with a reversible transform only. */
const keystore: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString('utf8'),
};

describe('the sealed device secret (Electron)', () => {
  it('seals a plain secret left by the browser host, keeps its value, and removes the plain copy', () => {
    const dir = tempDir();
    const plain = randomBytes(32);
    writeFileSync(join(dir, 'device.secret'), plain);
    expect(loadSealedDeviceSecret(dir, keystore, { storeInUse: true })?.equals(plain)).toBe(true);
    expect(existsSync(join(dir, 'device.secret'))).toBe(false);
    expect(loadSealedDeviceSecret(dir, keystore, { storeInUse: true })?.equals(plain)).toBe(true);
    expect(readdirSync(dir)).toEqual(['device.secret.enc']);
  });

  it('refuses to make a new secret for a store whose PINs were made with the lost one', () => {
    expect(() => loadSealedDeviceSecret(tempDir(), keystore, { storeInUse: true })).toThrow(DeviceSecretError);
    const fresh = tempDir();
    expect(loadSealedDeviceSecret(fresh, keystore, { storeInUse: false })).toHaveLength(32);
  });

  it('leaves the plain file to the core where the keystore protects nothing', () => {
    const basic = { ...keystore, getSelectedStorageBackend: () => 'basic_text' };
    expect(loadSealedDeviceSecret(tempDir(), basic, { storeInUse: true })).toBeUndefined();
  });
});
