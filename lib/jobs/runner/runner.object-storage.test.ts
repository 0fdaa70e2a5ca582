import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { getRunView } from "@/lib/views/run-views";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";
import { bytesOf } from "@/lib/testing/blob-store-contract";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { startS3TestServer, type S3TestServer } from "@/lib/testing/s3-test-server";
import { openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

let handle: DatabaseHandle;
let s3: S3TestServer;
let s3Directory: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  s3Directory = await mkdtemp(path.join(os.tmpdir(), "prism-runner-s3-"));
  s3 = await startS3TestServer({ directory: s3Directory });
});
afterAll(async () => {
  await s3.close().catch(() => undefined);
  await handle.close();
  await rm(s3Directory, { recursive: true, force: true });
});

describe("job runner on object storage", () => {
  it("retries a job while the bucket is down, writing no image, and stores it once the bucket is back", async () => {
    const clock: TestClock = { current: new Date("2026-03-01T10:00:00.000Z") };
    const image = await pngImage(40, 30, 9);
    const dashscope = fakeProvider("dashscope", {
      submit: async () => ({
        state: "done",
        providerJobId: "req-1",
        outputs: [{ url: "https://oss/0.png" }],
      }),
    });
    const warnings: string[] = [];
    const runner = createJobRunner({
      db: handle.db,
      blobStore: createS3BlobStore(s3.settings),
      getProvider: () => dashscope,
      fetchImage: async () => image,
      now: () => clock.current,
      ownerId: "runner-s3",
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message, fields) => warnings.push(`${message}: ${String(fields?.reason)}`),
        error: () => undefined,
      },
    });
    const run = await createRun(
      handle.db,
      createRunBodySchema.parse({
        prompt: "a tin robot",
        models: [{ modelId: "dashscope/z-image-turbo", params: {} }],
      }),
      { now: clock.current },
    );
    const port = Number(new URL(s3.settings.endpoint!).port);
    await s3.close();

    await runner.tick();
    await runner.settle();
    const waiting = (await getRunView(handle.db, run.id))!.jobs[0]!;
    expect(waiting.status).not.toBe("failed");
    expect(waiting.images).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Could not store an image, retrying: Object storage \(bucket "prism-test" at http:\/\/127\.0\.0\.1:\d+\) could not store .*ECONNREFUSED$/,
      ),
    ]);

    s3 = await startS3TestServer({ port, directory: s3Directory });
    await driveRunners(handle.db, [runner], clock);
    const done = (await getRunView(handle.db, run.id))!.jobs[0]!;
    expect(done.status).toBe("succeeded");
    expect(dashscope.submit).toHaveBeenCalledTimes(1);
    const key = done.images[0]!.url.replace("/api/files/", "");
    expect(await bytesOf((await createS3BlobStore(s3.settings).get(key))!.stream)).toEqual(image);
  });
});
