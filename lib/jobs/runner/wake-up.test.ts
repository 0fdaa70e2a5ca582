import { afterEach, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { getJob } from "@/lib/db/queries/jobs";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { PGLITE_ENGINE } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";
import type { JobRunner, JobRunnerOptions } from "./types";

/**
 * The runner's own loop on the real clock: when it wakes up by itself, with nobody poking it or
 * ticking it by hand. The idle interval is a minute, so a job run on time was woken for.
 */
const fixture = setUpEngineFixture(PGLITE_ENGINE, "prism-wake-up-");
const started: JobRunner[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((runner) => runner.shutdown(0)));
});

async function startRunner(
  providers: Partial<Record<ProviderId, ImageProvider>>,
  options: JobRunnerOptions = {},
  now: () => Date = () => new Date(),
) {
  const runner = createJobRunner(
    {
      db: fixture.handle.db,
      blobStore: createLocalBlobStore(fixture.blobDirectory),
      getProvider: (providerId) => providers[providerId] ?? null,
      fetchImage: async () => fixture.image,
      now,
      ownerId: "waking",
      pollSchedule: () => ({ initialMs: 50, maxMs: 50 }),
    },
    { idleIntervalMs: 60_000, ...options },
  );
  started.push(runner);
  await runner.start();
  return runner;
}

const runDueIn = (milliseconds: number) =>
  createRun(
    fixture.handle.db,
    createRunBodySchema.parse({
      prompt: "a tide pool",
      models: [{ modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } }],
    }),
    { now: new Date(Date.now() + milliseconds) },
  );

it("wakes up when a job it did not schedule itself falls due, not at the next idle look", async () => {
  // Due after the runner's first look: what another instance released, or what a wake-up that
  // fired a little early (Node's timers run on the loop's cached clock) found not yet due.
  const run = await runDueIn(300);
  const pixazo = fakeProvider("pixazo");
  await startRunner({ pixazo });

  await vi.waitFor(
    async () => expect((await getJob(fixture.handle.db, run.jobs[0]!.id))?.status).toBe("succeeded"),
    {
      timeout: 10_000,
      interval: 50,
    },
  );
  expect(pixazo.submit).toHaveBeenCalledTimes(1);
});

it("looks again for a job that fell due while it was looking, even if the clock passed it meanwhile", async () => {
  // A busy machine: every reading of the clock is 10 ms after the last, so the job is not due yet
  // when pixazo's claim looks (the first of the first round), and overdue once the look is over.
  let reading = Date.now();
  const busyClock = () => new Date((reading += 10));
  const run = await createRun(
    fixture.handle.db,
    createRunBodySchema.parse({
      prompt: "a tide pool",
      models: [{ modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } }],
    }),
    { now: new Date(reading + 15) },
  );
  const pixazo = fakeProvider("pixazo");
  await startRunner({ pixazo }, {}, busyClock);

  await vi.waitFor(() => expect(pixazo.submit).toHaveBeenCalledTimes(1), { timeout: 5_000, interval: 50 });
  expect((await getJob(fixture.handle.db, run.jobs[0]!.id))?.status).not.toBe("queued");
});

it("does not spin on a job that is due but waits for a provider's slot", async () => {
  const looks = vi.fn(() => new Date());
  const pixazo = fakeProvider("pixazo", { poll: () => new Promise(() => undefined) });
  await runDueIn(0);
  await runDueIn(0);
  await startRunner({ pixazo }, { providerConcurrency: { pixazo: 1 } }, looks);
  await vi.waitFor(() => expect(pixazo.poll).toHaveBeenCalledTimes(1));

  looks.mockClear();
  await new Promise((resolve) => setTimeout(resolve, 500));
  // A busy loop would read the clock thousands of times in half a second.
  expect(looks.mock.calls.length).toBeLessThan(20);
  // Both were sent; the second one's status check waits for the slot the first one's hung check holds.
  expect(pixazo.submit).toHaveBeenCalledTimes(2);
  expect(pixazo.poll).toHaveBeenCalledTimes(1);
});
