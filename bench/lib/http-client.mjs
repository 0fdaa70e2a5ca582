import http from "node:http";
import { elapsedMs } from "./stats.mjs";

/**
 * A keep-alive HTTP client that times each request from the first byte written to the last byte
 * read, so fetch()'s own overhead (undici, streams) is not part of what the benches compare.
 */
export function createHttpClient({ maxSockets = 1 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(method, url, { body, headers = {} } = {}) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const start = process.hrtime.bigint();
        const request = http.request(
          url,
          {
            method,
            agent,
            headers: payload
              ? {
                  "content-type": "application/json",
                  "content-length": Buffer.byteLength(payload),
                  ...headers,
                }
              : headers,
          },
          (response) => {
            const chunks = [];
            response.on("data", (chunk) => chunks.push(chunk));
            response.on("end", () =>
              resolve({
                status: response.statusCode,
                headers: response.headers,
                text: Buffer.concat(chunks).toString("utf8"),
                ms: elapsedMs(start),
              }),
            );
            response.on("error", reject);
          },
        );
        request.on("error", reject);
        request.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
