// Vite's `?raw` imports (the tests read dev.vars this way). A script file, so the wildcard is ambient.
declare module "*?raw" {
  const text: string;
  export default text;
}
