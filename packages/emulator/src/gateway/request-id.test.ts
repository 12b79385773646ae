import { describe, expect, it } from "vitest";
import { createRequestId, createTransactionId } from "./request-id.js";

describe("createRequestId", () => {
  it("is an upper-case UUID, fresh each time", () => {
    const a = createRequestId();
    expect(a).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(createRequestId()).not.toBe(a);
  });
});

describe("createTransactionId", () => {
  it("is hksb and 28 hex characters", () => {
    const id = createTransactionId();
    expect(id).toMatch(/^hksb[0-9a-f]{28}$/);
    expect(id).toHaveLength(32);
    expect(createTransactionId()).not.toBe(id);
  });
});
