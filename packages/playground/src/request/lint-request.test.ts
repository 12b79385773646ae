import { describe, expect, test } from "vitest";
import { lintRequest } from "./lint-request.js";

const hash = `${"0".repeat(63)}1`;

/** The underlined text of each diagnostic, with its message. */
function lint(text: string) {
  return lintRequest(text).map((d) => ({
    text: text.slice(d.from, d.to),
    message: d.message,
    path: d.path.join("."),
  }));
}

describe("lintRequest", () => {
  test("a valid request has no diagnostics", () => {
    expect(
      lintRequest(
        JSON.stringify({ merchantBizId: "abc", merchantUserId: hash, image: { base64: "<image>" } }),
      ),
    ).toEqual([]);
    expect(
      lintRequest(
        JSON.stringify({
          merchantUserId: hash,
          image: { url: "https://example.com/a.jpg" },
          faceQualityCheck: true,
        }),
      ),
    ).toEqual([]);
  });

  test("a syntax error is placed where the JSON breaks", () => {
    const text = '{ "merchantUserId": "x",, }';
    const [diagnostic] = lintRequest(text);
    expect(diagnostic).toMatchObject({ severity: "error", from: 24 });
    expect(diagnostic?.message).toMatch(/^JSON: /);
  });

  test("a bad value is underlined on the value, with the schema's message", () => {
    const text = `{ "merchantBizId": "has-dash", "merchantUserId": "${hash}", "image": { "base64": "<image>" } }`;
    expect(lint(text)).toEqual([
      {
        text: '"has-dash"',
        message: "merchantBizId must be 1-32 letters and digits (A-Z, a-z, 0-9)",
        path: "merchantBizId",
      },
    ]);
  });

  test("a raw user id instead of its hash is explained", () => {
    const [d] = lint('{ "merchantUserId": "alice", "image": { "base64": "<image>" } }');
    expect(d).toMatchObject({ text: '"alice"', path: "merchantUserId" });
    expect(d?.message).toContain("SHA-256");
  });

  test("an unknown field is underlined on its name and the allowed names are listed", () => {
    const [d] = lint(`{ "merchantUserId": "${hash}", "image": { "base64": "<image>" }, "userId": "bob" }`);
    expect(d).toEqual({
      text: '"userId"',
      path: "userId",
      message:
        'Unknown field "userId": the proxy accepts merchantBizId, merchantUserId, image, faceQualityCheck.',
    });
  });

  test("a missing field is placed on the brace of its object", () => {
    expect(lint('{ "image": { "base64": "<image>" } }')).toEqual([
      { text: "{", path: "merchantUserId", message: 'Missing field "merchantUserId".' },
    ]);
  });

  test("two picture sources, none, a non-https URL and pasted base64 are each reported", () => {
    expect(
      lint(
        `{ "merchantUserId": "${hash}", "image": { "base64": "<image>", "url": "https://a.test/x.jpg" } }`,
      )[0],
    ).toMatchObject({
      path: "image",
      message: expect.stringContaining("exactly one source"),
    });
    expect(lint(`{ "merchantUserId": "${hash}", "image": {} }`)[0]).toMatchObject({
      text: "{}",
      path: "image",
    });
    const http = lint(`{ "merchantUserId": "${hash}", "image": { "url": "http://a.test/x.jpg" } }`);
    expect(http[0]).toMatchObject({ text: '"http://a.test/x.jpg"', path: "image.url" });
    expect(http[0]?.message.toLowerCase()).toContain("https");
    expect(lint(`{ "merchantUserId": "${hash}", "image": { "base64": "/9j/4AAQ" } }`)[0]).toMatchObject({
      text: '"/9j/4AAQ"',
      message: expect.stringContaining("<image>"),
    });
  });

  test("wrong types are reported with every problem at once", () => {
    const found = lint(
      '{ "merchantBizId": 5, "merchantUserId": true, "image": "x", "faceQualityCheck": "yes" }',
    );
    expect(found.map((d) => d.path).sort()).toEqual([
      "faceQualityCheck",
      "image",
      "merchantBizId",
      "merchantUserId",
    ]);
    expect(found.find((d) => d.path === "faceQualityCheck")).toMatchObject({
      text: '"yes"',
      message: "faceQualityCheck must be true or false",
    });
  });

  test("a non-object document is one error on the whole value", () => {
    expect(lint("[1]")).toEqual([{ text: "[1]", path: "", message: "The request must be a JSON object" }]);
  });
});
