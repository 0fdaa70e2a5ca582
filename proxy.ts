import { NextResponse, type NextRequest } from "next/server";
import { hasAccess } from "@/lib/security/access-control";

/**
 * With PRISM_ACCESS_TOKEN set, every page except the public ones (lib/security/access-control.ts)
 * needs a session and sends a visitor without one to /sign-in. API routes declare and check their own
 * access on routeHandler({ access }).
 */
export function proxy(request: NextRequest): Response {
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
