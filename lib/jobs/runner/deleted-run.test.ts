import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { getJob } from "@/lib/db/queries/jobs";
import { deleteRun } from "@/lib/db/queries/runs";
import { images, jobs } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { emptyDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

// Deleting a run while the runner stores its images: the image insert used to hit the deleted
// job's foreign key and the step was logged as "Job step failed unexpectedly".
describe.each(DATABASE_ENGINES)("a run deleted while its images are stored, on $name", (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let blobDirectory: string;
  let image: Buffer;
  let clock: Date;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.open());
    blobDirectory = await mkdtemp(path.join(os.tmpdir(), "prism-deleted-run-"));
    image = await pngImage(32, 32, 4);
  });
  afterAll(async () => {
    await dispose();
    await rm(blobDirectory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await emptyDatabase(handle);
    clock = new Date("2026-03-01T10:00:00.000Z");
  });

  it("stops its job quietly: nothing stored, nothing reported as unexpected", async () => {
    let release!: (bytes: Buffer) => void;
    const download = new Promise<Buffer>((resolve) => (release = resolve));
    const fetchImage = vi.fn(() => download);
    const log = { ...logger, info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const runner = createJobRunner(
      {
        db: handle.db,
        blobStore: createLocalBlobStore(blobDirectory),
        getProvider: (providerId) => (providerId === "shortapi" ? fakeProvider("shortapi") : null),
        fetchImage,
        now: () => clock,
        ownerId: "deleted-run-runner",
        logger: log,
      },
      { idleIntervalMs: 60_000 },
    );
    const body = createRunBodySchema.parse({
      prompt: "a lighthouse at dusk",
      models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
    });
    const run = await createRun(handle.db, body, { now: clock });
    const jobId = run.jobs[0]!.id;
    await runner.tick();
    await runner.settle();
    clock = (await getJob(handle.db, jobId))!.nextAttemptAt;
    await runner.tick();
    await vi.waitFor(() => expect(fetchImage).toHaveBeenCalledTimes(1));

    expect((await deleteRun(handle.db, run.id)).deleted).toBe(true);
    release(image);
    await runner.settle();
    await runner.stop();

    expect(await handle.db.select().from(images)).toEqual([]);
    expect(await handle.db.select().from(jobs)).toEqual([]);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(
      "Job's run was deleted during its download; its images are not kept",
      { jobId },
    );
  });
});
