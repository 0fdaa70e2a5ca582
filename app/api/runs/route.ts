import { z } from "zod";
import { listRuns } from "@/lib/db/queries/runs";
import { dailyBudgetUsd } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { createRun, createRunBodySchema } from "@/lib/jobs/create-run";
import { JOB_STATUSES } from "@/lib/jobs/job-status";
import type { CreateRunResponse, RunListView } from "@/lib/jobs/run-view";
import { enforceDailyBudget } from "@/lib/security/budget";
import { enforceRunRateLimit } from "@/lib/security/request-limits";
import { getDb, pokeJobRunner } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

// POST /api/runs — start one prompt on several models; the runner picks the jobs up at once
export const POST = routeHandler(
  { access: "session", body: createRunBodySchema },
  async ({ request, body }) => {
    const idempotencyKey = request.headers.get("idempotency-key")?.trim() || undefined;
    if (idempotencyKey && idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new AppError(
        "bad_request",
        `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      );
    }
    enforceRunRateLimit(request);
    const db = await getDb();
    const created = await createRun(db, body, {
      idempotencyKey,
      admit: (input) => enforceDailyBudget(db, input, dailyBudgetUsd(), new Date()),
    });
    pokeJobRunner();
    return json<CreateRunResponse>(created, { status: 202 });
  },
);

const listQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number<string>().int().min(1).max(100).default(20),
  q: z.string().trim().max(500).optional(),
  model: z.string().max(100).optional(),
  status: z.enum(JOB_STATUSES).optional(),
});

// GET /api/runs — history, newest first: ?cursor&limit&q&model&status
export const GET = routeHandler({ access: "session", query: listQuerySchema }, async ({ query }) => {
  const { model, q, ...page } = query;
  return json<RunListView>(await listRuns(await getDb(), { ...page, q: q || undefined, modelId: model }));
});
