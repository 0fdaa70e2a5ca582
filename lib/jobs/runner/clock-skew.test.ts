import { describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createDatabaseClock } from "@/lib/db/clock";
import { getJob } from "@/lib/db/queries/jobs";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

const SKEW_MS = 6 * 60_000;

// With app clocks ±6 min apart, deadlines written by one instance and checked by another timed
// paid jobs out early, and a job created on a clock ahead waited minutes for a runner behind. Every
// instance reads due times and deadlines from the database's clock, whatever its own says.
describe.each(DATABASE_ENGINES)("instances with skewed clocks, on $name", (engine) => {
  const fixture = setUpEngineFixture(engine, "prism-clock-skew-");

  /** An instance whose own clock is `skewMs` off, reading the database clock as the server does. */
  async function instance(name: string, skewMs: number) {
    const clock = createDatabaseClock(fixture.handle.db, () => new Date(Date.now() + skewMs));
    await clock.sync();
    const provider = fakeProvider("shortapi", { poll: async () => ({ state: "running" }) });
    const runner = createJobRunner(
      {
        db: fixture.handle.db,
        blobStore: createLocalBlobStore(fixture.blobDirectory),
        getProvider: (providerId) => (providerId === "shortapi" ? provider : null),
        fetchImage: async () => fixture.image,
        now: clock.now,
        ownerId: name,
        pollSchedule: () => ({ initialMs: 0, maxMs: 0 }),
      },
      { idleIntervalMs: 60_000, deadlineMs: 10 * 60_000 },
    );
    return { clock, provider, runner };
  }

  async function createdOn(clock: { now: () => Date }) {
    const run = await createRun(
      fixture.handle.db,
      createRunBodySchema.parse({
        prompt: "a lighthouse",
        models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
      }),
      { now: clock.now() },
    );
    return run.jobs[0]!.id;
  }

  async function step(runner: ReturnType<typeof createJobRunner>) {
    await runner.tick();
    await runner.settle();
  }

  it("a runner behind takes at once a job created on a clock ahead", async () => {
    const ahead = await instance("ahead", SKEW_MS);
    const behind = await instance("behind", -SKEW_MS);
    const jobId = await createdOn(ahead.clock);

    await step(behind.runner);

    expect(behind.provider.submit).toHaveBeenCalledTimes(1);
    expect((await getJob(fixture.handle.db, jobId))?.providerJobId).toBeTruthy();
  });

  it("a runner ahead does not time out a job whose deadline a runner behind set", async () => {
    const ahead = await instance("ahead", SKEW_MS);
    const behind = await instance("behind", -SKEW_MS);
    const jobId = await createdOn(behind.clock);
    await step(behind.runner);

    await step(ahead.runner);

    expect(ahead.provider.poll).toHaveBeenCalledTimes(1);
    const job = await getJob(fixture.handle.db, jobId);
    expect([job?.status, job?.errorCode]).toEqual(["running", null]);
  });
});
