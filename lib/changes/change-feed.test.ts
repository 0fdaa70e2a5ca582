import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { openTestDatabase } from "@/lib/testing/test-database";
import { publishChange, startChangeFeed, subscribeChanges, type Change } from "./change-feed";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await startChangeFeed(handle);
});
afterAll(() => handle.close());

describe("change feed on PGlite", () => {
  it("delivers a published change to every subscriber, and a transaction's only once it commits", async () => {
    const seen: Change[] = [];
    const unsubscribe = subscribeChanges((change) => seen.push(change));
    await publishChange(handle.db, { kind: "run-deleted", runId: "r1" });
    await handle.db
      .transaction(async (transaction) => {
        await publishChange(transaction, { kind: "gallery-revoked", slug: "rolled-back" });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await handle.db.transaction((transaction) =>
      publishChange(transaction, { kind: "run-changed", runId: "r2", version: 3 }),
    );
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      { kind: "run-deleted", runId: "r1" },
      { kind: "run-changed", runId: "r2", version: 3 },
    ]);
    unsubscribe();
  });
});
