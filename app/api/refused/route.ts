import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { REFUSAL_HEADER, SERVED_METHODS, decodeRefusal } from "@/lib/security/request-refusal";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Long enough to recognise the path, short enough that a huge URL does not come back whole. */
const MAX_PATH_SHOWN = 200;

// GET /api/refused — where lib/security/unservable-requests.ts sends a request Next cannot serve
// (TRACE and other unserved methods, undecodable paths); without its header it does not exist.
export const GET = routeHandler({ access: "public" }, ({ request }) => {
  const refusal = decodeRefusal(request.headers.get(REFUSAL_HEADER));
  if (!refusal) throw new AppError("not_found", "No such API route");
  if (refusal.kind === "method") {
    throw new AppError("method_not_allowed", `The ${refusal.method} method is not supported`, {
      headers: { Allow: SERVED_METHODS.join(", ") },
    });
  }
  const shown =
    refusal.path.length > MAX_PATH_SHOWN ? `${refusal.path.slice(0, MAX_PATH_SHOWN)}…` : refusal.path;
  throw new AppError("bad_request", `The path ${shown} is not valid percent-encoding`);
});
