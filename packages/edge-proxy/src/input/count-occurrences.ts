/**
 * How many times `pattern` occurs in `bytes`, not overlapping, counted from the left (each match resumes
 * after its end), stopping once more than `atMost` are found. Boyer-Moore-Horspool: a window whose last byte is
 * not in the pattern moves on by the pattern's whole length, so a multipart boundary of 40 bytes is looked
 * for in a 600 KB upload in about 17,000 steps, where a search for its first byte stops at every one of the
 * ~2,400 places that byte occurs in a JPEG's data (0.3 ms in workerd, against 0.05).
 */
export function countOccurrences(bytes: Uint8Array, pattern: Uint8Array, atMost: number): number {
  const m = pattern.length;
  if (m === 0) throw new RangeError("the pattern must not be empty");
  // How far to move the window when its last byte is `byte` and the window does not match.
  const shift = new Uint32Array(256).fill(m);
  for (let k = 0; k < m - 1; k++) shift[pattern[k]!] = m - 1 - k;
  let count = 0;
  for (let end = m - 1; end < bytes.length; ) {
    let k = m - 1;
    while (k >= 0 && bytes[end - (m - 1 - k)] === pattern[k]) k--;
    if (k < 0) {
      count++;
      if (count > atMost) break;
      end += m;
    } else {
      end += shift[bytes[end]!]!;
    }
  }
  return count;
}
