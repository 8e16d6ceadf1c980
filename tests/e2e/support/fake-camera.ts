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
 * The phone is not held perfectly still: the frames cycle through a few sizes and positions, as a
 * real camera's would. One still picture at one size is a trap of its own: the reader fails on some
 * codes at some sizes every time, where a hand's movement gives it the next frame to try. (Some
 * level-M codes it reads at no size at all; see the report of issue 5's e2e work.)
 */
export function writeQrVideo(path: string, text: string, frames = 30): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const largest = Math.floor((height - 80) / (qr.modules.size + 8));
  const poses = [
    { scale: largest, dx: 0, dy: 0 },
    { scale: largest - 1, dx: 6, dy: -4 },
    { scale: largest, dx: -5, dy: 3 },
    { scale: largest - 1, dx: -3, dy: 5 },
  ];
  const pictures = poses.map((pose) => framePicture(qr.modules, pose));
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  // A new pose every frame: the reader (about 12 reads a second) meets each one within a few reads.
  const body = Array.from({ length: frames }, (_, k) => pictures[k % pictures.length]);
  writeFileSync(path, Buffer.concat([header, ...body]));
}

type Modules = { size: number; get(row: number, col: number): number | boolean };

function framePicture(modules: Modules, pose: { scale: number; dx: number; dy: number }): Buffer {
  const { scale } = pose;
  const side = (modules.size + 8) * scale;
  const left = Math.floor((width - side) / 2) + pose.dx;
  const top = Math.floor((height - side) / 2) + pose.dy;
  const luma = Buffer.alloc(width * height, white);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const y = top + (row + 4) * scale + dy;
        luma.fill(black, y * width + left + (col + 4) * scale, y * width + left + (col + 5) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
}
