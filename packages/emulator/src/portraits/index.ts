// Re-exports only: synthetic portraits for tests (Node, or workerd with nodejs_compat), drawn so that the
// emulator measures them as sharp, well-lit faces; variants (blurred, dark, covered, blank) fail its checks.
export {
  drawPortrait,
  type PortraitOptions,
  portraitJpeg,
  portraitPng,
  type RgbaImage,
} from "./synthetic-portrait.js";
