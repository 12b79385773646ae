/**
 * Whether this runtime can decode and encode images (the chromium project of the suite): tests that compare
 * with the browser's own codecs run only there. Node and workerd have none; Deno has OffscreenCanvas without a
 * 2D context, so ask for one rather than trusting the constructor.
 */
export const hasImageCodecs =
  typeof createImageBitmap === "function" &&
  typeof OffscreenCanvas === "function" &&
  new OffscreenCanvas(1, 1).getContext("2d") !== null;
