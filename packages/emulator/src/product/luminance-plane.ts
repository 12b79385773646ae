/** A grey image: one luminance byte (0-255) per pixel, row by row. */
export interface LuminancePlane {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The luminance (ITU-R BT.601 weights) of an RGBA image. */
export function rgbaToLuminance(rgba: Uint8Array, width: number, height: number): LuminancePlane {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = (299 * (rgba[p] ?? 0) + 587 * (rgba[p + 1] ?? 0) + 114 * (rgba[p + 2] ?? 0) + 500) / 1000;
  }
  return { width, height, data };
}

/**
 * Turns a plane as stored into the plane as displayed, following the EXIF orientation (1-8), so that "upper
 * middle" means the same as for someone looking at the photo.
 */
export function orientLuminance(plane: LuminancePlane, orientation: number): LuminancePlane {
  if (orientation <= 1 || orientation > 8) return plane;
  const { width: w, height: h, data } = plane;
  const swap = orientation >= 5;
  const outWidth = swap ? h : w;
  const outHeight = swap ? w : h;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          sx = w - 1 - x;
          sy = y;
          break;
        case 3:
          sx = w - 1 - x;
          sy = h - 1 - y;
          break;
        case 4:
          sx = x;
          sy = h - 1 - y;
          break;
        case 5:
          sx = y;
          sy = x;
          break;
        case 6:
          sx = y;
          sy = h - 1 - x;
          break;
        case 7:
          sx = w - 1 - y;
          sy = h - 1 - x;
          break;
        default:
          sx = w - 1 - y;
          sy = x;
      }
      out[y * outWidth + x] = data[sy * w + sx] ?? 0;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/**
 * Scales a plane down (area averaging) so that its shorter side is about `shorterSide`; smaller planes are
 * returned as they are. Measuring at one scale makes scores comparable across resolutions.
 */
export function downscaleLuminance(plane: LuminancePlane, shorterSide: number): LuminancePlane {
  const { width, height, data } = plane;
  const factor = Math.min(width, height) / shorterSide;
  if (factor <= 1) return plane;
  const outWidth = Math.max(1, Math.round(width / factor));
  const outHeight = Math.max(1, Math.round(height / factor));
  const out = new Uint8Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const y0 = Math.floor((y * height) / outHeight);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / outHeight));
    for (let x = 0; x < outWidth; x++) {
      const x0 = Math.floor((x * width) / outWidth);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / outWidth));
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) {
        const row = sy * width;
        for (let sx = x0; sx < x1; sx++) sum += data[row + sx] ?? 0;
      }
      out[y * outWidth + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}
