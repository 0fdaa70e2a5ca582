import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { createScratchDatabase } from "../lib/testing/scratch-postgres.ts";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { createRun, waitForRunSucceeded } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";

/**
 * Long-poll herd: WAITERS held GET /api/runs/:id?wait=25 on one run, then CHANGES stars on one of its
 * images. Each change wakes every waiter, which re-asks at once with the new ETag, as the browser
 * does. Figures: the server's CPU per change (every process of its group, from /proc) and
 * /api/health's latency meanwhile. The waiters come from ADDRESSES loopback addresses, so none
 * passes the per-client cap of held waits (100). On PGlite, and on PostgreSQL when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3806);
const SIMULATOR_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 4826);
const WAITERS = Number(process.env.BENCH_WAITERS ?? 4_000);
const CHANGES = 10;
const ADDRESSES = 50;
const HEALTH_EVERY_MS = 20;
const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by every process in the server's process group. */
function groupCpuSeconds(groupId) {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command's closing parenthesis: state is 3rd, pgrp 5th, utime 14th, stime 15th.
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

function get(agent, url, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({
          status: response.statusCode,
          etag: response.headers.etag,
          ms: performance.now() - started,
        }),
      );
    });
    request.on("error", reject);
  });
}

async function measure(report, label, env) {
  const dataDir = makeDataDir("herd");
  const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir, env });
  const agents = Array.from(
    { length: ADDRESSES },
    (_, index) =>
      new http.Agent({ keepAlive: true, maxSockets: Infinity, localAddress: `127.0.0.${index + 2}` }),
  );
  const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let stopping = false;
  let waiters = [];
  try {
    await app.control.settings({ stepMs: 20, latencyMs: 0 });
    const created = await createRun(app.origin, "a lighthouse at dusk", { "shortapi/z-image": {} });
    const run = await waitForRunSucceeded(app.origin, created.id);
    const imageId = run.jobs[0].images[0].id;
    const runUrl = `${app.origin}/api/runs/${run.id}`;
    const first = await get(healthAgent, runUrl);

    // Each waiter: hold, and on an answer ask again at once with the ETag it brought.
    let woken = 0;
    let errors = 0;
    waiters = Array.from({ length: WAITERS }, async (_, index) => {
      let etag = first.etag;
      while (!stopping) {
        try {
          const answer = await get(agents[index % ADDRESSES], `${runUrl}?wait=25`, { "if-none-match": etag });
          if (answer.status === 200) {
            etag = answer.etag;
            woken++;
          } else if (answer.status !== 304) errors++;
        } catch {
          errors++;
          await sleep(100);
        }
      }
    });
    // Let every waiter reach the server and settle into its wait.
    await sleep(Math.max(3_000, WAITERS));

    const health = [];
    let healthErrors = 0;
    const probing = (async () => {
      while (!stopping) {
        try {
          health.push((await get(healthAgent, `${app.origin}/api/health`)).ms);
        } catch {
          // A keep-alive socket the server closed as it was reused: asked again on a new one.
          healthErrors++;
        }
        await sleep(HEALTH_EVERY_MS);
      }
    })();
    const idleStart = groupCpuSeconds(app.pid);
    await sleep(2_000);
    // Shown, not subtracted: on a loaded machine the "idle" server may still be taking waits in.
    const idlePerSecond = (groupCpuSeconds(app.pid) - idleStart) / 2;

    const cpuPerChange = [];
    const idleShare = [];
    const wakeMs = [];
    for (let change = 0; change < CHANGES; change++) {
      woken = 0;
      const cpuBefore = groupCpuSeconds(app.pid);
      const started = performance.now();
      const patched = await fetch(`${app.origin}/api/images/${imageId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ starred: change % 2 === 0 }),
      });
      if (!patched.ok) throw new Error(`PATCH ${patched.status}`);
      while (woken < WAITERS && performance.now() - started < 60_000) await sleep(5);
      wakeMs.push(performance.now() - started);
      // The re-asked waits reach the server and are held again.
      await sleep(1_000);
      const seconds = (performance.now() - started) / 1000;
      cpuPerChange.push((groupCpuSeconds(app.pid) - cpuBefore) * 1000);
      idleShare.push(idlePerSecond * seconds * 1000);
    }
    stopping = true;
    await probing;
    const cpu = summarize(cpuPerChange);
    const wake = summarize(wakeMs);
    const healthLatency = summarize(health);
    report.row(`${label}: server CPU per change, median`, cpu.median, "ms");
    report.note(`${label}: CPU per change ${cpuPerChange.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    report.note(
      `${label}: at the rate before the changes ${idleShare.map((ms) => ms.toFixed(0)).join(", ")} ms`,
    );
    report.row(`${label}: change → all ${WAITERS} answered, median`, wake.median, "ms");
    report.row(`${label}: change → all answered, max`, wake.max, "ms");
    report.row(`${label}: /api/health p99 meanwhile`, healthLatency.p99, "ms", {
      max: env.DATABASE_URL ? 100 : 250,
    });
    report.row(`${label}: /api/health median meanwhile`, healthLatency.median, "ms");
    report.row(`${label}: errors`, errors, "", { max: 0 });
    report.row(`${label}: /api/health connections reset`, healthErrors, "");
    return { cpuPerChange, wakeMs, health: healthLatency, errors };
  } finally {
    stopping = true;
    // Ends the held requests, and with them the waiters' loops.
    for (const agent of [...agents, healthAgent]) agent.destroy();
    await app.stop();
    await Promise.allSettled(waiters);
    removeDataDir(dataDir);
  }
}

const report = createReport(
  "long-poll-herd",
  `Long-poll herd: ${WAITERS} held waits on one run, ${CHANGES} stars`,
);
report.method(`
  Production build on loopback. ${WAITERS} clients from ${ADDRESSES} loopback addresses hold
  GET /api/runs/:id?wait=25 on one finished run and ask again at once with each new ETag; then
  ${CHANGES} PATCHes star and unstar one of its images. CPU: every process of the server's group
  (/proc, 10 ms ticks), with its rate before the changes beside it, from each PATCH until every waiter was answered and 1 s
  more. /api/health is asked every ${HEALTH_EVERY_MS} ms on its own connection throughout. The
  bench's own client shares the machine's cores. Load average before: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}.`);
await ensureBuild();
const results = { pglite: await measure(report, "PGlite", {}) };
const serverUrl = (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)?.trim();
if (serverUrl) {
  const scratch = await createScratchDatabase(serverUrl, "prism_bench");
  try {
    results.postgres = await measure(report, "PostgreSQL", { DATABASE_URL: scratch.url });
  } finally {
    await scratch.drop();
  }
} else report.note("PostgreSQL skipped: set BENCH_DATABASE_URL to a server's URL");
report.note(
  `load average after: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}`,
);
report.save({ results });
