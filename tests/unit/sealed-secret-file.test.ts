import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealedDeviceKeyStore } from '../../electron/main/sealed-device-key';
import type { SafeStorageLike } from '../../electron/main/sealed-device-secret';
import { sealedSecretFile } from '../../electron/main/sealed-secret-file';
import { tempDir } from '../support/temp-dir';

/** Electron's keystore cannot run here; this stands in for it with a reversible transform only. */
const keystore: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString('utf8'),
};

describe('a secret sealed by the OS keystore (Electron)', () => {
  it('keeps only the sealed file, gives the secret back, and forgets it', () => {
    const dir = tempDir();
    const file = sealedSecretFile(dir, 'owner-session.json', keystore);
    expect(file.read()).toBeNull();
    const secret = Buffer.from(JSON.stringify({ token: 'a session token' }));
    file.write(secret);
    expect(readdirSync(dir)).toEqual(['owner-session.json.enc']);
    expect(readFileSync(join(dir, 'owner-session.json.enc')).toString('latin1')).not.toContain('a session token');
    expect(file.read()?.equals(secret)).toBe(true);
    file.forget();
    expect(readdirSync(dir)).toEqual([]);
    expect(file.read()).toBeNull();
  });

  it('writes nothing when the keystore does not give back what it sealed', () => {
    const dir = tempDir();
    const forgetful = { ...keystore, decryptString: () => 'something else' };
    expect(() => sealedSecretFile(dir, 'owner-session.json', forgetful).write(Buffer.from('x'))).toThrow(
      /did not give back/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('falls back to a 0600 file where the keystore protects nothing', () => {
    const dir = tempDir();
    const basic = { ...keystore, getSelectedStorageBackend: () => 'basic_text' };
    sealedSecretFile(dir, 'owner-session.json', basic).write(Buffer.from('plain'));
    expect(readdirSync(dir)).toEqual(['owner-session.json']);
    expect(statSync(join(dir, 'owner-session.json')).mode & 0o777).toBe(0o600);
  });

  it('still reads a device key sealed before the secret files were one piece', () => {
    const dir = tempDir();
    const pkcs8 = randomBytes(48);
    writeFileSync(join(dir, 'device-key.der.enc'), keystore.encryptString(pkcs8.toString('base64')));
    expect(sealedDeviceKeyStore(dir, keystore).read()?.equals(pkcs8)).toBe(true);
  });
});
