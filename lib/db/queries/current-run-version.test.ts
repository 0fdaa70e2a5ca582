import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { jobs } from "../schema";
import { currentRunVersion } from "./current-run-version";
import { getRunVersion } from "./runs";
import { pgliteClient, startOneJobRun, tickingClock } from "@/lib/testing/one-job-run";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(() => emptyDatabase(handle));

const client = () => pgliteClient(handle);

const tick = tickingClock();
const startRun = () => startOneJobRun(handle.db, tick());

const touch = (runId: string) =>
  handle.db.update(jobs).set({ updatedAt: tick() }).where(eq(jobs.runId, runId));

describe("currentRunVersion on PGlite", () => {
  it("reads once while nothing is written", async () => {
    const run = await startRun();
    const version = await currentRunVersion(handle.db, run.id);
    const queries = vi.spyOn(client(), "query");
    try {
      expect(await currentRunVersion(handle.db, run.id)).toBe(version);
      expect(await currentRunVersion(handle.db, run.id)).toBe(version);
      expect(queries).not.toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
    expect(await currentRunVersion(handle.db, "missing")).toBeNull();
  });

  it("follows every kind of write at once", async () => {
    const run = await startRun();
    const writes = [
      () => touch(run.id),
      () =>
        handle.db.transaction(async (transaction) => {
          await transaction.update(jobs).set({ updatedAt: tick() }).where(eq(jobs.runId, run.id));
        }),
      () =>
        handle.db.execute(sql`update jobs set updated_at = ${tick().toISOString()} where run_id = ${run.id}`),
    ];
    for (const write of writes) {
      const before = await currentRunVersion(handle.db, run.id);
      await write();
      const after = await currentRunVersion(handle.db, run.id);
      expect(after).not.toBe(before);
      expect(after).toBe(await getRunVersion(handle.db, run.id));
    }
  });

  it("never keeps a version read while a write was under way", async () => {
    const run = await startRun();
    await currentRunVersion(handle.db, run.id);
    await touch(run.id);
    // The read is sent first, so it sees the run before the write that overtakes its answer.
    const [raced] = await Promise.all([currentRunVersion(handle.db, run.id), touch(run.id)]);
    expect(raced).not.toBe(await getRunVersion(handle.db, run.id));
    expect(await currentRunVersion(handle.db, run.id)).toBe(await getRunVersion(handle.db, run.id));
  });
});
