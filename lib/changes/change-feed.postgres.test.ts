/**
 * The change feed between two instances on one real PostgreSQL (LISTEN/NOTIFY over a connection
 * of its own). Runs when TEST_DATABASE_URL names a server, like lib/db/postgres.test.ts.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { createRun } from "@/lib/jobs/create-run";
import { deleteRunAndFiles } from "@/lib/runs/delete-run";
import { followChange, getFinishedRun, rememberFinishedRun } from "@/lib/runs/finished-run-cache";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-postgres";
import { publishChange, startChangeFeed, subscribeChanges, type Change } from "./change-feed";

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

describe.skipIf(!serverUrl)("change feed on PostgreSQL", () => {
  let scratch: ScratchDatabase;
  /** Instance A changes things; this process's feed (instance B) listens on its own handle. */
  let instanceA: DatabaseHandle;
  let instanceB: DatabaseHandle;
  const seen: Change[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    instanceA = await openDatabase({ engine: "postgres", url: scratch.url });
    instanceB = await openDatabase({ engine: "postgres", url: scratch.url });
    subscribeChanges(followChange);
    subscribeChanges((change) => seen.push(change));
    await startChangeFeed(instanceB);
  });
  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await scratch?.drop();
  });

  it("makes another instance forget a run deleted on the first", async () => {
    const body = createRunBodySchema.parse({
      prompt: "a fox",
      models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
    });
    const run = await createRun(instanceA.db, body);
    rememberFinishedRun(run.id, { etag: 'W/"x"', body: "{}" });
    const blobStore = { delete: vi.fn(async () => undefined) } as unknown as BlobStore;

    expect(await deleteRunAndFiles(instanceA.db, blobStore, run.id)).toBe(true);

    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "run-deleted", runId: run.id }));
    expect(getFinishedRun(run.id)).toBeUndefined();
  });

  it("after losing its connection, listens again and tells subscribers to forget everything", async () => {
    rememberFinishedRun("cached-run", { etag: 'W/"y"', body: "{}" });
    await instanceA.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen %'`,
    );
    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "resync" }), { timeout: 10_000 });
    expect(getFinishedRun("cached-run")).toBeUndefined();

    await publishChange(instanceA.db, { kind: "gallery-revoked", slug: "after-reconnect" });
    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "gallery-revoked", slug: "after-reconnect" }));
  });
});
