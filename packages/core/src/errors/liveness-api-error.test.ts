import { expect, test } from "vitest";
import { LivenessApiError } from "./liveness-api-error.js";
import { LivenessError } from "./liveness-error.js";

const fields = {
  code: "Throttling.Api",
  httpStatus: 403,
  message: "Request was denied due to api flow control.",
  requestId: "r-1",
  retryable: true,
  billed: false,
  hint: "Slow down.",
  retryAfterMs: 1500,
  hostId: "cloudauth-intl.ap-southeast-1.aliyuncs.com",
  recommend: "https://example.com/diagnose",
};

test("carries every field of the answer, as a LivenessError named after its class", () => {
  const error = new LivenessApiError(fields);
  expect(error).toBeInstanceOf(LivenessError);
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("LivenessApiError");
  expect(error.message).toBe(fields.message);
  expect(error).toMatchObject(fields);
  // The message stays Error's own (not enumerable), as it was before the fields were copied.
  expect(Object.keys(error).sort()).toEqual(
    ["name", ...Object.keys(fields).filter((key) => key !== "message")].sort(),
  );
});

test("optional fields left out read as undefined", () => {
  const error = new LivenessApiError({
    code: "X",
    httpStatus: 500,
    message: "m",
    retryable: true,
    billed: false,
    hint: "",
  });
  expect([error.requestId, error.retryAfterMs, error.hostId, error.recommend]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  expect(error.code).toBe("X");
});
