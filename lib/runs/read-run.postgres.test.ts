/**
 * The status route between two instances on one real PostgreSQL, with no change feed running: what
 * one instance answers must follow a change made on the other at once, before any notice of it
 * could arrive. Runs when TEST_DATABASE_URL names a server, like lib/db/postgres.test.ts.
 */
import { eq } from "drizzle-orm";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startChangeFeed } from "@/lib/changes/change-feed";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage, updateImageAnnotations } from "@/lib/db/queries/images";
import { jobs } from "@/lib/db/schema";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-postgres";
import { readRun, readRunWhenChanged } from "./read-run";
import { tickingClock, startOneJobRun } from "@/lib/testing/one-job-run";

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

describe.skipIf(!serverUrl)("readRun on PostgreSQL, two instances", () => {
  let scratch: ScratchDatabase;
  /** Serves the status route. */
  let instanceA: DatabaseHandle;
  /** Changes the run behind A's back. */
  let instanceB: DatabaseHandle;

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    instanceA = await openDatabase({ engine: "postgres", url: scratch.url });
    instanceB = await openDatabase({ engine: "postgres", url: scratch.url });
  });
  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await scratch?.drop();
  });

  const tick = tickingClock();
  const startRun = () => startOneJobRun(instanceB.db, tick());

  async function read(id: string, ifNoneMatch: string | null = null) {
    const response = (await readRun(instanceA.db, id, ifNoneMatch))!;
    return {
      status: response.status,
      etag: response.headers.get("etag")!,
      body: response.status === 200 ? await response.json() : null,
    };
  }

  it("answers 200 for a pending run the other instance changed, right after a 304", async () => {
    const run = await startRun();
    const first = await read(run.id);
    expect((await read(run.id, first.etag)).status).toBe(304);
    await instanceB.db
      .update(jobs)
      .set({ status: "running", updatedAt: tick() })
      .where(eq(jobs.runId, run.id));

    const changed = await read(run.id, first.etag);
    expect(changed.status).toBe(200);
    expect(changed.body.jobs[0].status).toBe("running");
  });

  it("never answers a finished run from memory once the other instance changed it", async () => {
    const run = await startRun();
    const jobId = run.jobs[0]!.id;
    const imageId = newId();
    await insertImage(instanceB.db, {
      id: imageId,
      jobId,
      runId: run.id,
      index: 0,
      blobKey: "aa.png",
      thumbnailKey: "aa.webp",
      width: 1024,
      height: 1024,
      contentType: "image/png",
      byteSize: 10,
      sha256: "aa",
      createdAt: tick(),
    });
    const now = tick();
    await instanceB.db
      .update(jobs)
      .set({ status: "succeeded", finishedAt: now, updatedAt: now })
      .where(eq(jobs.id, jobId));
    const finished = await read(run.id);
    expect(await read(run.id)).toEqual(finished);

    await updateImageAnnotations(instanceB.db, imageId, { starred: true });
    const starred = await read(run.id, finished.etag);
    expect(starred.status).toBe(200);
    expect(starred.body.jobs[0].images[0].starred).toBe(true);
    expect((await read(run.id, starred.etag)).status).toBe(304);
  });

  it("wakes every waiter on a run with one read of it when the other instance changes it", async () => {
    // Only now: the tests above show what holds before any notice could arrive.
    await startChangeFeed(instanceA);
    const run = await startRun();
    const first = await read(run.id);
    const waiting = { client: "127.0.0.1", limits: { perInstance: 1_000, perClient: 1_000 } };
    const held = Array.from({ length: 40 }, () =>
      readRunWhenChanged(instanceA.db, run.id, first.etag, 600_000, new AbortController().signal, waiting),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pool = (instanceA.db as unknown as { $client: Pool }).$client;
    const queries = vi.spyOn(pool, "query");
    try {
      await instanceB.db
        .update(jobs)
        .set({ status: "running", updatedAt: tick() })
        .where(eq(jobs.runId, run.id));
      const bodies = await Promise.all((await Promise.all(held)).map((answer) => answer!.text()));
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]!).jobs[0].status).toBe("running");
      // One version lookup and one read of the run (its row, jobs, images and inputs), not 40 of each.
      expect(queries.mock.calls.length).toBeLessThan(10);
    } finally {
      queries.mockRestore();
    }
  });
});
