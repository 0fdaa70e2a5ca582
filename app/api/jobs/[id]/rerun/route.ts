import type { RerunJobResponse } from "@/lib/api/views";
import { dailyBudgetUsd } from "@/lib/env";
import { json, routeHandler } from "@/lib/http/route-handler";
import { rerunJob } from "@/lib/jobs/cell-control";
import { idempotencyOf } from "@/lib/security/idempotency-scope";
import { admitPaidWork } from "@/lib/server/admission";
import { databaseNow, getDb, pokeJobRunner } from "@/lib/server/runtime";
import { reserveWithinBudget } from "@/lib/spend/daily-budget";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/jobs/:id/rerun — retry a failed or canceled cell, or another take of a finished one
// (409 take_in_progress while the cell has an unfinished take; Idempotency-Key makes a resend safe)
export const POST = routeHandler<{ id: string }>({ access: "session" }, async ({ request, params }) => {
  const idempotency = idempotencyOf(request, "POST /api/jobs/:id/rerun");
  const db = await getDb();
  await admitPaidWork(db, request);
  const now = databaseNow();
  const job = await rerunJob(db, params.id, {
    now,
    idempotency,
    admit: (transaction, estimate) =>
      reserveWithinBudget(transaction, [estimate], dailyBudgetUsd(), now, "this take"),
  });
  pokeJobRunner();
  return json<RerunJobResponse>({ job }, { status: 202 });
});
