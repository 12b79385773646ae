// The floor under a proxy call: read the request body whole, send a body of the same size to the upstream
// named in the `upstream` query parameter, read its answer, answer with a small JSON. No routing, checks,
// Durable Objects, signing or receipt: what workerd itself spends moving the bytes in and out.
export default {
  async fetch(request) {
    const upstream = new URL(request.url).searchParams.get("upstream");
    const body = new Uint8Array(await request.arrayBuffer());
    if (!upstream) return Response.json({ bytes: body.length });
    const answer = await fetch(upstream, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await answer.arrayBuffer();
    return Response.json({ bytes: body.length, status: answer.status });
  },
};
