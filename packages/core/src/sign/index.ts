// Re-exports only.
export {};
