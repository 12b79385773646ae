import { defineConfig } from "vite";

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
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 5173, strictPort: true },
});
