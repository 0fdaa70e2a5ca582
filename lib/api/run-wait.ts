/**
 * The longest GET /api/runs/:id?wait=N may hold a request open: below common proxy and load-balancer
 * idle timeouts. Apart from the request schemas, so the browser's run hook ships no zod catalog.
 */
export const MAX_RUN_WAIT_SECONDS = 25;
