import { NextResponse, type NextRequest } from "next/server";
import { hasAccess, SIGN_IN_MESSAGE } from "@/lib/security/access-control";

/**
 * With PRISM_ACCESS_TOKEN set, every page and API route except the public ones
 * (lib/security/access-control.ts) needs a session: API calls get a 401 envelope, pages go to /sign-in.
 */
export function proxy(request: NextRequest): Response {
  if (hasAccess(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "unauthorized", message: SIGN_IN_MESSAGE } }, { status: 401 });
  }
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn, 303);
}

export const config = {
  // Build output needs no check and is public anyway.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
