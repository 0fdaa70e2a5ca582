import { publicUrl } from "@/lib/env";
import { isHttps } from "./is-https";

/** The origin the caller reached the app at: PUBLIC_URL when set, else the addressed host. */
export function requestOrigin(request: { nextUrl: URL; headers: Headers }): string {
  const configured = publicUrl();
  if (configured) return new URL(configured).origin;
  const host = request.headers.get("host") ?? request.nextUrl.host;
  return `${isHttps(request) ? "https" : "http"}://${host}`;
}
