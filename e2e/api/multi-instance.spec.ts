import { expect, test } from "@playwright/test";
import { findModel } from "../../lib/models/catalog";
import { Cluster } from "../support/cluster";
import { E2E_PORT_OFFSET } from "../support/env";
import {
  createRunOn,
  createsByTag,
  fetchBytes,
  holdsWithin,
  ownerPid,
  postRun,
  processGroup,
  runBody,
  sampleLeases,
  sha256,
  waitAllTerminal,
  zipEntries,
} from "../support/cluster-checks";
import type { JobView } from "../../lib/api/views";

// Two `next start` instances on one PostgreSQL, one bucket and one simulator (control 4760, providers
// 4761-4763); an instance restarted without keys runs its own simulator on 4767-4770.
const o = E2E_PORT_OFFSET;
const cluster = new Cluster({
  apps: [3760 + o, 3761 + o],
  simulator: 4760 + o,
  postgres: 25460 + o,
  bucket: 4766 + o,
  ownSimulator: 4767 + o,
});
const A = () => cluster.a.baseUrl;
const B = () => cluster.b.baseUrl;
const tags = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}-${String(index).padStart(2, "0")}`);

// Not serial: each check stands alone (a failure restarts the worker, and with it the cluster).
test.setTimeout(240_000);
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await cluster.setUp();
});
test.afterAll(() => cluster.tearDown());

/** The sha256 a stored file's URL names ("/api/files/ab/<sha256>.png"). */
const shaOfUrl = (url: string) => /([0-9a-f]{64})\.\w+$/.exec(url)?.[1];

test("30 runs over both instances: one create per job, every image and ZIP readable from either", async () => {
  await cluster.startInstances();
  const runTags = tags("spread", 30);
  const runIds = await Promise.all(runTags.map((tag, index) => createRunOn(index % 2 ? B() : A(), tag)));
  const results = await waitAllTerminal(A(), runIds);

  const creates = await createsByTag(cluster.simulator, runTags);
  for (const tag of runTags)
    expect(creates.get(tag)?.sort(), tag).toEqual(["dashscope", "pixazo", "shortapi"]);
  const jobs = [...results.values()].flat();
  expect(jobs.filter((job) => job.status !== "succeeded")).toEqual([]);

  for (const job of jobs) expect(job.images.length).toBeGreaterThan(0);
  const images = jobs.flatMap((job) => job.images);
  await Promise.all(
    images.map(async (image) => {
      for (const base of [A(), B()]) {
        const original = await fetchBytes(`${base}${image.url}`);
        expect(original.status, `${base}${image.url}`).toBe(200);
        expect(sha256(original.bytes)).toBe(shaOfUrl(image.url));
        const thumbnail = await fetchBytes(`${base}${image.thumbnailUrl}`);
        expect([thumbnail.status, thumbnail.type]).toEqual([200, "image/webp"]);
      }
    }),
  );

  for (const [index, runId] of runIds.entries()) {
    const expected = results
      .get(runId)!
      .flatMap((job) => job.images.map((image) => shaOfUrl(image.url)))
      .sort();
    const entries = await zipEntries(`${index % 2 ? A() : B()}/api/runs/${runId}/download`);
    const images = Object.entries(entries).filter(
      ([name]) => name !== "manifest.json" && name !== "contact-sheet.png",
    );
    expect(entries["contact-sheet.png"]?.length).toBeGreaterThan(0);
    expect(images.map(([, bytes]) => sha256(bytes)).sort()).toEqual(expected);
  }

  const shared = runIds.slice(0, 10);
  const gallery = await fetch(`${A()}/api/galleries`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ runIds: shared, imageIds: [] }),
  });
  expect(gallery.status).toBe(201);
  const { slug } = (await gallery.json()) as { slug: string };
  const imageCount = shared.flatMap((runId) => results.get(runId)!.flatMap((job) => job.images)).length;
  for (const base of [A(), B()]) {
    const entries = await zipEntries(`${base}/api/galleries/${slug}/download`);
    expect(Object.keys(entries).length).toBe(imageCount + 1);
    const page = await fetch(`${base}/g/${slug}`);
    expect(page.status).toBe(200);
    const thumbnails = [
      ...new Set((await page.text()).match(/\/api\/files\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp/g)),
    ];
    expect(thumbnails.length).toBeGreaterThan(0);
    for (const url of thumbnails) expect((await fetch(`${base}${url}`)).status, url).toBe(200);
  }
});

test("deleting a run on A deletes its images from the bucket: B no longer serves them", async () => {
  await cluster.ensureInstances();
  const runId = await createRunOn(A(), "delete-images-00");
  const jobs = [...(await waitAllTerminal(B(), [runId])).values()].flat();
  const urls = jobs.flatMap((job) => job.images.flatMap((image) => [image.url, image.thumbnailUrl]));
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect((await fetch(`${B()}${url}`)).status).toBe(200);

  expect((await fetch(`${A()}/api/runs/${runId}`, { method: "DELETE" })).status).toBe(204);
  for (const url of urls) expect((await fetch(`${B()}${url}`)).status, url).toBe(404);
});

test("runs deleted on A while B stores the same images for re-runs: the re-runs' images and ZIPs stay readable", async () => {
  await cluster.ensureInstances();
  // The simulator draws the same bytes for the same prompt and model: each re-run's files are its first run's.
  const pairTags = tags("same-bytes", 6);
  const firsts = await Promise.all(pairTags.map((tag) => createRunOn(A(), tag)));
  await waitAllTerminal(A(), firsts);
  const reruns = await Promise.all(pairTags.map((tag) => createRunOn(B(), tag)));
  // Each first run is deleted at another moment of its re-run's life, so some deletions meet a
  // download of the same bytes between storing them and recording its image.
  await Promise.all(
    firsts.map(async (runId, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 200));
      expect((await fetch(`${A()}/api/runs/${runId}`, { method: "DELETE" })).status).toBe(204);
    }),
  );
  const results = await waitAllTerminal(B(), reruns);
  const jobs = [...results.values()].flat();
  expect(jobs.filter((job) => job.status !== "succeeded")).toEqual([]);
  for (const image of jobs.flatMap((job) => job.images))
    for (const url of [image.url, image.thumbnailUrl])
      for (const base of [A(), B()]) expect((await fetch(`${base}${url}`)).status, `${base}${url}`).toBe(200);
  for (const runId of reruns) {
    const entries = await zipEntries(`${A()}/api/runs/${runId}/download`);
    const expected = results.get(runId)!.flatMap((job) => job.images.map((image) => shaOfUrl(image.url)));
    const images = Object.entries(entries).filter(
      ([name]) => name !== "manifest.json" && name !== "contact-sheet.png",
    );
    expect(images.map(([, bytes]) => sha256(bytes)).sort()).toEqual(expected.sort());
  }
});

test("a run deleted on A answers 404 on B within 1 s, and so do its images", async () => {
  await cluster.ensureInstances();
  const runId = await createRunOn(A(), "delete-00");
  const [jobs] = [...(await waitAllTerminal(B(), [runId])).values()] as [JobView[]];
  expect((await fetch(`${B()}/api/runs/${runId}`)).status).toBe(200);
  const imageUrl = `${B()}${jobs[0]!.images[0]!.url}`;
  expect((await fetch(imageUrl)).status).toBe(200);

  expect((await fetch(`${A()}/api/runs/${runId}`, { method: "DELETE" })).status).toBe(204);
  const gone = await holdsWithin(1_000, async () => (await fetch(`${B()}/api/runs/${runId}`)).status === 404);
  expect(gone, "ms until B answered 404").toBeLessThanOrEqual(1_000);
  expect((await fetch(imageUrl)).status).toBe(404);
});

test("a gallery revoked on A answers 404 on B within 1 s", async () => {
  await cluster.ensureInstances();
  const runId = await createRunOn(A(), "revoke-00");
  await waitAllTerminal(A(), [runId]);
  const created = await fetch(`${A()}/api/galleries`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ runIds: [runId], imageIds: [] }),
  });
  const { slug } = (await created.json()) as { slug: string };
  for (const path of [`/api/galleries/${slug}`, `/g/${slug}`])
    expect((await fetch(`${B()}${path}`)).status).toBe(200);

  expect((await fetch(`${A()}/api/galleries/${slug}`, { method: "DELETE" })).ok).toBe(true);
  const gone = await holdsWithin(1_000, async () => {
    const statuses = await Promise.all(
      [`/api/galleries/${slug}`, `/g/${slug}`].map(async (path) => (await fetch(`${B()}${path}`)).status),
    );
    return statuses.every((status) => status === 404);
  });
  expect(gone, "ms until B answered 404").toBeLessThanOrEqual(1_000);
});

test("kill -9 of one instance mid-burst: every job ends and none is created twice", async () => {
  // Short leases: the dead instance's jobs are taken over after 5 s rather than 30.
  await cluster.startInstances({ PRISM_LEASE_SECONDS: "5" });
  const runTags = tags("kill", 12);
  const runIds = await Promise.all(runTags.map((tag, index) => createRunOn(index % 2 ? B() : A(), tag)));
  await expect
    .poll(async () => [...(await createsByTag(cluster.simulator, runTags)).values()].flat().length, {
      timeout: 30_000,
      intervals: [50],
    })
    .toBeGreaterThanOrEqual(6);
  await cluster.a.kill();

  const results = await waitAllTerminal(B(), runIds, 150_000);
  const creates = await createsByTag(cluster.simulator, runTags);
  for (const [index, runId] of runIds.entries()) {
    const sent = creates.get(runTags[index]!)!;
    expect(new Set(sent).size, `${runTags[index]} created twice: ${sent.join(", ")}`).toBe(sent.length);
    for (const job of results.get(runId)!) {
      if (job.status === "succeeded") continue;
      // A job may only fail because its create was in flight when the instance died.
      expect(job.error?.code, `${job.modelId}: ${job.error?.message}`).toBe("submit_outcome_unknown");
    }
  }
});

test("a rate limit of 5 a minute holds across both instances", async () => {
  await cluster.startInstances({ PRISM_RATE_LIMIT_PER_MINUTE: "5" });
  const statuses: number[] = [];
  for (const [index, tag] of tags("rate", 10).entries()) {
    const response = await postRun(
      index % 2 ? B() : A(),
      await runBody(A(), tag, ["dashscope/z-image-turbo"]),
    );
    statuses.push(response.status);
  }
  expect(statuses.filter((status) => status === 202)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(5);
});

test("20 concurrent runs against a daily budget that fits one: exactly one accepted", async () => {
  const model = findModel("shortapi/gpt-image-2")!;
  // The defaults come from the running catalog (started here when this test runs alone).
  await cluster.ensureInstances();
  const { models } = await runBody(A(), "estimate", [model.id]);
  const estimate = model.estimateCost(model.params.parse(models[0]!.params))!;
  expect(estimate).toBeGreaterThan(0);
  await cluster.startInstances({ PRISM_DAILY_BUDGET_USD: String(estimate * 1.5) });
  const bodies = await Promise.all(tags("budget", 20).map((tag) => runBody(A(), tag, [model.id])));
  const responses = await Promise.all(bodies.map((body, index) => postRun(index % 2 ? B() : A(), body)));
  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 202)).toHaveLength(1);
  expect(statuses.filter((status) => status === 402)).toHaveLength(19);
});

test("SIGTERM: the instance claims nothing after the signal and the other takes its jobs within 2 s", async () => {
  await cluster.startInstances();
  const database = await cluster.sql();
  const leases = sampleLeases(database);
  try {
    const runTags = tags("sigterm", 10);
    const runIds = await Promise.all(runTags.map((tag, index) => createRunOn(index % 2 ? B() : A(), tag)));
    await expect
      .poll(async () => [...(await createsByTag(cluster.simulator, runTags)).values()].flat().length, {
        intervals: [50],
      })
      .toBeGreaterThanOrEqual(4);
    const pidsOfA = processGroup(cluster.a.pid!);
    const signalledAt = Date.now();
    const stopped = cluster.a.stop();

    // Leases A still holds, other than creates in flight (those it may finish in its grace period).
    const heldByA = async () => {
      const { rows } = await database.query<{ count: string }>(
        `select count(*) from jobs where split_part(lease_owner, ':', 2) = any($1)
           and not (submitted_at is not null and provider_job_id is null)`,
        [[...pidsOfA]],
      );
      return Number(rows[0]?.count);
    };
    // Due work nobody has taken for a second: the other instance is not picking it up.
    const unclaimedOverdue = async () => {
      const { rows } = await database.query<{ count: string }>(
        `select count(*) from jobs where lease_owner is null and status in ('queued', 'running')
           and next_attempt_at < now() - interval '1 second'`,
      );
      return Number(rows[0]?.count);
    };
    const handedOver = await holdsWithin(
      2_000,
      async () => (await heldByA()) === 0 && (await unclaimedOverdue()) === 0,
    );
    expect(handedOver, "ms until A held nothing and B had taken its work").toBeLessThanOrEqual(2_000);

    const results = await waitAllTerminal(B(), runIds);
    await stopped;
    await leases.stop();
    // A claim is a job A holds that it did not hold in the sample before. The signal handler needs
    // a moment to run, and a claim already on its way to the database when the signal arrives may
    // commit a little later (on a loaded 2-core machine, a few hundred ms): only claims first seen a
    // second after the signal count. The bug this guards against went on claiming for 25 s.
    const lateClaims: string[] = [];
    let previous = new Set<string>();
    for (const sample of leases.samples) {
      const held = new Set(
        [...sample.leases].filter(([, owner]) => pidsOfA.has(ownerPid(owner))).map(([jobId]) => jobId),
      );
      for (const jobId of held)
        if (!previous.has(jobId) && sample.at > signalledAt + 1_000) lateClaims.push(jobId);
      previous = held;
    }
    expect(lateClaims, "jobs A claimed after SIGTERM").toEqual([]);
    const creates = await createsByTag(cluster.simulator, runTags);
    for (const tag of runTags)
      expect(creates.get(tag)?.sort(), tag).toEqual(["dashscope", "pixazo", "shortapi"]);
    expect([...results.values()].flat().filter((job) => job.status !== "succeeded")).toEqual([]);
  } finally {
    await leases.stop();
    await database.end();
  }
});

test("SIGTERM with a pre-stop period: A answers its long-polls and turns not-ready while still serving, B takes the traffic", async () => {
  const graceSeconds = 6;
  await cluster.startInstances({
    PRISM_PRESTOP_SECONDS: "3",
    PRISM_SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
  });
  const runId = await createRunOn(A(), "drain-00");
  await waitAllTerminal(A(), [runId]);
  const etag = (await fetch(`${A()}/api/runs/${runId}`)).headers.get("etag")!;
  // A finished run does not change: this wait would last its full 25 s.
  let answered = false;
  const longPoll = fetch(`${A()}/api/runs/${runId}?wait=25`, { headers: { "If-None-Match": etag } }).then(
    (response) => ((answered = true), response),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(answered, "the long-poll is held before the signal").toBe(false);

  const signalledAt = performance.now();
  const stopped = cluster.a.stop().then(() => performance.now() - signalledAt);
  // Answered at once, while A still serves: a balancer sees A's 503 and B's 200 side by side.
  expect((await longPoll).status).toBe(304);
  expect((await fetch(`${A()}/api/ready`)).status).toBe(503);
  expect((await fetch(`${A()}/api/health`)).status).toBe(200);
  expect((await fetch(`${B()}/api/ready`)).status).toBe(200);
  // The traffic a balancer moves to B is served there.
  const moved = await createRunOn(B(), "drain-01");
  const results = await waitAllTerminal(B(), [moved]);
  expect([...results.values()].flat().filter((job) => job.status !== "succeeded")).toEqual([]);
  expect(await stopped, "ms from SIGTERM until A exited").toBeLessThan((graceSeconds + 2) * 1_000);
  await expect(fetch(`${A()}/api/ready`)).rejects.toThrow();
});

test("bucket down: both instances refuse new runs with 503 and Retry-After, readiness says why, and take runs again once it is back", async () => {
  await cluster.startInstances();
  await cluster.stopBucket();
  try {
    for (const base of [A(), B()]) {
      // Storage health is checked every few seconds, so the refusal follows within that.
      await expect
        .poll(async () => (await postRun(base, await runBody(base, "bucket-down"))).status)
        .toBe(503);
      const refused = await postRun(base, await runBody(base, "bucket-down"));
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error.message).toContain("bucket unreachable");
      // Still ready: the bucket is every instance's, so moving traffic would not help, and reads go on.
      const ready = await fetch(`${base}/api/ready`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).storage).toMatchObject({
        writable: false,
        reason: expect.stringContaining("bucket"),
      });
    }
  } finally {
    await cluster.startBucket();
  }
  for (const base of [A(), B()]) {
    await expect
      .poll(async () => (await (await fetch(`${base}/api/ready`)).json()).storage)
      .toEqual({
        writable: true,
      });
  }
  const runId = await createRunOn(B(), "bucket-back");
  const results = await waitAllTerminal(A(), [runId]);
  expect([...results.values()].flat().filter((job) => job.status !== "succeeded")).toEqual([]);
});

test("an instance started while PostgreSQL is down boots fully once a user's request reaches the database: its runs finish, its long-polls are live", async () => {
  await cluster.startInstances();
  // B would otherwise run A's jobs and hide whether A's runner started.
  await Promise.all([cluster.a.stop(), cluster.b.stop()]);
  await cluster.stopPostgres();
  try {
    await cluster.a.start(120_000, "listening");
    const refused = await fetch(`${A()}/api/runs`);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  } finally {
    await cluster.startPostgres();
  }
  // A user's request is the first to reach the database, before any probe.
  expect((await fetch(`${A()}/api/runs`)).status).toBe(200);
  const ready = await fetch(`${A()}/api/ready`);
  expect(ready.status).toBe(200);
  expect((await ready.json()).boot).toEqual({ database: true, changeFeed: true, runner: true });

  const runId = await createRunOn(A(), "pg-late-00");
  const first = await fetch(`${A()}/api/runs/${runId}`);
  const etag = first.headers.get("etag")!;
  const askedAt = Date.now();
  const changed = await fetch(`${A()}/api/runs/${runId}?wait=25`, { headers: { "If-None-Match": etag } });
  expect(changed.status).toBe(200);
  expect(
    Date.now() - askedAt,
    "ms until the long-poll heard the run change (25 s is its timeout)",
  ).toBeLessThan(20_000);
  const results = await waitAllTerminal(A(), [runId], 60_000);
  expect([...results.values()].flat().filter((job) => job.status !== "succeeded")).toEqual([]);
  await cluster.b.start();
});

test("an instance without provider keys never works on jobs accepted elsewhere: it leaves them, logs it, and readiness says so", async () => {
  await cluster.startInstances();
  await cluster.restartWithoutKeys(1);
  // Slow providers: the jobs are still unfinished when A goes.
  await cluster.simulator.control.settings({ stepMs: 3_000 });
  const runTags = tags("keyless", 6);
  const runIds = await Promise.all(runTags.map((tag) => createRunOn(A(), tag)));
  // A goes away with the jobs unfinished; B could take them, but they are not B's to take.
  await cluster.a.stop();
  await expect
    .poll(async () => (await (await fetch(`${B()}/api/ready`)).json()).configuration?.jobsLeftForOthers, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  const { configuration } = await (await fetch(`${B()}/api/ready`)).json();
  expect(configuration.warnings.join("\n")).toContain("shortapi: simulator on");
  expect(cluster.b.logs).toContain("configuration differs from the deployment");

  await cluster.simulator.control.settings({ stepMs: 100 });
  await cluster.a.start();
  const results = await waitAllTerminal(A(), runIds);
  expect([...results.values()].flat().filter((job) => job.status !== "succeeded")).toEqual([]);
  // Nothing ever reached B's own simulator; each job was created once, at the cluster's providers.
  expect(await cluster.b.simulator.calls()).toEqual([]);
  const creates = await createsByTag(cluster.simulator, runTags);
  for (const tag of runTags)
    expect(creates.get(tag)?.sort(), tag).toEqual(["dashscope", "pixazo", "shortapi"]);
});

test("an instance frozen mid-burst (SIGSTOP) stalls nobody: B creates runs under the budget and takes over A's jobs", async () => {
  await cluster.startInstances({ PRISM_DAILY_BUDGET_USD: "1000", PRISM_LEASE_SECONDS: "5" });
  const runTags = tags("frozen", 12);
  const bodies = await Promise.all(runTags.map((tag) => runBody(A(), tag)));
  // Answers never come while A is frozen; the runs it accepted are found in the database.
  void Promise.allSettled(bodies.map((body) => postRun(A(), body)));
  await expect
    .poll(async () => [...(await createsByTag(cluster.simulator, runTags)).values()].flat().length, {
      intervals: [20],
    })
    .toBeGreaterThanOrEqual(1);
  cluster.a.freeze();
  const database = await cluster.sql();
  try {
    // Each run takes the budget's lock: one A held when it froze is given up by PostgreSQL.
    await expect
      .poll(async () => (await postRun(B(), await runBody(B(), "frozen-b"))).status, { timeout: 40_000 })
      .toBe(202);
    const unfinished = async () => {
      const { rows } = await database.query<{ count: string }>(
        `select count(*) from jobs where prompt like '%[frozen-%' and status in ('queued', 'running')`,
      );
      return Number(rows[0]?.count);
    };
    await expect.poll(unfinished, { timeout: 90_000 }).toBe(0);
    const { rows } = await database.query<{ status: string; error_code: string | null }>(
      `select status, error_code from jobs where prompt like '%[frozen-%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // A job may only fail because its create was in flight when A froze.
    for (const row of rows)
      if (row.status !== "succeeded") expect(row.error_code).toBe("submit_outcome_unknown");
  } finally {
    cluster.a.thaw();
    await database.end();
  }
});

test("a PostgreSQL restart mid-burst loses no paid job: answers that arrive meanwhile are written once it is back, no create is sent twice, and requests get 503, never 500", async () => {
  await cluster.startInstances();
  const runTags = tags("pg-restart", 8);
  // Each create (3 a run) is answered a second after it arrives: those out when PostgreSQL goes are
  // answered while it is down.
  const count = runTags.length * 3;
  await cluster.simulator.control.fault({
    provider: "*",
    on: "submit",
    count,
    kind: "delay",
    delayMs: 1_000,
  });
  const runIds = await Promise.all(runTags.map((tag, index) => createRunOn(index % 2 ? B() : A(), tag)));
  const created = async () => [...(await createsByTag(cluster.simulator, runTags)).values()].flat().length;
  await expect.poll(created, { intervals: [20] }).toBeGreaterThanOrEqual(4);

  const refusedBody = JSON.stringify(await runBody(A(), "pg-down"));
  await cluster.stopPostgres();
  let answers: { request: string; api: boolean; status: number; retryAfter: string | null }[];
  try {
    const wentDown = Date.now();
    const probes = ["/api/runs", `/api/runs/${runIds[0]}`, `/api/runs/${runIds[0]}/download`, "/api/spend"];
    const requests: { base: string; path: string; init: RequestInit }[] = [A(), B()].flatMap((base) => [
      ...probes.map((path) => ({ base, path, init: {} })),
      {
        base,
        path: "/api/runs",
        init: { method: "POST", headers: { "content-type": "application/json" }, body: refusedBody },
      },
      ...["/", `/runs/${runIds[0]}`].map((path) => ({ base, path, init: {} })),
    ]);
    answers = await Promise.all(
      requests.map(async ({ base, path, init }) => {
        const response = await fetch(`${base}${path}`, init);
        const request = `${init.method ?? "GET"} ${base === A() ? "A" : "B"}${path}`;
        const retryAfter = response.headers.get("retry-after");
        return { request, api: path.startsWith("/api/"), status: response.status, retryAfter };
      }),
    );
    // Down for long enough that the creates out when it went are answered meanwhile.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wentDown + 1_500 - Date.now())));
  } finally {
    await cluster.startPostgres();
  }
  // The API says "try again" (503 + Retry-After); pages (their data comes from the API) still load.
  for (const { request, api, status, retryAfter } of answers) {
    expect(status, request).toBe(api ? 503 : 200);
    if (api) expect(Number(retryAfter), request).toBeGreaterThan(0);
  }

  const results = await waitAllTerminal(A(), runIds);
  const jobs = [...results.values()].flat();
  expect(jobs.filter((job) => job.status !== "succeeded").map((job) => job.error)).toEqual([]);
  const creates = await createsByTag(cluster.simulator, runTags);
  for (const tag of runTags)
    expect(creates.get(tag)?.sort(), tag).toEqual(["dashscope", "pixazo", "shortapi"]);
  expect(cluster.a.logs + cluster.b.logs).toContain("keeping a step's result and writing it again");
});
