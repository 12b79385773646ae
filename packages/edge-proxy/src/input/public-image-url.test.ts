import { describe, expect, it } from "vitest";
import { checkPublicImageUrl, MAX_IMAGE_URL_LENGTH } from "./public-image-url.js";

function problemOf(url: string): string | undefined {
  const check = checkPublicImageUrl(url);
  return check.ok ? undefined : check.problem;
}

describe("checkPublicImageUrl", () => {
  it("accepts https URLs on public hosts and public addresses, dropping the fragment", () => {
    expect(checkPublicImageUrl("https://images.example.com/face.jpg?v=1#top")).toEqual({
      ok: true,
      url: "https://images.example.com/face.jpg?v=1",
    });
    expect(problemOf("https://8.8.8.8/face.jpg")).toBeUndefined();
    expect(problemOf("https://[2606:4700:4700::1111]/face.jpg")).toBeUndefined();
  });

  it("takes only allowed hosts when given the list: exact names and *.suffix", () => {
    const allowed = ["images.example.com", "*.cdn.example.net"];
    const problem = (url: string) => {
      const check = checkPublicImageUrl(url, allowed);
      return check.ok ? undefined : check.problem;
    };
    expect(problem("https://images.example.com/face.jpg")).toBeUndefined();
    expect(problem("https://IMAGES.example.com./face.jpg")).toBeUndefined();
    expect(problem("https://eu.cdn.example.net/face.jpg")).toBeUndefined();
    expect(problem("https://a.b.cdn.example.net/face.jpg")).toBeUndefined();
    expect(problem("https://cdn.example.net/face.jpg")).toBe("host_not_allowed");
    expect(problem("https://evilcdn.example.net/face.jpg")).toBe("host_not_allowed");
    expect(problem("https://images.example.com.evil.org/face.jpg")).toBe("host_not_allowed");
    expect(problem("https://8.8.8.8/face.jpg")).toBe("host_not_allowed");
    // The public checks come first, whatever the list says.
    expect(problem("https://169.254.169.254/face.jpg")).toBe("ip_not_public");
    expect(checkPublicImageUrl("https://10-0-0-1.cdn.example.net/x.jpg", allowed)).toMatchObject({
      problem: "host_embeds_ip",
    });
  });

  it.each([
    "https://100.100.100.200.nip.io/latest/meta-data/",
    "https://169.254.169.254.nip.io/latest/",
    "https://app.10.0.0.1.sslip.io/face.jpg",
    "https://10-0-0-1.sslip.io/face.jpg",
    "https://app-10-0-0-1.example.com/face.jpg",
    "https://magic-0a000001.nip.io/face.jpg",
    "https://c0a80001.example.com/face.jpg",
    "https://127.0.0.1.example.com/face.jpg",
    "https://2a01-4f8-c17-b8f--2.example.com/face.jpg",
    "https://--1.example.com/face.jpg",
    "https://anything.nip.io/face.jpg",
    "https://localtest.me/face.jpg",
    "https://x.lvh.me/face.jpg",
  ])("refuses the name that spells an address in %s", (url) => {
    expect(problemOf(url)).toBe("host_embeds_ip");
  });

  it.each([
    "https://kubernetes.default.svc/face.jpg",
    "https://kubernetes.default/face.jpg",
    "https://api.default.svc.cluster.local/face.jpg",
    "https://vault.service.consul/face.jpg",
    "https://db.docker/face.jpg",
    "https://api.k8s/face.jpg",
    "https://1.0.0.127.in-addr.arpa/face.jpg",
    "https://oss-cn-hangzhou-internal.aliyuncs.com/face.jpg",
    "https://vpc100-oss-cn-hangzhou.aliyuncs.com/face.jpg",
    "https://metadata.internal.example.com/face.jpg",
  ])("refuses the cluster or internal name in %s", (url) => {
    expect(problemOf(url)).toBe("host_not_public");
  });

  it.each([
    "https://[2001:2::1]/face.jpg",
    "https://[2001:2:0:ffff::1]/face.jpg",
    "https://[2001:10::1]/face.jpg",
    "https://[2001:1f:ffff::1]/face.jpg",
    "https://[2001:20::1]/face.jpg",
    "https://[2001:2f:ffff::1]/face.jpg",
    "https://[2001:1::1]/face.jpg",
    "https://[2001:1ff::1]/face.jpg",
  ])("refuses IPv6 benchmarking, ORCHID and other IETF-assigned addresses: %s", (url) => {
    expect(problemOf(url)).toBe("ip_not_public");
  });

  it("still takes ordinary names with digits and dashes, and real IPv6 global unicast", () => {
    for (const url of [
      "https://img-2024.example.com/face.jpg",
      "https://s3.eu-west-1.amazonaws.com/bucket/face.jpg",
      "https://xn--bcher-kva.example/face.jpg".replace(".example/", ".example.com/"),
      "https://cdn1.example.com/face.jpg",
      "https://[2001:200::1]/face.jpg",
    ]) {
      expect(problemOf(url), url).toBeUndefined();
    }
  });

  it.each([
    ["http://images.example.com/face.jpg", "not_https"],
    ["ftp://images.example.com/face.jpg", "not_https"],
    ["file:///etc/passwd", "not_https"],
    ["not a url", "invalid_url"],
    ["/relative/face.jpg", "invalid_url"],
    ["https://user:pass@images.example.com/face.jpg", "credentials"],
    ["https://token@images.example.com/face.jpg", "credentials"],
    ["https://images.example.com:8443/face.jpg", "port"],
  ])("refuses %s (%s)", (url, problem) => {
    expect(problemOf(url)).toBe(problem);
  });

  it.each([
    "https://127.0.0.1/face.jpg",
    "https://127.1/face.jpg",
    "https://2130706433/face.jpg",
    "https://0x7f000001/face.jpg",
    "https://0x7f.0.0.1/face.jpg",
    "https://0177.0.0.1/face.jpg",
    "https://017700000001/face.jpg",
    "https://0.0.0.0/face.jpg",
    "https://10.1.2.3/face.jpg",
    "https://172.16.0.1/face.jpg",
    "https://172.31.255.255/face.jpg",
    "https://192.168.1.1/face.jpg",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/face.jpg",
    "https://224.0.0.1/face.jpg",
    "https://255.255.255.255/face.jpg",
    "https://[::1]/face.jpg",
    "https://[::]/face.jpg",
    "https://[::ffff:127.0.0.1]/face.jpg",
    "https://[::ffff:7f00:1]/face.jpg",
    "https://[64:ff9b::a00:1]/face.jpg",
    "https://[fc00::1]/face.jpg",
    "https://[fd12:3456:789a::1]/face.jpg",
    "https://[fe80::1]/face.jpg",
    "https://[fec0::1]/face.jpg",
    "https://[ff02::1]/face.jpg",
    "https://[2001:db8::1]/face.jpg",
    "https://[2002:7f00:1::]/face.jpg",
  ])("refuses the non-public address in %s", (url) => {
    expect(problemOf(url)).toBe("ip_not_public");
  });

  it.each([
    "https://localhost/face.jpg",
    "https://LOCALHOST./face.jpg",
    "https://api.localhost/face.jpg",
    "https://printer.local/face.jpg",
    "https://metadata.google.internal/face.jpg",
    "https://router.home.arpa/face.jpg",
    "https://intranet/face.jpg",
    "https://files.corp/face.jpg",
  ])("refuses the private name in %s", (url) => {
    expect(problemOf(url)).toBe("host_not_public");
  });

  it("bounds the length", () => {
    const long = `https://images.example.com/${"a".repeat(MAX_IMAGE_URL_LENGTH)}`;
    expect(problemOf(long)).toBe("too_long");
  });

  it("never echoes the URL in its message", () => {
    const check = checkPublicImageUrl("https://secret-token@images.example.com/x.jpg");
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).not.toContain("secret-token");
  });
});
