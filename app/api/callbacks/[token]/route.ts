import { pollJobNow } from "@/lib/db/queries/jobs";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { MAX_CALLBACK_TOKEN_LENGTH } from "@/lib/jobs/callbacks";
import { databaseNow, getDb, pokeJobRunner } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/callbacks/:token — a provider hints that a job changed. The body is never read: the
// runner polls the provider itself, so a forged or stale callback can change nothing but timing.
// Cross-origin allowed: providers' servers call it, and it needs no session (see docs/security.md).
export const POST = routeHandler<{ token: string }>(
  { access: "public", crossOrigin: "allow" },
  async ({ params }) => {
    const known =
      params.token.length <= MAX_CALLBACK_TOKEN_LENGTH &&
      (await pollJobNow(await getDb(), params.token, databaseNow()));
    if (!known) throw new AppError("not_found", "Unknown callback");
    pokeJobRunner();
    return json({ ok: true });
  },
);
