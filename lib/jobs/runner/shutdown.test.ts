import { eq, sql } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { getJob } from "@/lib/db/queries/jobs";
import { jobs } from "@/lib/db/schema";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { PGLITE_ENGINE } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

const fixture = setUpEngineFixture(PGLITE_ENGINE, "prism-shutdown-");
const clock: TestClock = { current: new Date("2026-03-01T10:00:00.000Z") };

function makeRunner(ownerId: string, providers: Partial<Record<ProviderId, ImageProvider>>) {
  return createJobRunner(
    {
      db: fixture.handle.db,
      blobStore: createLocalBlobStore(fixture.blobDirectory),
      getProvider: (providerId) => providers[providerId] ?? null,
      fetchImage: async () => fixture.image,
      now: () => clock.current,
      ownerId,
      // Due at once on the test's fixed clock.
      pollSchedule: () => ({ initialMs: 0, maxMs: 0 }),
    },
    { idleIntervalMs: 20 },
  );
}

const startRun = (modelId: string, params: Record<string, unknown>) =>
  createRun(
    fixture.handle.db,
    createRunBodySchema.parse({ prompt: "a tide pool", models: [{ modelId, params }] }),
    {
      now: clock.current,
    },
  );

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
  expect(await getJob(fixture.handle.db, lateRun.jobs[0]!.id)).toMatchObject({
    status: "queued",
    leaseOwner: null,
  });
  expect(first.shortapi.submit).toHaveBeenCalledTimes(1);
  // The step in flight finished normally within the grace period.
  expect(await getJob(fixture.handle.db, finishing.jobs[0]!.id)).toMatchObject({
    status: "succeeded",
    leaseOwner: null,
  });
  // The hung status check's job is free for another instance at once; the create's is not.
  expect(await getJob(fixture.handle.db, polling.jobs[0]!.id)).toMatchObject({
    status: "running",
    leaseOwner: null,
  });
  expect(await getJob(fixture.handle.db, creating.jobs[0]!.id)).toMatchObject({ leaseOwner: "leaving" });

  // Another instance finishes the released jobs; the create in flight fails as outcome unknown
  // once its lease runs out, without a second create.
  const second = { shortapi: fakeProvider("shortapi"), pixazo: fakeProvider("pixazo") };
  const next = makeRunner("next", second);
  await next.tick();
  await next.settle();
  expect(second.pixazo.poll).toHaveBeenCalledTimes(1);
  await fixture.handle.db
    .update(jobs)
    .set({ leaseUntil: sql`now() - interval '1 millisecond'` })
    .where(eq(jobs.id, creating.jobs[0]!.id));
  await driveRunners(fixture.handle.db, [next], clock);

  expect(await getJob(fixture.handle.db, polling.jobs[0]!.id)).toMatchObject({ status: "succeeded" });
  expect(await getJob(fixture.handle.db, lateRun.jobs[0]!.id)).toMatchObject({ status: "succeeded" });
  expect(await getJob(fixture.handle.db, creating.jobs[0]!.id)).toMatchObject({
    status: "failed",
    errorCode: "submit_outcome_unknown",
    errorMessage: expect.stringContaining("Prism lost track of this request"),
  });
  expect(second.shortapi.submit).toHaveBeenCalledTimes(1);
});
