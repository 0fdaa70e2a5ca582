import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { REFUSAL_HEADER, SERVED_METHODS, decodeRefusal } from "@/lib/security/request-refusal";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Long enough to recognise the path, short enough that a huge URL does not come back whole. */
const MAX_SHOWN = 200;

const shown = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

// GET /api/refused — where lib/server/node-http-hooks.ts sends a request Next cannot or must
// not serve (unserved methods, undecodable paths, absolute-form targets, hosts Prism does not answer
// to); without its header it does not exist.
export const GET = routeHandler({ access: "public" }, ({ request }) => {
  const refusal = decodeRefusal(request.headers.get(REFUSAL_HEADER));
  if (!refusal) throw new AppError("not_found", "No such API route");
  switch (refusal.kind) {
    case "method":
      throw new AppError("method_not_allowed", `The ${refusal.method} method is not supported`, {
        headers: { Allow: SERVED_METHODS.join(", ") },
      });
    case "path":
      throw new AppError("bad_request", `The path ${shown(refusal.path)} is not valid percent-encoding`);
    case "nul":
      throw new AppError("bad_request", `The path ${shown(refusal.path)} must not contain NUL characters`);
    case "target":
      throw new AppError("bad_request", "The request target must be a path starting with /");
    case "host":
      throw new AppError(
        "misdirected_request",
        `This server does not answer to the host ${shown(refusal.host)}; an operator can add it to PRISM_ALLOWED_HOSTS`,
      );
  }
});
