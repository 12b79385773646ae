import type { DetectedFace, DetectorInput, FaceDetector, FaceLandmarks, Point } from "./face-detector.js";

/** Where the detector's files are; by default beside this module (the build copies them there). */
export interface FaceApiDetectorOptions {
  /** The tiny face detector's weights manifest and `.bin` file. */
  readonly detectorModelUrl?: string | URL;
  readonly detectorWeightsUrl?: string | URL;
  /** The tiny 68-point landmark model's manifest and `.bin` file. */
  readonly landmarkModelUrl?: string | URL;
  readonly landmarkWeightsUrl?: string | URL;
  /** TF.js's WebAssembly binaries (SIMD and plain). */
  readonly wasmSimdUrl?: string | URL;
  readonly wasmUrl?: string | URL;
  /** The detector's input size, a multiple of 32 (default 224: measured best for speed at this view size). */
  readonly inputSize?: number;
}

// `new URL(literal, import.meta.url)`: bundlers (Vite, webpack 5, Parcel, esbuild with a plugin) copy the file
// into the app's output, so the model is served from the app's own origin, never from a CDN.
const ASSETS = {
  detectorModel: () => new URL("./assets/tiny_face_detector_model-weights_manifest.json", import.meta.url),
  detectorWeights: () => new URL("./assets/tiny_face_detector_model.bin", import.meta.url),
  landmarkModel: () => new URL("./assets/face_landmark_68_tiny_model-weights_manifest.json", import.meta.url),
  landmarkWeights: () => new URL("./assets/face_landmark_68_tiny_model.bin", import.meta.url),
  wasmSimd: () => new URL("./assets/tfjs-backend-wasm-simd.wasm", import.meta.url),
  wasm: () => new URL("./assets/tfjs-backend-wasm.wasm", import.meta.url),
};

type FaceApi = typeof import("@vladmandic/face-api");

/** The parts of TF.js that pick and start a backend. */
interface TfControls {
  env(): { set(flag: string, value: boolean): void };
  setWasmPaths(paths: Record<string, string>): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
}

async function fetchOk(url: string | URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`detector file ${String(url)}: HTTP ${response.status}`);
  return response;
}

/** Reads a TF.js weights manifest and its single `.bin` file from URLs of any name (bundlers hash names). */
async function loadWeights(faceapi: FaceApi, manifestUrl: string | URL, weightsUrl: string | URL) {
  const [manifest, weights] = await Promise.all([
    fetchOk(manifestUrl).then((r) => r.json() as Promise<Array<{ weights: unknown[] }>>),
    fetchOk(weightsUrl).then((r) => r.arrayBuffer()),
  ]);
  const specs = manifest.flatMap((group) => group.weights);
  // biome-ignore lint/suspicious/noExplicitAny: TF.js's weight spec type is not exported by face-api's types.
  return faceapi.tf.io.decodeWeights(weights, specs as any);
}

/** Picks the backend: WebAssembly (SIMD when the browser has it), else TF.js's plain JavaScript one. */
async function chooseBackend(faceapi: FaceApi, options: FaceApiDetectorOptions): Promise<string> {
  // The bundled TF.js has these; face-api's types list only part of TF.js.
  const tf = faceapi.tf as unknown as TfControls;
  try {
    // The threaded build needs cross-origin isolation, which apps rarely have: never ask for it.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    const simd = String(options.wasmSimdUrl ?? ASSETS.wasmSimd());
    tf.setWasmPaths({
      "tfjs-backend-wasm-simd.wasm": simd,
      "tfjs-backend-wasm.wasm": String(options.wasmUrl ?? ASSETS.wasm()),
      // TF.js wants an entry for each binary; the threaded one is never chosen with the flag above off.
      "tfjs-backend-wasm-threaded-simd.wasm": simd,
    });
    if (await tf.setBackend("wasm")) {
      await tf.ready();
      return "wasm";
    }
  } catch {
    // No WebAssembly (or it is blocked): the plain JavaScript backend, slower but everywhere.
  }
  await tf.setBackend("cpu");
  await tf.ready();
  return "cpu";
}

function point(p: { x: number; y: number } | undefined): Point {
  return { x: p?.x ?? 0, y: p?.y ?? 0 };
}

function centre(points: Array<{ x: number; y: number }>): Point {
  const sum = points.reduce((a, p) => ({ x: a.x + p.x, y: a.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

/** The 68-point scheme: jaw 0-16, nose tip 30, eyes 36-41 and 42-47. */
function landmarksOf(positions: Array<{ x: number; y: number }>): FaceLandmarks {
  return {
    leftEye: centre(positions.slice(36, 42)),
    rightEye: centre(positions.slice(42, 48)),
    noseTip: point(positions[30]),
    jawLeft: point(positions[1]),
    jawRight: point(positions[15]),
    chin: point(positions[8]),
  };
}

/**
 * The default detector: `@vladmandic/face-api` (MIT) with its tiny face detector (190 KB) and tiny 68-point
 * landmarks (77 KB) on TF.js's WebAssembly backend. Measured in headless Chromium on a 2-core machine:
 * 30-60 ms a frame on WebAssembly, 350-900 ms on the plain JavaScript backend, 250-3400 ms on WebGL without a GPU.
 */
export async function createFaceApiDetector(options: FaceApiDetectorOptions = {}): Promise<FaceDetector> {
  const faceapi = await import("@vladmandic/face-api");
  const backend = await chooseBackend(faceapi, options);
  const [detectorWeights, landmarkWeights] = await Promise.all([
    loadWeights(
      faceapi,
      options.detectorModelUrl ?? ASSETS.detectorModel(),
      options.detectorWeightsUrl ?? ASSETS.detectorWeights(),
    ),
    loadWeights(
      faceapi,
      options.landmarkModelUrl ?? ASSETS.landmarkModel(),
      options.landmarkWeightsUrl ?? ASSETS.landmarkWeights(),
    ),
  ]);
  await faceapi.nets.tinyFaceDetector.loadFromWeightMap(detectorWeights);
  await faceapi.nets.faceLandmark68TinyNet.loadFromWeightMap(landmarkWeights);
  const detectorOptions = new faceapi.TinyFaceDetectorOptions({
    inputSize: options.inputSize ?? 224,
    // Low here; the guidance applies its own minimum, so a doubtful second face still counts as one.
    scoreThreshold: 0.3,
  });
  return {
    name: `face-api tiny (${backend})`,
    async detect(input: DetectorInput): Promise<DetectedFace[]> {
      // biome-ignore lint/suspicious/noExplicitAny: face-api takes canvases; its types list only DOM ones.
      const results = await faceapi.detectAllFaces(input as any, detectorOptions).withFaceLandmarks(true);
      return results
        .map((result) => ({
          box: {
            x: result.detection.box.x,
            y: result.detection.box.y,
            width: result.detection.box.width,
            height: result.detection.box.height,
          },
          score: result.detection.score,
          landmarks: landmarksOf(result.landmarks.positions),
        }))
        .sort((a, b) => b.score - a.score);
    },
    dispose() {
      faceapi.nets.tinyFaceDetector.dispose();
      faceapi.nets.faceLandmark68TinyNet.dispose();
    },
  };
}
