import { checkImage, type ImageProblem, type ImageReport } from "@liveness-kit/core/image";
import { IMAGE_LIMITS } from "@liveness-kit/core/spec";

/** One line of the preflight checklist. */
export interface ChecklistItem {
  readonly id: "format" | "bytes" | "resolution" | "portrait";
  readonly label: string;
  readonly status: "pass" | "fail" | "unknown";
  /** The measured fact when it passes, core's message when it fails. */
  readonly detail: string;
  /** core's concrete fix, when it fails. */
  readonly fix?: string;
}

const ITEM_OF: Record<ImageProblem["code"], ChecklistItem["id"]> = {
  empty: "format",
  unknown_format: "format",
  truncated: "format",
  no_dimensions: "format",
  too_large: "bytes",
  too_small_resolution: "resolution",
  too_large_resolution: "resolution",
  not_portrait: "portrait",
};

/** How the image will travel: base64 in the JSON body allows a smaller file than a URL does. */
export type ImageMode = "base64" | "url";

/** core's report on an image and the checklist made of it. */
export interface Preflight {
  readonly report: ImageReport;
  readonly items: ChecklistItem[];
  readonly ok: boolean;
}

/** Runs core's `checkImage` for the given mode and presents the result as the checklist. */
export function preflightImage(bytes: Uint8Array, mode: ImageMode = "base64"): Preflight {
  const report = checkImage(bytes, { mode });
  return { report, items: toChecklist(report, mode), ok: report.ok };
}

/**
 * Presents core's `checkImage` report as the four checks of the API's image rules (format, bytes, resolution,
 * portrait). The verdicts and fixes are core's; this only groups them and words the passes.
 */
function toChecklist(report: ImageReport, mode: ImageMode): ChecklistItem[] {
  const maxBytes = mode === "base64" ? IMAGE_LIMITS.maxBase64SourceBytes : IMAGE_LIMITS.maxBytes;
  const info = report.info;
  const failed = (id: ChecklistItem["id"]) =>
    report.problems.filter((problem) => ITEM_OF[problem.code] === id);
  const item = (id: ChecklistItem["id"], label: string, passDetail: string | undefined): ChecklistItem => {
    const problems = failed(id);
    if (problems.length > 0) {
      return {
        id,
        label,
        status: "fail",
        detail: problems.map((problem) => problem.message).join(" "),
        fix: problems.map((problem) => problem.fix).join(" "),
      };
    }
    return passDetail === undefined
      ? { id, label, status: "unknown", detail: "Unknown until the header can be read." }
      : { id, label, status: "pass", detail: passDetail };
  };
  return [
    item("format", "JPEG or PNG", info ? info.format.toUpperCase() : undefined),
    item(
      "bytes",
      `At most ${formatBytes(maxBytes)}`,
      `${formatBytes(report.bytes)} of ${formatBytes(maxBytes)}`,
    ),
    item(
      "resolution",
      `${IMAGE_LIMITS.minWidth}-${IMAGE_LIMITS.maxWidth} x ${IMAGE_LIMITS.minHeight}-${IMAGE_LIMITS.maxHeight} px`,
      info ? `${info.width}x${info.height} px` : undefined,
    ),
    item(
      "portrait",
      "Portrait (higher than wide)",
      info ? `${info.width}x${info.height}: portrait` : undefined,
    ),
  ];
}

/** Bytes as a short human figure: "812 B", "412.3 KB", "3.21 MB" (1 KB = 1024 B, as the API's limits are). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}
