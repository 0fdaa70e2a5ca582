/**
 * Measures the runner's ingest step with the real functions: fetchProviderImage (safe fetcher) then
 * storeImage (sniff, sharp metadata, WebP thumbnail, two content-addressed writes). Started by
 * bench/ingest.mjs through tsx; prints one JSON line of samples.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fetchProviderImage } from "@/lib/jobs/download-image";
import { storeImage } from "@/lib/jobs/store-image";
import { startSimulator } from "@/lib/simulator";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP_ROUNDS = 3;
const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const simulator = await startSimulator({ port: Number(process.env.SIMULATOR_PORT), stepMs: 0 });
const blobDirectory = mkdtempSync(path.join(os.tmpdir(), "prism-bench-ingest-blobs-"));
const blobStore = createLocalBlobStore(blobDirectory);
try {
  await simulator.control.settings({ latencyMs: 0 });
  const samples = {
    download: [] as number[],
    store: [] as number[],
    total: [] as number[],
    bytes: [] as number[],
  };
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    // A new prompt each time: a new image, so the content-addressed store really writes.
    const url = await generatedImageUrl(simulator.urls.dashscope, `ingest ${round}`);
    // The simulator renders an image on its first download; that is the provider's time, not ours.
    await (await fetch(url)).arrayBuffer();
    const start = process.hrtime.bigint();
    const bytes = await fetchProviderImage(url, { providerId: "dashscope" });
    const downloaded = elapsed(start);
    const stored = await storeImage(blobStore, bytes);
    const total = elapsed(start);
    if (stored.width !== 1024 || stored.height !== 1024)
      throw new Error(`expected 1024×1024, got ${stored.width}×${stored.height}`);
    if (round < WARMUP_ROUNDS) continue;
    samples.download.push(downloaded);
    samples.store.push(total - downloaded);
    samples.total.push(total);
    samples.bytes.push(bytes.byteLength);
  }
  console.log(JSON.stringify(samples));
} finally {
  await simulator.close();
  rmSync(blobDirectory, { recursive: true, force: true });
}

async function generatedImageUrl(dashscopeUrl: string, prompt: string): Promise<string> {
  const response = await fetch(`${dashscopeUrl}/services/aigc/multimodal-generation/generation`, {
    method: "POST",
    headers: { authorization: "Bearer bench", "content-type": "application/json" },
    body: JSON.stringify({
      model: "z-image-turbo",
      input: { messages: [{ role: "user", content: [{ text: prompt }] }] },
      parameters: { size: "1024*1024", prompt_extend: false },
    }),
  });
  const body = (await response.json()) as {
    output?: { choices?: { message: { content: { image?: string }[] } }[] };
  };
  const url = body.output?.choices?.[0]?.message.content.find((item) => item.image)?.image;
  if (!url) throw new Error(`DashScope simulator answered ${response.status} without an image`);
  return url;
}
