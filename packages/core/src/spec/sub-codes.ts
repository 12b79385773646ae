/** What a `Result.SubCode` of a successful answer means. Both are billed. */
export interface SubCodeInfo {
  readonly passed: boolean;
  readonly meaning: string;
}

/** The SubCodes of a FaceLivenessV2 answer (product page, "ResultObject.SubCode error codes"). */
export const SUB_CODES: Readonly<Record<"200" | "205", SubCodeInfo>> = {
  "200": { passed: true, meaning: "liveness passed" },
  "205": { passed: false, meaning: "liveness risk (attack) detected" },
};
