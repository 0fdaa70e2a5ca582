import type { ChooseTakeResponse } from "@/lib/api/views";
import { json, routeHandler } from "@/lib/http/route-handler";
import { chooseTake } from "@/lib/jobs/cell-control";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// PUT /api/jobs/:id/chosen-take — make this succeeded take the one that counts for its cell
export const PUT = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  return json<ChooseTakeResponse>({ job: await chooseTake(await getDb(), params.id) });
});
