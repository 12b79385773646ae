// JSX typings for `<liveness-capture>`: `import type {} from "@liveness-kit/capture/jsx"` once in a React,
// Preact or Solid app (Vue and Svelte read HTMLElementTagNameMap, which the main entry declares).
import type { LivenessCaptureElement } from "./element/liveness-capture.js";

/** The element's attributes as JSX props. */
export interface LivenessCaptureAttributes {
  "proxy-url"?: string;
  token?: string;
  "merchant-biz-id"?: string;
  "hashed-user-id"?: string;
  locale?: string;
  "face-quality-check"?: boolean;
  theme?: "light" | "dark";
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  ref?: unknown;
  children?: unknown;
}

declare global {
  namespace JSX {
    interface IntrinsicElements {
      "liveness-capture": LivenessCaptureAttributes;
    }
  }
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "liveness-capture": LivenessCaptureAttributes & { ref?: unknown };
    }
  }
}

export type { LivenessCaptureElement };
