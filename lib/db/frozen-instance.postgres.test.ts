import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { createRun } from "@/lib/jobs/create-run";
import { enforceDailyBudget } from "@/lib/spend/daily-budget";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-postgres";
import { openDatabase, type DatabaseHandle } from "./client";
import { lockSpendDay } from "./queries/spend";

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

// An instance frozen mid-transaction (SIGSTOP, a paused VM) held the budget's lock with no limit:
// run creation blocked on every instance for as long as the freeze.
describe.skipIf(!serverUrl)("an instance frozen mid-transaction, on PostgreSQL", () => {
  let scratch: ScratchDatabase;
  let healthy: DatabaseHandle;
  let frozen: DatabaseHandle;
  const now = new Date("2026-03-01T10:00:00.000Z");

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    healthy = await openDatabase({ engine: "postgres", url: scratch.url });
    frozen = await openDatabase({ engine: "postgres", url: scratch.url });
  });
  afterAll(async () => {
    await Promise.all([healthy?.close(), frozen?.close()]);
    await scratch?.drop();
  });

  it("makes another instance's run wait a short while for the budget's lock, then refuses it as unavailable", async () => {
    let thaw!: () => void;
    const thawed = new Promise<void>((resolve) => (thaw = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const stuck = frozen.db.transaction(async (transaction) => {
      await lockSpendDay(transaction, now);
      locked();
      await thawed;
    });
    await lockTaken;
    try {
      const body = createRunBodySchema.parse({
        prompt: "a lighthouse",
        models: [{ modelId: "shortapi/gpt-image-2", params: {} }],
      });
      const refused = await createRun(healthy.db, body, {
        now,
        admit: (transaction, input) => enforceDailyBudget(transaction, input, 100, now),
      }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(refused), String(refused)).toBe(true);
    } finally {
      thaw();
      await stuck;
    }
  });

  it("has PostgreSQL end a session left idle in a transaction, so its row locks and leases go with it", async () => {
    const { rows } = (await healthy.db.execute(
      sql`select current_setting('idle_in_transaction_session_timeout') as idle, current_setting('lock_timeout') as lock, current_setting('statement_timeout') as statement`,
    )) as unknown as { rows: { idle: string; lock: string; statement: string }[] };
    expect(rows[0]).toEqual({ idle: "15s", lock: "5s", statement: "30s" });
  });
});
