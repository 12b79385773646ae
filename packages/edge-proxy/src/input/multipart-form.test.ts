import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FormPart, MultipartError, parseMultipartForm } from "./multipart-form.js";

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A body written by hand, `\n` standing for CRLF. */
function raw(body: string): Uint8Array {
  return encoder.encode(body.replaceAll("\n", "\r\n"));
}

function reasonOf(body: Uint8Array, boundary = "b", maxParts = 8): string {
  try {
    parseMultipartForm(body, boundary, maxParts);
    return "parsed";
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    return error.reason;
  }
}

/** The runtime's own serialisation of `form`: its bytes and boundary. */
async function serialised(form: FormData): Promise<{ body: Uint8Array; boundary: string }> {
  const request = new Request("https://proxy.test/", { method: "POST", body: form });
  const boundary = /boundary=(.+)$/.exec(request.headers.get("content-type") ?? "")?.[1] ?? "";
  return { body: new Uint8Array(await request.arrayBuffer()), boundary };
}

/** What the runtime's own parser (`Response.formData()`) reads, in the shape of `FormPart`s. */
async function runtimeParts(body: Uint8Array, boundary: string) {
  const form = await new Response(body, {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  }).formData();
  const parts = [];
  for (const [name, entry] of form.entries()) {
    // The Workers types give entries as strings; files come out as File.
    const value = entry as unknown as File | string;
    parts.push(
      typeof value === "string"
        ? { name, value }
        : { name, filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) },
    );
  }
  return parts;
}

function asComparable(parts: FormPart[]) {
  return parts.map((part) =>
    part.filename === undefined
      ? { name: part.name, value: text(part.body) }
      : { name: part.name, filename: part.filename, type: part.contentType ?? "", bytes: part.body },
  );
}

describe("parseMultipartForm", () => {
  it("reads fields and files, their content as views into the body", () => {
    const body = raw(
      'preamble\n--b\nContent-Disposition: form-data; name="merchantUserId"\n\nabc\n' +
        '--b  \t\nContent-Type: image/jpeg\ncontent-disposition: FORM-DATA; name=image; filename="a \\"b\\".jpg"\n\n\xff\n--b\n\n--b--\nepilogue',
    );
    // The last part has no headers at all: refused. Without it:
    expect(reasonOf(body)).toBe("invalid");
    const good = raw(
      'preamble\n--b\nContent-Disposition: form-data; name="merchantUserId"\n\nabc\n' +
        '--b  \t\nContent-Type: image/jpeg\ncontent-disposition: FORM-DATA; name=image; filename="a \\"b\\".jpg"\n\n\n--b--\nepilogue',
    );
    const parts = parseMultipartForm(good, "b", 8);
    expect(parts.map(({ body: content, ...rest }) => ({ ...rest, content: text(content) }))).toEqual([
      { name: "merchantUserId", content: "abc" },
      { name: "image", filename: 'a "b".jpg', contentType: "image/jpeg", content: "" },
    ]);
    expect(parts[0]?.body.buffer).toBe(good.buffer);
  });

  it.each([
    ["no delimiter at all", "this is not multipart at all"],
    ["no closing delimiter", '--b\nContent-Disposition: form-data; name="a"\n\nx\n'],
    ["a body cut inside a part's headers", "--b\nContent-Disposition: form-da"],
    ["a delimiter followed by something else", '--bx\nContent-Disposition: form-data; name="a"\n\nx\n--b--'],
    ["a part without Content-Disposition", "--b\nContent-Type: text/plain\n\nx\n--b--"],
    ["a part without a name", '--b\nContent-Disposition: form-data; filename="a"\n\nx\n--b--'],
    ["a part with an empty name", '--b\nContent-Disposition: form-data; name=""\n\nx\n--b--'],
    ["another disposition type", '--b\nContent-Disposition: attachment; name="a"\n\nx\n--b--'],
    ["a parameter twice", '--b\nContent-Disposition: form-data; name="a"; name="b"\n\nx\n--b--'],
    [
      "Content-Disposition twice",
      '--b\nContent-Disposition: form-data; name="a"\nContent-Disposition: form-data; name="b"\n\nx\n--b--',
    ],
    ["a folded header line", '--b\nContent-Disposition: form-data;\n name="a"\n\nx\n--b--'],
    ["a header line without a colon", '--b\nContent-Disposition: form-data; name="a"\nnonsense\n\nx\n--b--'],
    ["an unclosed quoted string", '--b\nContent-Disposition: form-data; name="a\n\nx\n--b--'],
    ["only a delimiter", "--b--\n"],
  ])("refuses %s", (_name, body) => {
    const parsed = reasonOf(raw(body));
    // "only a delimiter" is an empty form: read, with no part (the caller then misses its fields).
    expect(parsed).toBe(body === "--b--\n" ? "parsed" : "invalid");
  });

  it("refuses line ends without CR, and headers that never end", () => {
    const lf = encoder.encode('--b\nContent-Disposition: form-data; name="a"\n\nx\n--b--\n');
    expect(reasonOf(lf)).toBe("invalid");
    const endless = raw(
      `--b\nContent-Disposition: form-data; name="a"\nX-Long: ${"y".repeat(9_000)}\n\nx\n--b--`,
    );
    expect(reasonOf(endless)).toBe("invalid");
  });

  it("refuses an empty or overlong boundary", () => {
    expect(reasonOf(raw("--\n\n--"), "")).toBe("invalid");
    expect(reasonOf(raw("x"), "b".repeat(201))).toBe("invalid");
  });

  it("stops at the part after maxParts, however many follow", () => {
    const part = (index: number) => `--b\nContent-Disposition: form-data; name="f${index}"\n\nv\n`;
    const parts = (count: number) => raw(`${Array.from({ length: count }, (_, i) => part(i)).join("")}--b--`);
    expect(parseMultipartForm(parts(8), "b", 8)).toHaveLength(8);
    expect(reasonOf(parts(9))).toBe("too_many_parts");
    expect(reasonOf(parts(20_000))).toBe("too_many_parts");
  });

  it("reads what the runtime's own FormData serialises exactly as the runtime's own parser does", async () => {
    const boundaryBits = ["\r\n", "--", "\r\n--", "-", "\r", "\n\r\n\r\n"];
    const content = fc.array(
      fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(...boundaryBits).map((s) => encoder.encode(s)),
      ),
      { maxLength: 12 },
    );
    const entry = fc.record({
      name: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('a"b', "a\r\nb", "é", "image", "")),
      file: fc.option(
        fc.record({
          filename: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('x"y.jpg', "a\nb", "")),
          type: fc.constantFrom("", "image/jpeg", "text/plain;charset=utf-8"),
        }),
      ),
      value: fc.oneof(fc.string({ maxLength: 30 }), content),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), async (entries) => {
        const form = new FormData();
        for (const { name, file, value } of entries) {
          const bytes = typeof value === "string" ? encoder.encode(value) : joinBytes(value);
          if (file === null) form.append(name, typeof value === "string" ? value : text(bytes));
          else form.append(name, new File([bytes], file.filename, { type: file.type }));
        }
        // workerd's serialiser refuses some names (one ending with a backslash): not a body to compare.
        const written = await serialised(form).catch(() => undefined);
        fc.pre(written !== undefined);
        const { body, boundary } = written;
        const runtime = await runtimeParts(body, boundary).catch(() => undefined);
        // workerd's parser refuses some bodies its own serialiser writes (a name holding "%0A" with an empty
        // value); there is nothing to compare then, and ours may read them (their names are unknown fields).
        if (runtime === undefined) expect(["parsed", "invalid"]).toContain(reasonOf(body, boundary));
        else expect(asComparable(parseMultipartForm(body, boundary, 8))).toEqual(runtime);
      }),
      { numRuns: 300 },
    );
  });
});

function joinBytes(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
