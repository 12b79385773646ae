/**
 * Replaces the isolate's `fetch` with Alibaba answering a FaceLivenessV2 success at once (the shape of
 * ../shared/spec/face-liveness-v2.md, "Response"). The request body is left unread: a deployed Worker hands it
 * to the runtime, which sends it natively. Counts the calls, so the bench can tell it was used.
 */
export function stubbedUpstream() {
  let calls = 0;
  globalThis.fetch = async () => {
    calls += 1;
    const body = JSON.stringify({
      RequestId: crypto.randomUUID().toUpperCase(),
      Code: "Success",
      Message: "success",
      Result: {
        TransactionId: `hksb${crypto.randomUUID().replaceAll("-", "")}`,
        Passed: "Y",
        SubCode: "200",
        ExtFaceInfo: {
          FaceQualityScore: 91.5,
          OcclusionScore: 98.2,
          KaOcclusionScore: 97.9,
          IlluminationScore: 88.1,
          SharpnessScore: 93.4,
          FaceAttack: "N",
          OcclusionResult: "N",
        },
      },
    });
    return new Response(body, { status: 200, headers: { "content-type": "application/json;charset=utf-8" } });
  };
  return { calls: () => calls };
}
