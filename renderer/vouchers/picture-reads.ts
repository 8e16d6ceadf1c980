/**
 * html5-qrcode's reader (ZXing, without TRY_HARDER) misses some CP1 codes when their modules are
 * large in the picture it reads: about one code in twelve at 6–8 pixels a module, none at 2–3
 * (measured here with the qrcode package's level-M codes). A phone held close to the camera, or a
 * photo taken close up, is exactly that, so the same picture is also read at smaller sizes.
 */

/** Longest sides a picture is read again at, after its own size fails. */
const smallerSides = [800, 400, 240];

/** The picture drawn at a smaller size, as a PNG file the reader can take. */
async function shrunkPicture(source: CanvasImageSource, width: number, height: number, longest: number) {
  const factor = longest / Math.max(width, height);
  if (factor >= 1) return null;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * factor));
  canvas.height = Math.max(1, Math.round(height * factor));
  canvas.getContext('2d')?.drawImage(source, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? new File([blob], 'picture.png', { type: 'image/png' }) : null;
}

/** Reads a photo at its own size, then smaller, until a code is found. */
export async function readAtSizes(file: File, read: (file: File) => Promise<string | null>): Promise<string | null> {
  const own = await read(file);
  if (own) return own;
  const image = await createImageBitmap(file).catch(() => null);
  if (!image) return null;
  try {
    for (const side of smallerSides) {
      const smaller = await shrunkPicture(image, image.width, image.height, side);
      const text = smaller ? await read(smaller) : null;
      if (text) return text;
    }
    return null;
  } finally {
    image.close();
  }
}

/**
 * While the live reader looks at the full picture, a second look every few frames reads the
 * camera's picture at a third of its size, where a code held close has small modules again.
 */
export function readCloseUps(
  video: () => HTMLVideoElement | null,
  read: (file: File) => Promise<string | null>,
  found: (text: string) => void,
): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    const element = video();
    if (busy || !element || element.videoWidth === 0) return;
    busy = true;
    try {
      const longest = Math.round(Math.max(element.videoWidth, element.videoHeight) / 3);
      const picture = await shrunkPicture(element, element.videoWidth, element.videoHeight, longest);
      const text = picture ? await read(picture) : null;
      if (text) found(text);
    } finally {
      busy = false;
    }
  }, 250);
  return () => clearInterval(timer);
}
