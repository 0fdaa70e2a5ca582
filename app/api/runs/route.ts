import { createRunBodySchema, listRunsQuerySchema } from "@/lib/api/run-requests";
import type { CreateRunResponse, RunListView } from "@/lib/api/views";
import { listRuns } from "@/lib/views/run-views";
import { dailyBudgetUsd } from "@/lib/env";
import { json, routeHandler } from "@/lib/http/route-handler";
import { createRun } from "@/lib/jobs/create-run";
import { idempotencyOf } from "@/lib/security/idempotency-scope";
import { admitPaidWork } from "@/lib/server/admission";
import { databaseNow, getDb, pokeJobRunner } from "@/lib/server/runtime";
import { enforceDailyBudget } from "@/lib/spend/daily-budget";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/runs — start a run (every prompt × every configuration); the runner picks the jobs up at once
export const POST = routeHandler(
  { access: "session", body: createRunBodySchema },
  async ({ request, body }) => {
    const idempotency = idempotencyOf(request, "POST /api/runs");
    const db = await getDb();
    await admitPaidWork(db, request);
    const created = await createRun(db, body, {
      idempotency,
      now: databaseNow(),
      admit: (transaction, input) => enforceDailyBudget(transaction, input, dailyBudgetUsd(), new Date()),
    });
    pokeJobRunner();
    return json<CreateRunResponse>(created, { status: 202 });
  },
);

// GET /api/runs — history, newest first: ?cursor&limit&q&model&status
export const GET = routeHandler({ access: "session", query: listRunsQuerySchema }, async ({ query }) => {
  const { model, q, ...page } = query;
  return json<RunListView>(await listRuns(await getDb(), { ...page, q: q || undefined, modelId: model }));
});
