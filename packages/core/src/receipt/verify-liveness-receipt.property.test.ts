import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { signLivenessReceipt } from "../receipt-issuer/sign-liveness-receipt.js";
import { AUDIENCE, ISSUER, NOW, part, testClaims, testKey } from "./test-support/receipt-fixtures.js";
import { verifyLivenessReceipt } from "./verify-liveness-receipt.js";

const { key, jwks } = await testKey();
const receipt = await signLivenessReceipt(testClaims(), key);
const options = { jwks, issuer: ISSUER, audience: AUDIENCE, now: NOW };
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

describe("verifyLivenessReceipt under random tampering", () => {
  test("the untouched receipt verifies (the property below is not vacuous)", async () => {
    expect((await verifyLivenessReceipt(receipt, options)).ok).toBe(true);
  });

  test("any one character changed, anywhere, is refused", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: receipt.length - 1 }),
        fc.constantFrom(...BASE64URL),
        async (index, character) => {
          fc.pre(receipt[index] !== character);
          const tampered = receipt.slice(0, index) + character + receipt.slice(index + 1);
          expect((await verifyLivenessReceipt(tampered, options)).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("any cut, insertion or splice is refused", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: receipt.length }),
        fc.nat({ max: 40 }),
        fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 8 }),
        async (index, removed, inserted) => {
          const tampered = receipt.slice(0, index) + inserted + receipt.slice(index + removed);
          fc.pre(tampered !== receipt);
          expect((await verifyLivenessReceipt(tampered, options)).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("any changed claim value, re-encoded with the original signature, is refused", async () => {
    const [head, , signature] = receipt.split(".");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(testClaims())), fc.jsonValue(), async (name, value) => {
        const claims: Record<string, unknown> = { ...testClaims(), [name]: value };
        fc.pre(JSON.stringify(claims) !== JSON.stringify(testClaims()));
        expect((await verifyLivenessReceipt(`${head}.${part(claims)}.${signature}`, options)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
