import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { signatureHeaders, signingString } from '../../../shared/sync/wire';

/** A paired till's key: the private half never leaves the device. */
export type DeviceKey = { privateKey: KeyObject; publicKeyBase64url: string };

export function generateDeviceKey(): { key: DeviceKey; pkcs8: Buffer } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { key: deviceKeyFrom(privateKey), pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export function deviceKeyFromPkcs8(pkcs8: Buffer): DeviceKey {
  return deviceKeyFrom(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
}

function deviceKeyFrom(privateKey: KeyObject): DeviceKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { privateKey, publicKeyBase64url: String(jwk.x) };
}

/** Headers that let the platform check who sent a request, that it is fresh, and that it is unchanged. */
export function signRequest(
  request: { deviceId: string; key: DeviceKey; method: string; pathAndQuery: string; body: string },
  now: number = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('base64url');
  const bodySha256Hex = createHash('sha256').update(request.body).digest('hex');
  const text = signingString({
    method: request.method,
    pathAndQuery: request.pathAndQuery,
    timestamp,
    nonce,
    bodySha256Hex,
  });
  return {
    [signatureHeaders.device]: request.deviceId,
    [signatureHeaders.timestamp]: timestamp,
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: sign(null, Buffer.from(text), request.key.privateKey).toString('base64url'),
  };
}
