import { createHttpClient } from "./http-client.mjs";
import { summarize } from "./stats.mjs";

/**
 * Closed-loop load: `clients` loops, each on its own keep-alive connection, send the next request
 * as soon as the previous answer has been read, for `durationMs`.
 */
export async function generateLoad({ clients, durationMs, request }) {
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const startedAt = performance.now();
  const stopAt = startedAt + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = createHttpClient();
      try {
        while (performance.now() < stopAt) {
          try {
            const response = await request(client);
            latencies.push(response.ms);
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            if (response.status >= 400) errors++;
          } catch {
            errors++;
          }
        }
      } finally {
        client.close();
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  return { requestsPerSecond: latencies.length / seconds, latency: summarize(latencies), statuses, errors };
}
