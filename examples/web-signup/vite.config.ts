import { defineConfig } from "vite";

// The page is built into dist/public and served by the example's own backend (src/server), on one origin.
export default defineConfig({
  root: "src/page",
  base: "/",
  build: { outDir: "../../dist/public", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000 },
});
