import { beforeEach, describe, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { getJob } from "@/lib/db/queries/jobs";
import { deleteRun } from "@/lib/db/queries/runs";
import { images, jobs } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

// Deleting a run while the runner stores its images: the image insert used to hit the deleted
// job's foreign key and the step was logged as "Job step failed unexpectedly".
describe.each(DATABASE_ENGINES)("a run deleted while its images are stored, on $name", (engine) => {
  const fixture = setUpEngineFixture(engine, "prism-deleted-run-");
  let clock: Date;
  beforeEach(() => {
    clock = new Date("2026-03-01T10:00:00.000Z");
  });

  it("stops its job quietly: nothing stored, nothing reported as unexpected", async () => {
    let release!: (bytes: Buffer) => void;
    const download = new Promise<Buffer>((resolve) => (release = resolve));
    const fetchImage = vi.fn(() => download);
    const log = { ...logger, info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const runner = createJobRunner(
      {
        db: fixture.handle.db,
        blobStore: createLocalBlobStore(fixture.blobDirectory),
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
    const run = await createRun(fixture.handle.db, body, { now: clock });
    const jobId = run.jobs[0]!.id;
    await runner.tick();
    await runner.settle();
    clock = (await getJob(fixture.handle.db, jobId))!.nextAttemptAt;
    await runner.tick();
    await vi.waitFor(() => expect(fetchImage).toHaveBeenCalledTimes(1));

    expect((await deleteRun(fixture.handle.db, run.id)).deleted).toBe(true);
    release(fixture.image);
    await runner.settle();
    await runner.stop();

    expect(await fixture.handle.db.select().from(images)).toEqual([]);
    expect(await fixture.handle.db.select().from(jobs)).toEqual([]);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(
      "Job's run was deleted during its download; its images are not kept",
      { jobId },
    );
  });
});
