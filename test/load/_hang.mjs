import { startLocalStack } from "./local-stack.mjs";
import { importTypeScriptModule } from "./import-typescript-module.mjs";
import { createMerchantBizId } from "@liveness-kit/core/request";
const { portraitJpeg } = await importTypeScriptModule(new URL("../fixtures/portrait-jpeg.ts", import.meta.url));
const image = Buffer.from(portraitJpeg({ width: 480, height: 640, quality: 80 })).toString("base64");
const s = await startLocalStack({ name: "hang" });
try {
  await fetch(`${s.emulator}/__emulator/faults`, { method: "PUT", body: JSON.stringify({ faults: [{ fault: process.argv[2] ?? "hang", probability: 0.3 }], seed: 72 }) });
  const ps = [];
  for (let i = 0; i < 10; i++) {
    const id = createMerchantBizId();
    const send = async () => { const t = Date.now(); const p = await fetch(`${s.proxy}/v1/face-liveness`, { method: "POST", headers: { authorization: "Bearer dev-caller-key", "content-type": "application/json" }, body: JSON.stringify({ merchantBizId: id, merchantUserId: "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", image: { base64: image } }) }); const txt = await p.text(); console.log(new Date().toISOString().slice(11,23), i, Date.now() - t, "ms", p.status, txt.slice(0, 100)); };
    ps.push(send()); if (i < 4) ps.push(send());
    await new Promise(r => setTimeout(r, 160));
  }
  await Promise.all(ps);
} finally { await s.stop(); }
