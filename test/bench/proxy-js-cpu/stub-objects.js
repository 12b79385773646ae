/**
 * The proxy's three Durable Object namespaces, answering at once as fresh objects would: the caller admitted,
 * the merchantBizId run (then kept), the region passed. A deployed Worker's CPU does not include an object's
 * work (each object runs, and bills, apart), but it does include RPC's serialising of the arguments and the
 * answer: each call structured-clones both.
 */
export function stubbedDurableObjects() {
  const answers = {
    admit: () => ({ kind: "admitted" }),
    begin: () => ({ kind: "run", leaseId: crypto.randomUUID() }),
    finish: () => "kept",
    lookup: () => ({ kind: "none" }),
    pass: () => ({ allowed: true, retryAfterMs: 0, clean: true, probe: false }),
    take: () => ({ allowed: true, retryAfterMs: 0 }),
    giveBack: () => undefined,
    record: () => undefined,
  };
  const stub = {};
  for (const [name, answer] of Object.entries(answers)) {
    stub[name] = async (...args) => structuredClone(answer(structuredClone(args)));
  }
  const namespace = { idFromName: (name) => ({ name }), get: () => stub };
  return { IDEMPOTENCY: namespace, CALLERS: namespace, REGIONS: namespace };
}
