import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import type { NewJobRow } from "@/lib/db/schema";
import { createRunBodySchema, type CreateRunBody } from "@/lib/api/run-requests";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { getRunView } from "@/lib/views/run-views";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";
import type { JobRunnerDependencies } from "./types";

// A database blip (a restart, a failover) while a provider's answer to a create is being written:
// the answer is paid for and cannot be asked for again, so the runner keeps it and writes it once
// the database is back, as long as its lease on the job holds.

let handle: DatabaseHandle;
let blobDirectory: string;
let clock: TestClock;
let image: Buffer;

beforeAll(async () => {
  handle = await openTestDatabase();
  image = await pngImage(32, 32, 1);
});
afterAll(() => handle.close());
beforeEach(async () => {
  await emptyDatabase(handle);
  blobDirectory = await mkdtemp(path.join(os.tmpdir(), "prism-blip-"));
  clock = { current: new Date("2026-03-01T10:00:00.000Z") };
});
afterEach(() => rm(blobDirectory, { recursive: true, force: true }));

/** What node-postgres throws when PostgreSQL goes away under a query. */
const connectionLost = () => new Error("Connection terminated unexpectedly");

/**
 * The database, except that the next `failures` job updates matching `matches` fail as if the
 * connection dropped; each failure calls `onFailure` (e.g. to move the clock).
 */
function flakyDatabase(db: Database, matches: (changes: Partial<NewJobRow>) => boolean) {
  const state = { failures: 0, failed: 0, onFailure: () => {} };
  const failing = {
    where: () => failing,
    returning: () => failing,
    then: (resolve: (value: never) => unknown, reject: (error: unknown) => unknown) =>
      Promise.reject(connectionLost()).then(resolve, reject),
  };
  const flaky = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== "update") return Reflect.get(target, property, receiver);
      return (table: Parameters<Database["update"]>[0]) => {
        const builder = target.update(table);
        const set = builder.set.bind(builder);
        builder.set = ((changes: Partial<NewJobRow>) => {
          if (state.failures <= 0 || !matches(changes)) return set(changes);
          state.failures -= 1;
          state.failed += 1;
          state.onFailure();
          return failing;
        }) as typeof builder.set;
        return builder;
      };
    },
  });
  return { db: flaky, state };
}

function makeRunner(db: Database, providers: Partial<Record<string, ReturnType<typeof fakeProvider>>>) {
  const dependencies: JobRunnerDependencies = {
    db,
    blobStore: createLocalBlobStore(blobDirectory),
    getProvider: (providerId) => providers[providerId] ?? null,
    fetchImage: async () => image,
    now: () => clock.current,
    ownerId: "runner-a",
  };
  return createJobRunner(dependencies, { databaseRetryBackoff: { baseMs: 1, capMs: 5 } });
}

async function runOne(model: CreateRunBody["models"][number]) {
  const run = await createRun(
    handle.db,
    createRunBodySchema.parse({ prompt: "a lighthouse", models: [model] }),
    {
      now: clock.current,
    },
  );
  return run.id;
}

async function onlyJob(runId: string) {
  const job = (await getRunView(handle.db, runId))?.jobs[0];
  if (!job) throw new Error("run without a job");
  return job;
}

describe("a database blip while a create's answer is written", () => {
  it.each([
    {
      kind: "an accepted job (its provider job id)",
      model: { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } },
      provider: (blip: () => void) =>
        fakeProvider("shortapi", {
          submit: async () => (blip(), { state: "pending", providerJobId: "sa-blip" }),
        }),
      written: (changes: Partial<NewJobRow>) => changes.providerJobId === "sa-blip",
    },
    {
      kind: "a finished job (its outputs)",
      model: { modelId: "dashscope/z-image-turbo", params: {} },
      provider: (blip: () => void) =>
        fakeProvider("dashscope", {
          submit: async () => (
            blip(),
            { state: "done", providerJobId: "ds-blip", outputs: [{ url: "https://oss/0.png" }] }
          ),
        }),
      written: (changes: Partial<NewJobRow>) => changes.providerOutputs !== undefined,
    },
  ])("keeps $kind and writes it once the database is back", async ({ model, provider, written }) => {
    const flaky = flakyDatabase(handle.db, written);
    // The database goes away while the create is out, and comes back after 4 failed writes.
    const fake = provider(() => (flaky.state.failures = 4));
    const runId = await runOne(model);
    await driveRunners(handle.db, [makeRunner(flaky.db, { [fake.id]: fake })], clock);

    const job = await onlyJob(runId);
    expect(job.error).toBeUndefined();
    expect(job.status).toBe("succeeded");
    expect(job.images).toHaveLength(1);
    expect(fake.submit).toHaveBeenCalledTimes(1);
    expect(flaky.state.failed).toBe(4);
  });

  it("gives up once its lease would run out: the job ends outcome unknown, never created twice", async () => {
    const shortapi = fakeProvider("shortapi", {
      submit: async () => ({ state: "pending", providerJobId: "sa-lost" }),
    });
    const flaky = flakyDatabase(handle.db, (changes) => changes.providerJobId === "sa-lost");
    flaky.state.failures = Number.POSITIVE_INFINITY;
    // The outage outlasts the lease (30 s): each failed write takes 5 s of it.
    flaky.state.onFailure = () => (clock.current = new Date(clock.current.getTime() + 5_000));
    const runId = await runOne({ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } });
    await driveRunners(handle.db, [makeRunner(flaky.db, { shortapi })], clock);

    expect(flaky.state.failed).toBeGreaterThan(1);
    expect(flaky.state.failed).toBeLessThanOrEqual(6);
    expect((await onlyJob(runId)).error?.code).toBe("submit_outcome_unknown");
    expect(shortapi.submit).toHaveBeenCalledTimes(1);
  });
});
