import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { deleteRunAndFiles } from "@/lib/runs/delete-run";
import { readRun } from "@/lib/runs/read-run";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new AppError("not_found", "No run with this id");

// GET /api/runs/:id — one run with its jobs and stored images; 304 while nothing changed
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ request, params }) => {
  const response = await readRun(await getDb(), params.id, request.headers.get("if-none-match"));
  if (!response) throw notFound();
  return response;
});

// DELETE /api/runs/:id — removes the run, its jobs and every stored file no other run uses
export const DELETE = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  if (!(await deleteRunAndFiles(await getDb(), getBlobStore(), params.id))) throw notFound();
  return new Response(null, { status: 204 });
});
