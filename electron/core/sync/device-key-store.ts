import { plainSecretFile, type SecretFile } from '../secret-file';

/** Where the till's private signing key lives: a 0600 file here, the OS keystore under Electron. */
export type DeviceKeyStore = Pick<SecretFile, 'read' | 'write'>;

export const deviceKeyFile = 'device-key.der';

// A new pairing replaces the key: the platform knows only the newest public half.
export function fileDeviceKeyStore(dataDir: string): DeviceKeyStore {
  return plainSecretFile(dataDir, deviceKeyFile);
}
