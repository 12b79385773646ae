/**
 * A small deterministic generator of numbers in [0, 1) (mulberry32): the same seed gives the same sequence.
 * For what must repeat exactly between runs (probabilistic faults, test pictures, benchmark input), never
 * for anything secret: it is predictable by design.
 */
// @__NO_SIDE_EFFECTS__
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `length` bytes of deterministic noise from {@link seededRandom}: the same seed gives the same bytes. */
// @__NO_SIDE_EFFECTS__
export function seededBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const next = seededRandom(seed);
  const out = new Uint8Array(length);
  for (let k = 0; k < length; k++) out[k] = (next() * 256) | 0;
  return out;
}
