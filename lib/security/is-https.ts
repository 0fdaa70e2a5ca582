/** Whether the browser reached us over https, directly or through a proxy (cookies get Secure then). */
export function isHttps(request: { nextUrl: URL; headers: Headers }): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
