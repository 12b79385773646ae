export * from "./portrait-crop.js";
