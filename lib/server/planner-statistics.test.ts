import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { openTestDatabase } from "@/lib/testing/test-database";
import { refreshStatistics, startStatisticsKeeper } from "./planner-statistics";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

/** What the planner believes of a table: its rows as of its last ANALYZE, -1 for never. */
async function plannedRows(table: string): Promise<number> {
  const [row] = rowsOf(await handle.db.execute(sql`select reltuples from pg_class where relname = ${table}`));
  return Number(row!.reltuples);
}

/** `count` runs with a long prompt each, straight into the table. */
async function insertRuns(count: number) {
  await handle.db.execute(sql`
    insert into runs (id, prompt, prompts, configs)
    select 'run-' || g || '-' || md5(random()::text), repeat('a lighthouse at dusk ', 40), '[]'::jsonb, '[]'::jsonb
    from generate_series(1, ${count}) g`);
}

describe("planner statistics on embedded PGlite", () => {
  it("analyses every table once, then only a table that has grown by more than a tenth", async () => {
    expect(await plannedRows("runs")).toBe(-1);
    const first = await refreshStatistics(handle.db);
    expect(first).toContain("runs");
    expect(first).toContain("jobs");
    expect(await plannedRows("runs")).toBe(0);

    expect(await refreshStatistics(handle.db)).toEqual([]);
    // A few rows: below the growth threshold, the statistics stay.
    await insertRuns(5);
    expect(await refreshStatistics(handle.db)).toEqual([]);
    // A bulk import: the next pass analyses that table, and only it.
    await insertRuns(2_000);
    expect(await refreshStatistics(handle.db)).toEqual(["runs"]);
    expect(await plannedRows("runs")).toBe(2_005);
    expect(await refreshStatistics(handle.db)).toEqual([]);
  });

  it("gathers statistics at start on PGlite, and leaves PostgreSQL to its autovacuum", async () => {
    await insertRuns(3_000);
    const stop = startStatisticsKeeper(handle, () => false);
    try {
      await vi.waitFor(async () => expect(await plannedRows("runs")).toBe(5_005), {
        timeout: 20_000,
      });
    } finally {
      stop();
    }
    const execute = vi.fn();
    const postgres = { ...handle, engine: "postgres", db: { execute } } as unknown as DatabaseHandle;
    startStatisticsKeeper(postgres, () => false)();
    expect(execute).not.toHaveBeenCalled();
  });

  it("does nothing once the process is shutting down", async () => {
    await insertRuns(3_000);
    startStatisticsKeeper(handle, () => true)();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await plannedRows("runs")).toBe(5_005);
  });
});
