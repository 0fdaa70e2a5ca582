import { NextResponse, type NextRequest } from "next/server";
import { isHttps } from "@/lib/security/is-https";
import {
  REVIEWER_COOKIE,
  newReviewerId,
  reviewerCookieAttributes,
  signReviewerId,
  verifiedReviewerId,
  waitForReviewerKey,
} from "@/lib/reviews/reviewer-cookie";
import { hasAccess } from "@/lib/security/access-control";

/**
 * A share page visitor gets their signed reviewer id on the first visit, so the page they see (a
 * blind review shuffles per reviewer) is already the one their later picks are filed against. This
 * is the only place that issues one: a vote needs it.
 */
async function withReviewerId(request: NextRequest): Promise<Response> {
  const key = await waitForReviewerKey();
  // Without the key (the database is not up), the page answers as it would anyway, with no id.
  if (!key || verifiedReviewerId(request.cookies.get(REVIEWER_COOKIE)?.value, key))
    return NextResponse.next();
  const value = signReviewerId(newReviewerId(), key);
  request.cookies.set(REVIEWER_COOKIE, value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(REVIEWER_COOKIE, value, reviewerCookieAttributes(isHttps(request)));
  return response;
}

/**
 * With PRISM_ACCESS_TOKEN set, every page except the public ones (lib/security/access-control.ts)
 * needs a session and sends a visitor without one to /sign-in. API routes declare and check their own
 * access on routeHandler({ access }).
 */
export function proxy(request: NextRequest): Response | Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/g/")) return withReviewerId(request);
  if (hasAccess(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn, 303);
}

export const config = {
  // Build output needs no check and is public anyway. API routes are left out because routeHandler()
  // checks the access each one declares, with the 401 envelope
  // (route-handler-coverage.test.ts keeps it so); running the proxy as well cost about a third of the status route's throughput.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
