// Everything core offers; apps that want less import a subpath (`@liveness-kit/core/sign`, ...).
export * from "./client/index.js";
export * from "./errors/index.js";
export * from "./image/index.js";
export * from "./receipt/index.js";
export * from "./receipt-issuer/index.js";
export * from "./request/index.js";
export * from "./response/index.js";
export * from "./sign/index.js";
export * from "./spec/index.js";
export * from "./token/index.js";
