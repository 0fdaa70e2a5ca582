import type { CodeSnippetsView } from "@/lib/api/views";
import { runCodeSnippets } from "@/lib/code-export/run-code";
import { AppError } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { json, routeHandler } from "@/lib/http/route-handler";
import { accessControlEnabled } from "@/lib/security/access-control";
import { getDb } from "@/lib/server/runtime";
import { getRunView } from "@/lib/views/run-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/code — the Prism API request that starts this matrix again, as cURL, JavaScript and Python
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ request, params }) => {
  const run = await getRunView(await getDb(), params.id);
  if (!run) throw new AppError("not_found", "No run with this id");
  const snippets = runCodeSnippets(run, requestOrigin(request), accessControlEnabled());
  return json<CodeSnippetsView>(snippets, { headers: { "Cache-Control": "no-store" } });
});
