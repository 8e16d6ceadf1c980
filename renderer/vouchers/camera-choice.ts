/**
 * The camera this till scans vouchers with: a preference of this device only (another till has
 * other cameras), kept in the browser's storage. Null: the first camera found.
 */
const storageKey = 'counter.voucher.camera';

export function savedCameraId(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveCameraId(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, id);
  } catch {
    // A blocked storage only means the choice is asked for again next time.
  }
}

export type CameraDevice = { id: string; label: string };

/** The saved camera when it is still plugged in, else the first one; null with no camera at all. */
export function pickCamera(cameras: readonly CameraDevice[], saved: string | null): CameraDevice | null {
  return cameras.find((camera) => camera.id === saved) ?? cameras[0] ?? null;
}

export type CameraProblem = 'none' | 'denied' | 'busy' | 'insecure' | 'failed';

/**
 * Why the camera did not start, from what the browser threw (html5-qrcode passes the browser's
 * DOMException on, or a string naming it): the cashier gets a message they can act on.
 */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error ? error.name : '';
  const text = `${name} ${error instanceof Error ? error.message : String(error)}`;
  if (/NotAllowed|Permission|denied|SecurityError/i.test(text)) return 'denied';
  if (/NotFound|DevicesNotFound|no camera|OverconstrainedError|Requested device not found/i.test(text)) return 'none';
  if (/NotReadable|TrackStart|Could not start|in use/i.test(text)) return 'busy';
  if (/secure context|https|not supported|getUserMedia/i.test(text)) return 'insecure';
  return 'failed';
}
