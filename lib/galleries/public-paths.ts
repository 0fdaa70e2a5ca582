/**
 * What stays reachable without the access token once one is configured (the share links are the
 * point): the share page with its Open Graph image, the read-only gallery API and its downloads,
 * and the stored files the page shows. Everything else, including creating, listing and revoking
 * galleries, needs the token.
 */
const PUBLIC_PATTERNS: RegExp[] = [
  /^\/g\/[\w-]+(\/.*)?$/,
  /^\/api\/galleries\/[\w-]+(\/.*)?$/,
  /^\/api\/files\/.+$/,
];

export function isPublicSharePath(method: string, pathname: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  return PUBLIC_PATTERNS.some((pattern) => pattern.test(pathname));
}
