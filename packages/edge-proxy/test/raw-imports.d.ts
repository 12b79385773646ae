// Vite's `?raw` imports (the tests read dev.vars this way). A script file, so the wildcard is ambient.
declare module "*?raw" {
  const text: string;
  export default text;
}

// Vite's `import.meta.glob`, eager form (the error-code test reads the proxy's sources this way).
interface ImportMeta {
  glob(
    patterns: string | string[],
    options: { query?: string; import?: string; eager: true },
  ): Record<string, string>;
}
