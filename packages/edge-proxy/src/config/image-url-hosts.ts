import { imageHostEntryProblem } from "../input/image-host-entry.js";
import { commaSeparated } from "./text-variable.js";
import type { Problem } from "./variable.js";

/** `IMAGE_URL_HOSTS`: comma-separated host names or `*.suffix`, in lower case; none turns `image.url` off. */
export function parseImageUrlHosts(text: string | undefined, problem: Problem): string[] {
  const hosts: string[] = [];
  for (const entry of commaSeparated((text ?? "").toLowerCase())) {
    const reason = imageHostEntryProblem(entry);
    if (reason !== undefined) problem(`"${entry.slice(0, 64)}" ${reason}`);
    else hosts.push(entry);
  }
  return hosts;
}
