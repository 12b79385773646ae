import { describe, expect, it } from "vitest";
import { MeasurementCache } from "./measurement-cache.js";
import type { FaceMeasurements } from "./quality.js";

function measurements(score: number): FaceMeasurements {
  return {
    faceQualityScore: score,
    sharpnessScore: score,
    illuminationScore: score,
    occlusionScore: 100,
    keyAreaOcclusionScore: 100,
    occluded: false,
    featureless: false,
    raw: {
      laplacianVariance: 1,
      meanLuminance: 2,
      luminanceStdDev: 3,
      clippedFraction: 0,
      flatBlockFraction: 0,
    },
  };
}

describe("MeasurementCache", () => {
  it("answers what was kept for a digest, and nothing for another", () => {
    const cache = new MeasurementCache(4);
    const kept = measurements(90);
    cache.set("aa", kept);
    expect(cache.get("aa")).toEqual({ measurement: kept });
    expect(cache.get("aa")?.measurement).toBe(kept);
    expect(cache.get("bb")).toBeUndefined();
  });

  it("keeps 'cannot be decoded' (undefined) apart from 'not seen'", () => {
    const cache = new MeasurementCache(4);
    cache.set("bad", undefined);
    expect(cache.get("bad")).toEqual({ measurement: undefined });
    expect(cache.get("unseen")).toBeUndefined();
  });

  it("evicts the least recently used digest beyond its size", () => {
    const cache = new MeasurementCache(2);
    cache.set("a", measurements(1));
    cache.set("b", measurements(2));
    cache.get("a"); // "a" is now the most recently used
    cache.set("c", measurements(3)); // evicts "b"
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.measurement?.faceQualityScore).toBe(1);
    expect(cache.get("c")?.measurement?.faceQualityScore).toBe(3);
  });

  it("replaces the value kept for a digest without growing", () => {
    const cache = new MeasurementCache(2);
    cache.set("a", measurements(1));
    cache.set("a", measurements(5));
    expect(cache.size).toBe(1);
    expect(cache.get("a")?.measurement?.faceQualityScore).toBe(5);
  });

  it("freezes what it shares, so one caller cannot change another's scores", () => {
    const cache = new MeasurementCache(2);
    cache.set("aa", measurements(50));
    const shared = cache.get("aa")?.measurement;
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared?.raw)).toBe(true);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => new MeasurementCache(0)).toThrow(TypeError);
    expect(() => new MeasurementCache(1.5)).toThrow(TypeError);
  });
});
