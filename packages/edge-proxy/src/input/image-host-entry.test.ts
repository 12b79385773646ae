import { describe, expect, it } from "vitest";
import { imageHostEntryProblem } from "./image-host-entry.js";

describe("imageHostEntryProblem", () => {
  it.each(["images.example.com", "*.cdn.example.com", "*.example.com", "a-b.example.org"])(
    "takes %s",
    (entry) => {
      expect(imageHostEntryProblem(entry)).toBeUndefined();
    },
  );

  it.each([
    ["*", "not a host name"],
    ["*.com", "too broad"],
    ["example", "needs a domain"],
    ["8.8.8.8", "IP address"],
    ["[2001:4860::8888]", "not a host name"],
    ["images.example.com/path", "not a host name"],
    ["https://images.example.com", "not a host name"],
    ["*.nip.io", "address"],
    ["10.0.0.1.nip.io", "address"],
    ["kubernetes.default.svc", "cluster"],
    ["*.svc.cluster.local", "cluster"],
    ["files.corp", "private"],
    ["a..example.com", "not a host name"],
    ["-bad.example.com", "not a host name"],
  ])("refuses %s", (entry, reason) => {
    expect(imageHostEntryProblem(entry)).toContain(reason);
  });
});
