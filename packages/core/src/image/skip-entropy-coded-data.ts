/**
 * Steps over a JPEG scan's entropy-coded data from `from` and returns the index of the code byte of the
 * marker that ends it (the byte after its 0xFF and any fill bytes), or -1 when the file ends first.
 * Inside the data a 0xFF may only be followed by 0x00 (a stuffed 0xFF), RST0-RST7 (0xD0-0xD7) or another
 * 0xFF (fill); whatever else follows ends the scan, and the caller judges whether it may stand there.
 * Linear and allocation-free: `indexOf` jumps from one 0xFF to the next.
 */
export function skipEntropyCodedData(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  for (;;) {
    const ff = bytes.indexOf(0xff, i);
    if (ff < 0) return -1;
    let code = ff + 1;
    while (bytes[code] === 0xff) code++;
    if (code >= n) return -1;
    const byte = bytes[code]!;
    if (byte !== 0 && (byte < 0xd0 || byte > 0xd7)) return code;
    i = code + 1;
  }
}
