/** Next.js calls this once per server process, before it serves requests. */
export async function register(): Promise<void> {
  // The edge runtime cannot run PGlite or the runner, and a build has no business starting them.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ boot }, { installNodeHttpHooks }] = await Promise.all([
    import("@/lib/server/boot"),
    import("@/lib/server/node-http-hooks"),
  ]);
  // Before the first request; its probe is not awaited, readiness reports the answer.
  void installNodeHttpHooks();
  // Not awaited: the server becomes ready at once and /api/health reports when the database is.
  void boot();
}
