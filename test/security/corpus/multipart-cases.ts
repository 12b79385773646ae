import { editJpegHeader } from "../../fixtures/edit-jpeg-header.js";
import { encodePng } from "../../fixtures/encode-png.js";
import { badMerchantBizId, SUITE_USER_HASH } from "./bad-input-ids.js";
import type { BadRequestCase, ExpectedRefusal } from "./bad-request-case.js";
import { BOUNDARY, type MultipartPart, multipartBody, multipartRequest } from "./multipart-request.js";
import { RAW_USER_IDS } from "./raw-user-ids.js";
import { sampleImages, toBase64 } from "./sample-images.js";

const invalidMultipart = { status: 400, code: "invalid_multipart" } as const;
/** Where runtimes differ on what they repair, either refusal is right; a 2xx or 5xx never is. */
const unreadable = { status: 400, code: ["invalid_multipart", "invalid_request"] } as const;
/** Refused as a body, or read leniently and then refused for its image. */
const readOrRejected = {
  status: [400, 422],
  code: ["invalid_multipart", "invalid_request", "image_rejected"],
} as const;
const invalid = (issue: string | readonly string[]) =>
  ({ status: 400, code: "invalid_request", issue }) as const;
const rejectedImage = { status: 422, code: "image_rejected" } as const;

/** The fields of an acceptable multipart request, the image replaced by `image` when given. */
function fields(
  image: MultipartPart | null = {
    name: "image",
    filename: "face.jpg",
    contentType: "image/jpeg",
    value: sampleImages().portraitJpeg,
  },
): MultipartPart[] {
  return [
    { name: "merchantBizId", value: badMerchantBizId() },
    { name: "merchantUserId", value: SUITE_USER_HASH },
    ...(image === null ? [] : [image]),
  ];
}

const imageFile = (
  value: Uint8Array | string,
  filename = "face.jpg",
  contentType = "image/jpeg",
  name = "image",
): MultipartPart => ({
  name,
  filename,
  contentType,
  value,
});

/** A case sending the multipart body `body()` makes, under `contentType` (the usual one by default). */
function multipartCase(
  name: string,
  expected: ExpectedRefusal,
  body: () => Uint8Array | string,
  contentType?: string,
): BadRequestCase {
  return { name, expected, build: async () => ({ request: await multipartRequest(body(), contentType) }) };
}

const complete = () => multipartBody(fields());

/** Truncated, nested, mislabelled and overloaded multipart bodies, and bad fields inside good ones. */
export const multipartCases: BadRequestCase[] = [
  multipartCase("no boundary parameter", invalidMultipart, complete, "multipart/form-data"),
  multipartCase("an empty boundary parameter", unreadable, complete, 'multipart/form-data; boundary=""'),
  multipartCase(
    "a boundary the body never uses",
    unreadable,
    complete,
    "multipart/form-data; boundary=other-boundary",
  ),
  multipartCase("an empty body", unreadable, () => new Uint8Array(0)),
  multipartCase("a JSON body labelled multipart", unreadable, () =>
    JSON.stringify({ merchantUserId: SUITE_USER_HASH }),
  ),
  multipartCase("cut in the middle of the image part", unreadable, () => {
    const body = complete();
    return body.subarray(0, Math.floor(body.byteLength * 0.6));
  }),
  multipartCase("cut inside the headers of a part", unreadable, () => {
    const body = Buffer.from(complete());
    const at = body.indexOf("Content-Disposition", body.indexOf('name="image"') - 40);
    return body.subarray(0, at + 20);
  }),
  multipartCase("complete parts but no closing delimiter, an image that is not one", readOrRejected, () =>
    multipartBody(fields(imageFile("not an image at all")), { close: false }),
  ),
  multipartCase("only a delimiter", unreadable, () => `--${BOUNDARY}--\r\n`),
  multipartCase("line ends without CR (the image bytes change too)", readOrRejected, () =>
    Buffer.from(complete()).toString("latin1").replaceAll("\r\n", "\n"),
  ),
  multipartCase("a part without Content-Disposition", unreadable, () =>
    multipartBody([
      ...fields(null),
      { rawHeaders: ["Content-Type: image/jpeg"], value: sampleImages().portraitJpeg },
    ]),
  ),
  multipartCase("a part without a name", unreadable, () =>
    multipartBody([
      ...fields(null),
      { filename: "face.jpg", contentType: "image/jpeg", value: sampleImages().portraitJpeg },
    ]),
  ),
  multipartCase(
    "a nested multipart/mixed part as the image field (RFC 2388 style)",
    invalid("invalid_type"),
    () =>
      multipartBody([
        ...fields(null),
        {
          name: "image",
          contentType: "multipart/mixed; boundary=inner",
          value: Buffer.concat([
            Buffer.from(
              '--inner\r\nContent-Disposition: file; filename="face.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
            ),
            sampleImages().portraitJpeg,
            Buffer.from("\r\n--inner--\r\n"),
          ]),
        },
      ]),
  ),
  multipartCase("a nested multipart body sent as the image file", rejectedImage, () =>
    multipartBody(
      fields(
        imageFile(
          multipartBody(
            [
              {
                name: "image",
                filename: "face.jpg",
                contentType: "image/jpeg",
                value: sampleImages().portraitJpeg,
              },
            ],
            {
              boundary: "inner",
            },
          ),
          "face.jpg",
          "multipart/mixed; boundary=inner",
        ),
      ),
    ),
  ),
  multipartCase("the image as a text field of base64", invalid("invalid_type"), () =>
    multipartBody(fields({ name: "image", value: toBase64(sampleImages().portraitJpeg) })),
  ),
  multipartCase("the image part in Content-Transfer-Encoding base64", rejectedImage, () =>
    multipartBody(
      fields({
        rawHeaders: [
          'Content-Disposition: form-data; name="image"; filename="face.jpg"',
          "Content-Type: image/jpeg",
          "Content-Transfer-Encoding: base64",
        ],
        value: toBase64(sampleImages().portraitJpeg),
      }),
    ),
  ),
  multipartCase("no image field", invalid("required"), () => multipartBody(fields(null))),
  multipartCase("an empty image file", rejectedImage, () =>
    multipartBody(fields(imageFile(new Uint8Array(0)))),
  ),
  multipartCase("a text file as the image", rejectedImage, () =>
    multipartBody(fields(imageFile("hello, this is text", "face.txt", "text/plain"))),
  ),
  multipartCase("a PNG whose IHDR claims 60000x60000", rejectedImage, () =>
    multipartBody(
      fields(
        imageFile(
          encodePng({ width: 4, height: 4, claimedWidth: 60_000, claimedHeight: 60_000 }),
          "face.png",
          "image/png",
        ),
      ),
    ),
  ),
  multipartCase("a JPEG without a frame header", rejectedImage, () =>
    multipartBody(fields(imageFile(editJpegHeader(sampleImages().portraitJpeg, { dropFrameHeader: true })))),
  ),
  multipartCase("a 1.1 MB image (a portrait and trailing bytes)", rejectedImage, () =>
    multipartBody(fields(imageFile(Buffer.concat([sampleImages().portraitJpeg, Buffer.alloc(1_100_000)])))),
  ),
  multipartCase("a path-traversal file name on a text file", rejectedImage, () =>
    multipartBody(fields(imageFile("root:x:0:0", "../../../../etc/passwd", "application/octet-stream"))),
  ),
  multipartCase("two image files", invalid("duplicate_field"), () =>
    multipartBody([...fields(), imageFile(sampleImages().portraitJpeg, "second.jpg")]),
  ),
  multipartCase("merchantUserId sent twice", invalid("duplicate_field"), () =>
    multipartBody([{ name: "merchantUserId", value: SUITE_USER_HASH }, ...fields()]),
  ),
  multipartCase("merchantUserId as a file", invalid("invalid_type"), () =>
    multipartBody([
      { name: "merchantBizId", value: badMerchantBizId() },
      { name: "merchantUserId", filename: "id.txt", contentType: "text/plain", value: SUITE_USER_HASH },
      imageFile(sampleImages().portraitJpeg),
    ]),
  ),
  multipartCase("a raw user id as merchantUserId", invalid("invalid_format"), () =>
    multipartBody([
      { name: "merchantUserId", value: RAW_USER_IDS.email },
      imageFile(sampleImages().portraitJpeg),
    ]),
  ),
  multipartCase("merchantUserId with invalid UTF-8 bytes", invalid("invalid_format"), () =>
    multipartBody([
      { name: "merchantBizId", value: badMerchantBizId() },
      {
        name: "merchantUserId",
        value: Buffer.concat([
          Buffer.from(SUITE_USER_HASH.slice(0, 60)),
          Buffer.from([0xc0, 0xaf, 0xff, 0xfe]),
        ]),
      },
      imageFile(sampleImages().portraitJpeg),
    ]),
  ),
  multipartCase("merchantBizId with a control character", invalid("invalid_format"), () =>
    multipartBody([
      { name: "merchantBizId", value: "abc\u0001def" },
      { name: "merchantUserId", value: SUITE_USER_HASH },
      imageFile(sampleImages().portraitJpeg),
    ]),
  ),
  multipartCase("faceQualityCheck = yes", invalid("invalid_type"), () =>
    multipartBody([...fields(), { name: "faceQualityCheck", value: "yes" }]),
  ),
  multipartCase("faceQualityCheck = TRUE", invalid("invalid_type"), () =>
    multipartBody([...fields(), { name: "faceQualityCheck", value: "TRUE" }]),
  ),
  multipartCase("an unknown field", invalid("unknown_field"), () =>
    multipartBody([...fields(), { name: "extra", value: "1" }]),
  ),
  multipartCase("a field name with control and zero-width characters", invalid("unknown_field"), () =>
    multipartBody([...fields(), { name: "merchant\u200bUser\u0007Id", value: SUITE_USER_HASH }]),
  ),
  // Parsing costs CPU per part (27,000 parts took 250 ms): more than 8 are refused before parsing.
  multipartCase("10,000 tiny unknown parts", invalidMultipart, () =>
    multipartBody([
      ...fields(),
      ...Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, value: "x" })),
    ]),
  ),
  multipartCase("15,000 empty parts (as many as fit under the size limit)", invalidMultipart, () =>
    multipartBody([...fields(), ...Array.from({ length: 15_000 }, () => ({ name: "x", value: "" }))]),
  ),
  multipartCase("eight parts: the three fields and five unknown ones", invalid("unknown_field"), () =>
    multipartBody([...fields(), ...Array.from({ length: 5 }, (_, i) => ({ name: `extra${i}`, value: "" }))]),
  ),
  // A part name becomes no object key: __proto__ was the prototype of the fields (a file: 500) or vanished.
  multipartCase("a file part named __proto__", invalid("unknown_field"), () =>
    multipartBody([
      ...fields(),
      imageFile(sampleImages().portraitJpeg, "face.jpg", "image/jpeg", "__proto__"),
    ]),
  ),
  multipartCase("a text part named __proto__", invalid("unknown_field"), () =>
    multipartBody([...fields(), { name: "__proto__", value: "x" }]),
  ),
  multipartCase("a part named constructor", invalid("unknown_field"), () =>
    multipartBody([...fields(), { name: "constructor", value: "x" }]),
  ),
  multipartCase("a 64 KB part header line", readOrRejected, () =>
    multipartBody([
      ...fields(null),
      {
        rawHeaders: [`Content-Disposition: form-data; name="image"; filename="${"a".repeat(65_536)}.jpg"`],
        value: "x",
      },
    ]),
  ),
];
