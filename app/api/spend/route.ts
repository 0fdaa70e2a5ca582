import type { SpendView } from "@/lib/api/views";
import { dailyBudgetUsd } from "@/lib/env";
import { json, routeHandler } from "@/lib/http/route-handler";
import { simulatorEnabled } from "@/lib/providers/registry";
import { spendToday } from "@/lib/spend/daily-budget";
import { databaseNow, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/spend — today's spend (UTC, on the database clock like the budget check), the daily budget if one is set, and whether it is simulated
export const GET = routeHandler({ access: "session" }, async () =>
  json<SpendView>({
    ...(await spendToday(await getDb(), dailyBudgetUsd(), databaseNow())),
    simulated: simulatorEnabled(),
  }),
);
