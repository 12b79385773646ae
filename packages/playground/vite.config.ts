import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What the dev server may serve from disk: this package, core and the capture component (linked as workspace
 * packages; the component's built `dist/` holds its face detector's models and WebAssembly) and the installed
 * dependencies. Not the rest of the repository, and never a secrets file: `dev.vars`, `.dev.vars` and `.env*`
 * hold keys (the proxy's local config is one). Vite's own default would serve the whole workspace.
 */
export const devServerFiles = {
  strict: true,
  allow: [here, `${repoRoot}packages/core`, `${repoRoot}packages/capture`, `${repoRoot}node_modules`],
  deny: [".env", ".env.*", "*.vars", "*.{crt,pem,key}", "**/.git/**", "**/.wrangler/**"],
};

// Relative base: the build output works from any static host and any sub-path.
export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    sourcemap: true,
    // The editor (CodeMirror) and the camera are separate chunks loaded on demand; warn early if the
    // first-load bundle grows toward the 120 KB gzip budget. The face detector (face-api with TF.js, about
    // 1.3 MB) is one such chunk, loaded only when the camera starts.
    chunkSizeWarningLimit: 1500,
  },
  // Pre-bundled at start: found only when the camera opens, the dev server would otherwise optimise it then
  // and reload the page under the person.
  optimizeDeps: { include: ["@liveness-kit/capture > @vladmandic/face-api"] },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, fs: devServerFiles },
  preview: { host: "127.0.0.1", port: 5173, strictPort: true },
});
