/** What FaceQualityCheck=Y holds a photo to (the emulator's gate; Alibaba does not publish its own figures). */
const SCORE_NAMES: Readonly<Record<string, string>> = {
  sharpness: "SharpnessScore",
  sharpnessscore: "SharpnessScore",
  illumination: "IlluminationScore",
  illuminationscore: "IlluminationScore",
  quality: "FaceQualityScore",
  facequalityscore: "FaceQualityScore",
  occlusion: "OcclusionScore",
  occlusionscore: "OcclusionScore",
};

/** One score the server said was too low. */
export interface LowScore {
  readonly name: string;
  readonly value: number;
  readonly minimum: number;
}

/**
 * The scores an `UnqualifiedPhoto` answer says were too low, when its message or details name them (e.g.
 * "too blurry (sharpness 12 < 40)" or `details.lowScores`). Alibaba's own answer does not: then the list is empty.
 */
export function findLowScores(message: string, details: unknown): LowScore[] {
  const found = new Map<string, LowScore>();
  const listed =
    typeof details === "object" && details !== null
      ? (details as { lowScores?: unknown }).lowScores
      : undefined;
  if (Array.isArray(listed)) {
    for (const item of listed) {
      const { name, value, minimum } = (item ?? {}) as Record<string, unknown>;
      if (typeof name === "string" && typeof value === "number" && typeof minimum === "number")
        found.set(name, { name, value, minimum });
    }
  }
  for (const match of message.matchAll(/\b([a-z]+)(?:\s+score)?\s+(\d+(?:\.\d+)?)\s*<\s*(\d+(?:\.\d+)?)/gi)) {
    const name = SCORE_NAMES[(match[1] ?? "").toLowerCase()];
    if (name && !found.has(name))
      found.set(name, { name, value: Number(match[2]), minimum: Number(match[3]) });
  }
  return [...found.values()];
}

/** The Meaning line of an `UnqualifiedPhoto`: which scores were low, or how to find out. */
export function unqualifiedPhotoMeaning(message: string, details: unknown): string {
  const low = findLowScores(message, details);
  if (low.length > 0) {
    return `the face quality check refused the photo: ${low
      .map((score) => `${score.name} ${score.value} (under ${score.minimum})`)
      .join(", ")}`;
  }
  return "the face quality check (FaceQualityCheck=Y) refused the photo, or it could not be read; the API does not say which score was low (FaceQualityScore, SharpnessScore, IlluminationScore or OcclusionScore)";
}
