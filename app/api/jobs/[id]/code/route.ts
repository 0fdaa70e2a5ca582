import type { CodeSnippetsView } from "@/lib/api/views";
import { jobCodeSnippets } from "@/lib/code-export/job-code";
import { listRunInputs } from "@/lib/db/queries/inputs";
import { getJob } from "@/lib/db/queries/jobs";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/jobs/:id/code — the native request the job sent its provider, as cURL, JavaScript and Python
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const db = await getDb();
  const job = await getJob(db, params.id);
  if (!job) throw new AppError("not_found", "No job with this id");
  const inputCount = (await listRunInputs(db, job.runId)).length;
  return json<CodeSnippetsView>(await jobCodeSnippets({ ...job, inputCount }), {
    headers: { "Cache-Control": "no-store" },
  });
});
