import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What the dev server may serve from disk: this package, core (linked as a workspace package) and the installed
 * dependencies. Not the rest of the repository, and never a secrets file: `dev.vars`, `.dev.vars` and `.env*`
 * hold keys (the proxy's local config is one). Vite's own default would serve the whole workspace.
 */
export const devServerFiles = {
  strict: true,
  allow: [here, `${repoRoot}packages/core`, `${repoRoot}node_modules`],
  deny: [".env", ".env.*", "*.vars", "*.{crt,pem,key}", "**/.git/**", "**/.wrangler/**"],
};

// Relative base: the build output works from any static host and any sub-path.
export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    sourcemap: true,
    // The editor (CodeMirror) and the camera are separate chunks loaded on demand; warn early if the
    // first-load bundle grows toward the 120 KB gzip budget.
    chunkSizeWarningLimit: 500,
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, fs: devServerFiles },
  preview: { host: "127.0.0.1", port: 5173, strictPort: true },
});
