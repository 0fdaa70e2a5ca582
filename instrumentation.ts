/** Next.js calls this once per server process, before it serves requests. */
export async function register(): Promise<void> {
  // The edge runtime cannot run PGlite or the runner, and a build has no business starting them.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ boot }, { recordPeerAddresses }, { refuseUnservableRequests }] = await Promise.all([
    import("@/lib/server/boot"),
    import("@/lib/security/peer-address"),
    import("@/lib/security/unservable-requests"),
  ]);
  recordPeerAddresses();
  refuseUnservableRequests();
  // Not awaited: the server becomes ready at once and /api/health reports when the database is.
  void boot();
}
