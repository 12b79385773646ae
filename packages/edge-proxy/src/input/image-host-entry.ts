import { hostNameProblem } from "./public-image-url.js";

/**
 * Why an `IMAGE_URL_HOSTS` entry cannot be used, or `undefined`. An entry is a host name (`images.example.com`)
 * or `*.` and a suffix of at least two labels (`*.cdn.example.com`; `*.com` or `*` would allow the world).
 * IP addresses, private and cluster zones and names that spell an address are refused: the proxy would
 * refuse every URL on them anyway.
 */
export function imageHostEntryProblem(entry: string): string | undefined {
  const wildcard = entry.startsWith("*.");
  const name = wildcard ? entry.slice(2) : entry;
  if (
    !/^[a-z0-9.-]{1,253}$/.test(name) ||
    name.split(".").some((label) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))
  ) {
    return "is not a host name or *.suffix (letters, digits, dots and dashes; IP addresses are not allowed)";
  }
  if (/^[\d.]+$/.test(name)) return "is an IP address: allow host names only";
  const labels = name.split(".");
  if (labels.length < 2)
    return wildcard ? "is too broad: give a suffix of at least two labels" : "needs a domain";
  const problem = hostNameProblem(name);
  if (problem === "host_not_public") return "is a private, internal or cluster name";
  if (problem === "host_embeds_ip") return "spells an IP address or belongs to an address-echo service";
  return undefined;
}
