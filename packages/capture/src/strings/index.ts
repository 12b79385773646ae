export * from "./strings.js";
