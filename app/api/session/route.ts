import type { SessionView } from "@/lib/api/status-views";
import { signInBodySchema } from "@/lib/api/session-requests";
import { json, routeHandler } from "@/lib/http/route-handler";
import { AppError } from "@/lib/errors";
import { accessControlEnabled, hasSession } from "@/lib/security/access-control";
import { enforceSignInRateLimit } from "@/lib/security/request-limits";
import {
  acceptsToken,
  SIGN_IN_MAX_BODY_BYTES,
  signInAttempt,
  sessionCookieHeader,
} from "@/lib/security/sign-in";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const seeOther = (location: string, cookie?: string) =>
  new Response(null, {
    status: 303,
    headers: { Location: location, ...(cookie ? { "Set-Cookie": cookie } : {}) },
  });

// GET /api/session — whether access control is on and this browser is signed in
export const GET = routeHandler({ access: "public" }, ({ request }) =>
  json<SessionView>({ accessControl: accessControlEnabled(), signedIn: hasSession(request) }),
);

// POST /api/session — sign in with the access token (the /sign-in form, or JSON { token })
export const POST = routeHandler(
  { access: "public", body: signInBodySchema, acceptForm: true, maxBodyBytes: SIGN_IN_MAX_BODY_BYTES },
  async ({ request, body, bodyFormat }) => {
    await enforceSignInRateLimit(await getDb(), request);
    const attempt = signInAttempt(body, bodyFormat === "form");
    if (!acceptsToken(attempt)) {
      if (!attempt.fromForm) throw new AppError("unauthorized", "Wrong access token");
      return seeOther(`/sign-in?error=1&next=${encodeURIComponent(attempt.next)}`);
    }
    const cookie = sessionCookieHeader(request, true);
    if (attempt.fromForm) return seeOther(attempt.next, cookie);
    return json({ signedIn: true }, { headers: { "Set-Cookie": cookie } });
  },
);

// DELETE /api/session — sign out
export const DELETE = routeHandler(
  { access: "public" },
  ({ request }) =>
    new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookieHeader(request, false) } }),
);
