import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startChangeFeed, subscribeChanges } from "@/lib/changes/change-feed";
import type { DatabaseHandle } from "@/lib/db/client";
import { getRunVersion } from "@/lib/db/queries/runs";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { RunView } from "@/lib/api/views";
import { getRunView } from "@/lib/views/run-views";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

/**
 * Every tab watching a run is woken (and asks again) when the run's version moves (the database
 * announces each new version through the change feed), and its ETag is that version: an
 * announcement or a new version without anything a reader sees having changed costs every watcher
 * a request for nothing.
 */
let handle: DatabaseHandle;
let blobDirectory: string;
let image: Buffer;
const clock: TestClock = { current: new Date("2026-03-01T10:00:00.000Z") };

beforeAll(async () => {
  handle = await openTestDatabase();
  await startChangeFeed(handle);
  image = await pngImage(16, 16, 1);
});
afterAll(() => handle.close());
beforeEach(async () => {
  await emptyDatabase(handle);
  blobDirectory = await mkdtemp(path.join(os.tmpdir(), "prism-run-news-"));
});
afterEach(() => rm(blobDirectory, { recursive: true, force: true }));

/** What a watcher of the run is told: the run's version and what it shows, at each announcement. */
async function watchRun(
  providerId: ProviderId,
  makeProvider: (settled: () => Promise<unknown>) => ImageProvider,
  modelId: string,
) {
  const run = await createRun(
    handle.db,
    createRunBodySchema.parse({
      prompt: "a lighthouse",
      models: [{ modelId, params: { aspect_ratio: "1:1" } }],
    }),
    { now: clock.current },
  );
  const announced: Promise<{ version: number | null; view: RunView | null }>[] = [];
  // The runner goes on while an announcement is read: each step waits for the reads before it,
  // and takes a second.
  const settled = async () => {
    await Promise.all(announced);
    clock.current = new Date(clock.current.getTime() + 1_000);
  };
  const provider = makeProvider(settled);
  const runner = createJobRunner({
    db: handle.db,
    blobStore: createLocalBlobStore(blobDirectory),
    getProvider: (id) => (id === providerId ? provider : null),
    fetchImage: async () => {
      await settled();
      return image;
    },
    now: () => clock.current,
    ownerId: "runner-a",
  });
  // PGlite delivers a notice with its commit, before the writer goes on, and a transaction started
  // here runs before the writer's next statement: each read sees the run as announced.
  const stopWatching = subscribeChanges((change) => {
    if (change.kind !== "run-changed" || change.runId !== run.id) return;
    announced.push(
      handle.db.transaction(async (transaction) => ({
        version: await getRunVersion(transaction, run.id),
        view: await getRunView(transaction, run.id),
      })),
    );
  });
  const before = {
    version: await getRunVersion(handle.db, run.id),
    view: await getRunView(handle.db, run.id),
  };
  await settled();
  await driveRunners(handle.db, [runner], clock);
  stopWatching();
  return [before, ...(await Promise.all(announced))];
}

function expectEachAnnouncementNews(seen: { version: number | null; view: RunView | null }[]) {
  for (const [index, current] of seen.entries()) {
    if (index === 0) continue;
    const previous = seen[index - 1]!;
    expect(current.view, `announcement ${index} shows nothing new`).not.toEqual(previous.view);
    expect(current.version).not.toBe(previous.version);
  }
}

describe("what the runner announces to a run's watchers", () => {
  it("is only what a reader sees: running, then succeeded with its image", async () => {
    let polls = 0;
    const seen = await watchRun(
      "shortapi",
      (settled) =>
        fakeProvider("shortapi", {
          submit: async () => (await settled(), { state: "pending", providerJobId: "sa-1" }),
          poll: async () => {
            await settled();
            polls += 1;
            return polls < 3
              ? { state: "running" }
              : { state: "succeeded", outputs: [{ url: "https://cdn/0.png" }] };
          },
        }),
      "shortapi/z-image",
    );

    // The stored image is news of its own: it shows on the running job before the job succeeds.
    expect(seen.map(({ view }) => [view?.jobs[0]?.status, view?.jobs[0]?.images.length])).toEqual([
      ["queued", 0],
      ["running", 0],
      ["running", 1],
      ["succeeded", 1],
    ]);
    expectEachAnnouncementNews(seen);
  });

  it("includes a price or revised prompt the provider reports with its outputs", async () => {
    const seen = await watchRun(
      "shortapi",
      (settled) =>
        fakeProvider("shortapi", {
          submit: async () => {
            await settled();
            return {
              state: "done",
              outputs: [{ url: "https://cdn/0.png" }],
              costUsd: 0.02,
              revisedPrompt: "a tall lighthouse",
            };
          },
        }),
      "shortapi/z-image",
    );

    expect(seen.at(-1)?.view?.jobs[0]).toMatchObject({
      status: "succeeded",
      costUsd: 0.02,
      revisedPrompt: "a tall lighthouse",
    });
    expectEachAnnouncementNews(seen);
  });
});
