// Re-exports only.
export { Base64Error } from "../errors/base64-error.js";
export { base64DecodedLength, base64ToBytes, bytesToBase64 } from "./base64.js";
export { type CheckImageOptions, checkImage, type ImageProblem, type ImageReport } from "./check-image.js";
export type {
  ImageDataProblem,
  ImageDataProblemCode,
  ImageDataReport,
} from "./image-data-problem.js";
export type { ExifOrientation, ImageInfo } from "./image-info.js";
export { readImageInfo } from "./read-image-info.js";
export { type ImageFormat, sniffImageFormat } from "./sniff-image-format.js";
export { verifyImageData } from "./verify-image-data.js";
export { withExifOrientation } from "./with-exif-orientation.js";
