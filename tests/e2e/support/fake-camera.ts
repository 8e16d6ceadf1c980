import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const width = 640;
const height = 480;
const black = 16;
const white = 235;

/**
 * A webcam video showing one QR code, for Chromium's `--use-file-for-fake-video-capture`
 * (ARCHITECTURE.md): YUV4MPEG2, 4:2:0, grey chroma. The modules come straight from the `qrcode`
 * package's matrix, drawn with a quiet zone at the size a phone held to the camera would show.
 */
export function writeQrVideo(path: string, text: string, frames = 30): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const scale = Math.floor((height - 80) / (modules + 8));
  const side = (modules + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, white);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const y = top + (row + 4) * scale + dy;
        luma.fill(black, y * width + left + (col + 4) * scale, y * width + left + (col + 5) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
