import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { getJob } from "@/lib/db/queries/jobs";
import { jobs } from "@/lib/db/schema";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

let handle: DatabaseHandle;
let blobDirectory: string;
let image: Buffer;
const clock: TestClock = { current: new Date("2026-03-01T10:00:00.000Z") };

beforeAll(async () => {
  handle = await openTestDatabase();
  blobDirectory = await mkdtemp(path.join(os.tmpdir(), "prism-shutdown-"));
  image = await pngImage(16, 16, 1);
});
afterAll(async () => {
  await handle.close();
  await rm(blobDirectory, { recursive: true, force: true });
});

function makeRunner(ownerId: string, providers: Partial<Record<ProviderId, ImageProvider>>) {
  return createJobRunner(
    {
      db: handle.db,
      blobStore: createLocalBlobStore(blobDirectory),
      getProvider: (providerId) => providers[providerId] ?? null,
      fetchImage: async () => image,
      now: () => clock.current,
      ownerId,
      // Due at once on the test's fixed clock.
      pollSchedule: () => ({ initialMs: 0, maxMs: 0 }),
    },
    { idleIntervalMs: 20 },
  );
}

const startRun = (modelId: string, params: Record<string, unknown>) =>
  createRun(handle.db, createRunBodySchema.parse({ prompt: "a tide pool", models: [{ modelId, params }] }), {
    now: clock.current,
  });

const never = () => new Promise<never>(() => undefined);

it("stops claiming, lets quick steps finish, and hands back every job but one whose create is out", async () => {
  let finishCreate: () => void = () => undefined;
  const first = {
    // The create request is out and unanswered when the grace period ends.
    shortapi: fakeProvider("shortapi", { submit: never }),
    // Accepted, then the status check hangs.
    pixazo: fakeProvider("pixazo", { poll: never }),
    // Answers only after the shutdown has begun, within the grace period.
    dashscope: fakeProvider("dashscope", {
      submit: () =>
        new Promise((resolve) => {
          finishCreate = () => resolve({ state: "done", outputs: [{ url: "https://oss.example/0.png" }] });
        }),
    }),
  };
  const runner = makeRunner("leaving", first);
  const creating = await startRun("shortapi/z-image", { aspect_ratio: "1:1" });
  const polling = await startRun("pixazo/z-image-turbo", { image_size: "square_1_1" });
  const finishing = await startRun("dashscope/z-image-turbo", {});
  await runner.start();
  await vi.waitFor(() => {
    expect(first.shortapi.submit).toHaveBeenCalled();
    expect(first.pixazo.poll).toHaveBeenCalled();
    expect(first.dashscope.submit).toHaveBeenCalled();
  });
  const lateRun = await startRun("shortapi/z-image", { aspect_ratio: "1:1" });

  const stopped = runner.shutdown(500);
  finishCreate();
  expect(await stopped).toBe(2);

  // Nothing claimed after the shutdown began, not even by a tick asked for explicitly.
  expect(await runner.tick()).toBe(0);
  expect(await getJob(handle.db, lateRun.jobs[0]!.id)).toMatchObject({ status: "queued", leaseOwner: null });
  expect(first.shortapi.submit).toHaveBeenCalledTimes(1);
  // The step in flight finished normally within the grace period.
  expect(await getJob(handle.db, finishing.jobs[0]!.id)).toMatchObject({
    status: "succeeded",
    leaseOwner: null,
  });
  // The hung status check's job is free for another instance at once; the create's is not.
  expect(await getJob(handle.db, polling.jobs[0]!.id)).toMatchObject({ status: "running", leaseOwner: null });
  expect(await getJob(handle.db, creating.jobs[0]!.id)).toMatchObject({ leaseOwner: "leaving" });

  // Another instance finishes the released jobs; the create in flight fails as outcome unknown
  // once its lease runs out, without a second create.
  const second = { shortapi: fakeProvider("shortapi"), pixazo: fakeProvider("pixazo") };
  const next = makeRunner("next", second);
  await next.tick();
  await next.settle();
  expect(second.pixazo.poll).toHaveBeenCalledTimes(1);
  await handle.db
    .update(jobs)
    .set({ leaseUntil: sql`now() - interval '1 millisecond'` })
    .where(eq(jobs.id, creating.jobs[0]!.id));
  await driveRunners(handle.db, [next], clock);

  expect(await getJob(handle.db, polling.jobs[0]!.id)).toMatchObject({ status: "succeeded" });
  expect(await getJob(handle.db, lateRun.jobs[0]!.id)).toMatchObject({ status: "succeeded" });
  expect(await getJob(handle.db, creating.jobs[0]!.id)).toMatchObject({
    status: "failed",
    errorCode: "submit_outcome_unknown",
    errorMessage: expect.stringContaining("Prism lost track of this request"),
  });
  expect(second.shortapi.submit).toHaveBeenCalledTimes(1);
});
