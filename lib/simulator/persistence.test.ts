import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "./index";
import { type CallbackReceiver, KEY, startReceiver } from "@/lib/testing/simulator-fixture";
import { download } from "@/lib/testing/test-images";
import { waitFor } from "@/lib/testing/wait-for";

let stateDir: string;
let receiver: CallbackReceiver;
const running = new Set<RunningSimulator>();

beforeEach(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "prism-simulator-"));
  receiver = await startReceiver();
});
afterEach(async () => {
  await Promise.all([...running].map((simulator) => simulator.close()));
  running.clear();
  await receiver.close();
  await rm(stateDir, { recursive: true, force: true });
});

async function start(options: SimulatorOptions): Promise<RunningSimulator> {
  const simulator = await startSimulator({ stepMs: 20, stateDir, ...options });
  running.add(simulator);
  return simulator;
}

async function stop(simulator: RunningSimulator): Promise<void> {
  await simulator.close();
  running.delete(simulator);
}

async function restart(simulator: RunningSimulator, options: SimulatorOptions): Promise<RunningSimulator> {
  await stop(simulator);
  return start(options);
}

/**
 * The app restarts its simulator on the same fixed ports, so old URLs must keep working there;
 * port 0 would give every server its own ephemeral port, so pick a free base port instead.
 */
async function startOnFixedPorts(): Promise<{ simulator: RunningSimulator; port: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    try {
      return { simulator: await start({ port }), port };
    } catch (error) {
      if (attempt === 20) throw error;
    }
  }
}

const shortapiHeaders = { "content-type": "application/json", authorization: `Bearer ${KEY}` };
const pixazoHeaders = { "content-type": "application/json", "ocp-apim-subscription-key": KEY };

interface ShortapiQuery {
  data: { job_id: string; status: number; result: { images: { url: string }[] } | null };
}
interface PixazoStatus {
  request_id: string;
  status: string;
  output: { media_url: string[] } | null;
}

async function createShortapi(simulator: RunningSimulator, prompt: string): Promise<string> {
  const response = await fetch(`${simulator.urls.shortapi}/api/v1/job/create`, {
    method: "POST",
    headers: shortapiHeaders,
    body: JSON.stringify({
      model: "shortapi/z-image/text-to-image",
      args: { prompt, aspect_ratio: "1:1", num_images: 2 },
      callback_url: receiver.url,
    }),
  });
  const body = (await response.json()) as { data: { job_id: string } };
  return body.data.job_id;
}

async function queryShortapi(
  simulator: RunningSimulator,
  id: string,
): Promise<ShortapiQuery & { status: number }> {
  const response = await fetch(`${simulator.urls.shortapi}/api/v1/job/query?id=${id}`, {
    headers: shortapiHeaders,
  });
  return { status: response.status, ...((await response.json()) as ShortapiQuery) };
}

async function submitPixazo(simulator: RunningSimulator, prompt: string): Promise<string> {
  const response = await fetch(`${simulator.urls.pixazo}/z-image-turbo-834/v1/z-image-turbo-request`, {
    method: "POST",
    headers: { ...pixazoHeaders, "x-webhook-url": receiver.url },
    body: JSON.stringify({ prompt, image_size: "square_1_1", output_format: "webp" }),
  });
  const body = (await response.json()) as { polling_url: string };
  return body.polling_url;
}

async function pollPixazo(pollingUrl: string): Promise<PixazoStatus & { httpStatus: number }> {
  const response = await fetch(pollingUrl, { headers: pixazoHeaders });
  return { httpStatus: response.status, ...((await response.json()) as PixazoStatus) };
}

const shortapiDone = (simulator: RunningSimulator, id: string) =>
  waitFor(
    () => queryShortapi(simulator, id),
    (result) => result.data.status === 2,
  );
const pixazoDone = (pollingUrl: string) =>
  waitFor(
    () => pollPixazo(pollingUrl),
    (result) => result.status === "COMPLETED",
  );

async function generateDashscope(simulator: RunningSimulator, prompt: string): Promise<string> {
  const response = await fetch(`${simulator.urls.dashscope}/services/aigc/multimodal-generation/generation`, {
    method: "POST",
    headers: shortapiHeaders,
    body: JSON.stringify({
      model: "z-image-turbo",
      input: { messages: [{ role: "user", content: [{ text: prompt }] }] },
      parameters: { size: "1024*1024" },
    }),
  });
  const body = (await response.json()) as {
    output: { choices: { message: { content: { image: string }[] } }[] };
  };
  const image = body.output.choices[0]?.message.content[0]?.image;
  if (!image) throw new Error("no image in the DashScope answer");
  return image;
}

/** Whether the saved file already records that these jobs' callbacks went out. */
async function callbacksSaved(ids: string[]): Promise<boolean> {
  try {
    const state = JSON.parse(await readFile(path.join(stateDir, "state.json"), "utf8")) as {
      jobs: Record<string, { id: string; callbackSettled: boolean }[]>;
    };
    const settled = Object.values(state.jobs)
      .flat()
      .filter((job) => job.callbackSettled)
      .map((job) => job.id);
    return ids.every((id) => settled.includes(id));
  } catch {
    return false;
  }
}

const receivedIds = () =>
  receiver.received.map((body) => {
    const payload = body as { data?: { job_id: string }; request_id?: string };
    return payload.data?.job_id ?? payload.request_id;
  });

describe("simulator state across restarts", () => {
  it("keeps jobs and images, and finishes jobs that were mid-timeline", async () => {
    const { simulator: first, port } = await startOnFixedPorts();

    const doneShortapi = await createShortapi(first, "a harbour at dawn");
    const donePixazoUrl = await submitPixazo(first, "a harbour at dusk");
    const shortapiBefore = await shortapiDone(first, doneShortapi);
    const pixazoBefore = await pixazoDone(donePixazoUrl);
    const shortapiUrls = shortapiBefore.data.result?.images.map((image) => image.url) ?? [];
    const pixazoUrls = pixazoBefore.output?.media_url ?? [];
    expect(shortapiUrls).toHaveLength(2);
    expect(pixazoUrls).toHaveLength(1);

    const dashscopeUrl = await generateDashscope(first, "a lighthouse");
    await first.control.settings({ imageTtlMs: 0 });
    const expiredUrl = await generateDashscope(first, "a lighthouse, expired");
    await first.control.settings({ imageTtlMs: 60_000 });

    const images = [...shortapiUrls, ...pixazoUrls, dashscopeUrl];
    const bytesBefore = await Promise.all(images.map(download));
    expect(bytesBefore.map((image) => image.status)).toEqual(images.map(() => 200));
    expect((await download(expiredUrl)).status).toBe(403);

    // Jobs that cannot finish before the restart: queued when the simulator goes down.
    await first.control.settings({ stepMs: 3_600_000 });
    const pendingShortapi = await createShortapi(first, "a storm");
    const pendingPixazoUrl = await submitPixazo(first, "a calm sea");
    expect((await queryShortapi(first, pendingShortapi)).data.status).toBe(0);
    expect((await pollPixazo(pendingPixazoUrl)).status).toBe("QUEUED");

    const donePixazoId = pixazoBefore.request_id;
    await waitFor(() => callbacksSaved([doneShortapi, donePixazoId]), Boolean);
    receiver.received.length = 0;

    const second = await restart(first, { port });

    expect((await queryShortapi(second, doneShortapi)).data.result?.images.map((image) => image.url)).toEqual(
      shortapiUrls,
    );
    expect((await pollPixazo(donePixazoUrl)).output?.media_url).toEqual(pixazoUrls);
    const bytesAfter = await Promise.all(images.map(download));
    bytesAfter.forEach((image, index) => {
      expect(image.status).toBe(200);
      expect(image.contentType).toBe(bytesBefore[index]?.contentType);
      expect(image.bytes.equals(bytesBefore[index]?.bytes ?? Buffer.alloc(0))).toBe(true);
    });
    expect((await download(expiredUrl)).status).toBe(403);

    const resumedShortapi = await shortapiDone(second, pendingShortapi);
    const resumedPixazo = await pixazoDone(pendingPixazoUrl);
    const resumedImages = [
      ...(resumedShortapi.data.result?.images.map((image) => image.url) ?? []),
      ...(resumedPixazo.output?.media_url ?? []),
    ];
    expect(resumedImages).toHaveLength(3);
    for (const url of resumedImages) expect((await download(url)).status).toBe(200);

    // The resumed jobs call back once; the callbacks sent before the restart are not sent again.
    await waitFor(
      async () => receivedIds(),
      (ids) => ids.length >= 2,
    );
    await stop(second);
    expect(receivedIds().sort()).toEqual([pendingShortapi, resumedPixazo.request_id].sort());
  });

  it("keeps the expire-all marker but serves images issued after it", async () => {
    const { simulator: first, port } = await startOnFixedPorts();
    const before = await generateDashscope(first, "a kite");
    await first.control.expireImages();

    const second = await restart(first, { port });
    expect((await download(before)).status).toBe(403);
    expect((await download(await generateDashscope(second, "another kite"))).status).toBe(200);
  });

  it("starts empty when the state file is unreadable", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await writeFile(path.join(stateDir, "state.json"), "{ torn");
    const simulator = await start({ port: 0 });
    expect(warn).toHaveBeenCalledOnce();
    expect((await queryShortapi(simulator, "0123456789abcdef01234567")).status).toBe(404);
    const id = await createShortapi(simulator, "a fresh start");
    expect((await shortapiDone(simulator, id)).data.status).toBe(2);
    warn.mockRestore();
  });
});
