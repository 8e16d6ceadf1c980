import { type DeviceKeyStore, deviceKeyFile } from '../core/sync/device-key-store';
import type { SafeStorageLike } from './sealed-device-secret';
import { sealedSecretFile } from './sealed-secret-file';

/** The platform signing key sealed by the OS keystore, so a copy of the data folder alone cannot act as this till. */
export function sealedDeviceKeyStore(dataDir: string, storage: SafeStorageLike): DeviceKeyStore {
  return sealedSecretFile(dataDir, deviceKeyFile, storage);
}
