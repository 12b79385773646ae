// The shape of the generated test images, shared by the global setup (Node) and the tests (workerd).

/** The test images, base64-encoded JPEGs drawn by `test/node/portrait-fixtures.ts`. */
export interface PortraitSet {
  /** 480x640, about 100 KB: base64 mode. */
  portrait: string;
  /** Another 480x640 portrait (a different body fingerprint). */
  otherPortrait: string;
  /** 720x960 between 0.6 and 1 MiB: file-stream mode. */
  largePortrait: string;
  /** 640x480: landscape and too short. */
  landscape: string;
  /** 480x640 of one flat grey: nothing that could be a face. */
  blank: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    portraits: PortraitSet;
  }
}
