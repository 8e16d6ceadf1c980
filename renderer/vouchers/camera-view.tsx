import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { useEffect, useId, useRef } from 'react';
import { type CameraProblem, cameraProblem } from './camera-choice';
import { readAtSizes, readCloseUps } from './picture-reads';
import './vouchers.css';

type CameraViewProps = {
  /** A camera id from the list; null lets the browser pick the one facing away from the user. */
  cameraId: string | null;
  onText(text: string): void;
  onProblem(problem: CameraProblem): void;
  /** Called once the picture is showing. */
  onStarted?(): void;
};

/** The same code is read many times a second while it is held up; it counts once per showing. */
const repeatMs = 2_000;

/** One camera at a time: a view that follows another (a remount, the next dialog) waits for it to let go. */
let cameraFree: Promise<unknown> = Promise.resolve();

/** QR only: looking for fourteen other formats in every frame slows the one we want. */
const readerConfig = { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false };

/**
 * The live camera picture, reading QR codes as they come into view. The camera is switched off when
 * the view goes away (a closed dialog, another tab), even when it is still starting.
 */
export function CameraView({ cameraId, onText, onProblem, onStarted }: CameraViewProps) {
  const elementId = `camera-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const latest = useRef({ onText, onProblem, onStarted });
  latest.current = { onText, onProblem, onStarted };

  useEffect(() => {
    const reader = new Html5Qrcode(elementId, readerConfig);
    let last = { text: '', at: 0 };
    let closed = false;
    let stopCloseUps = () => {};
    const read = (text: string) => {
      const now = Date.now();
      if (closed || (text === last.text && now - last.at < repeatMs)) return;
      last = { text, at: now };
      latest.current.onText(text);
    };
    const started = cameraFree
      .then(() =>
        closed
          ? Promise.reject(new Error('closed'))
          : reader.start(
              cameraId ?? { facingMode: 'environment' },
              { fps: 12, qrbox: (width, height) => squareBox(width, height) },
              read,
              undefined,
            ),
      )
      .then(
        () => {
          if (closed) return true;
          stopCloseUps = readCloseUps(() => document.querySelector(`#${elementId} video`), readOnce, read);
          latest.current.onStarted?.();
          return true;
        },
        (error: unknown) => {
          if (!closed) latest.current.onProblem(cameraProblem(error));
          return false;
        },
      );
    return () => {
      closed = true;
      stopCloseUps();
      cameraFree = started.then(async (running) => {
        if (running) await reader.stop().catch(() => undefined);
        reader.clear();
      });
    };
  }, [elementId, cameraId]);

  return <div id={elementId} className="camera-view" data-testid="camera-view" />;
}

/** The aiming square: most of the shorter side, so a phone held up close still fits. */
function squareBox(width: number, height: number) {
  const side = Math.max(120, Math.floor(Math.min(width, height) * 0.8));
  return { width: side, height: side };
}

/** The cameras this device has; asking for them is what brings up the browser's permission prompt. */
export async function listCameras(): Promise<{ id: string; label: string }[]> {
  return Html5Qrcode.getCameras();
}

/** Reads the QR in a photo or screenshot; null when the picture holds none. */
export function readImageFile(file: File): Promise<string | null> {
  return readAtSizes(file, readOnce);
}

async function readOnce(file: File): Promise<string | null> {
  const host = document.createElement('div');
  host.id = `image-scan-${Date.now()}`;
  host.style.display = 'none';
  document.body.appendChild(host);
  const reader = new Html5Qrcode(host.id, readerConfig);
  try {
    return await reader.scanFile(file, false);
  } catch {
    return null;
  } finally {
    reader.clear();
    host.remove();
  }
}
