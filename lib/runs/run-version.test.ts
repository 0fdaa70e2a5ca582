/**
 * What moves a run's version (its ETag) and what the change feed hears of it: every change a reader
 * sees, in the transaction that makes it, whatever code makes it; nothing else. On in-memory PGlite
 * and, when TEST_DATABASE_URL names a server, on PostgreSQL too.
 */
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Change } from "@/lib/changes/change-feed";
import { newId } from "@/lib/db/ids";
import { insertImage, updateImageAnnotations } from "@/lib/db/queries/images";
import {
  claimDueJobs,
  pollJobNow,
  releaseLeasesOf,
  renewLeases,
  updateLeasedJob,
} from "@/lib/db/queries/jobs";
import { deleteRun, getRunRows, getRunVersion } from "@/lib/db/queries/runs";
import { jobs, type JobRow, type NewJobRow } from "@/lib/db/schema";
import { cancelJob, rerunJob } from "@/lib/jobs/cell-control";
import { jobTransitions } from "@/lib/jobs/runner/job-transitions";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { startOneJobRun, tickingClock } from "@/lib/testing/one-job-run";

const OWNER = "runner-a";

describe.each(DATABASE_ENGINES)("a run's version on $name", (engine) => {
  const fixture = setUpEngineFixture(engine, "prism-run-version-");
  const tick = tickingClock();
  let heard: Change[];
  let stopListening: () => Promise<void>;

  beforeEach(async () => {
    heard = [];
    stopListening = await fixture.handle.listen("prism_changes", {
      onMessage: (payload) => heard.push(JSON.parse(payload) as Change),
      onReconnect: () => {},
    });
  });
  afterEach(() => stopListening());

  const db = () => fixture.handle.db;

  async function startClaimedRun() {
    const run = await startOneJobRun(db(), tick());
    const [job] = await claimDueJobs(db(), { owner: OWNER, now: tick(), leaseMs: 60_000, limit: 1 });
    return { run, job: job! };
  }

  /** Runs `change` and says by how much the version moved and which versions were announced. */
  async function moves(runId: string, change: () => Promise<unknown>) {
    const before = (await getRunVersion(db(), runId))!;
    // Whatever an earlier step announced has arrived (PostgreSQL delivers on another connection).
    await vi.waitFor(() => expect(versionsHeard().at(-1)).toBe(before));
    const from = heard.length;
    await change();
    const after = (await getRunVersion(db(), runId))!;
    if (after > before) await vi.waitFor(() => expect(versionsHeard().at(-1)).toBe(after));
    else await new Promise((resolve) => setTimeout(resolve, 50));
    return { by: after - before, announced: versionsHeard().slice(from) };
  }

  const versionsHeard = () => heard.map((notice) => ("version" in notice ? notice.version : null));

  const write = (job: JobRow, changes: Partial<NewJobRow>) =>
    updateLeasedJob(db(), job.id, OWNER, changes).then((row) => row!);

  it("moves once, announced with its version, for each job transition a reader sees", async () => {
    const { run } = await startClaimedRun();
    // A run's creation is announced too, so a first read and a long-poll agree from the start.
    await vi.waitFor(() => expect(heard).toEqual([{ kind: "run-changed", runId: run.id, version: 1 }]));
    let job = (await getRunRows(db(), run.id))!.jobs[0]!;
    const news: [string, () => Promise<JobRow>][] = [
      ["submitting", () => write(job, jobTransitions.submitting(job, tick(), 60_000))],
      [
        "a retry with its note",
        () => write(job, jobTransitions.retryLater(job, tick(), tick(), { note: "busy" })),
      ],
      ["the note cleared by a routine poll", () => write(job, jobTransitions.pollLater(job, tick(), tick()))],
      [
        "outputs with a price",
        () => write(job, jobTransitions.outputsReady(job, tick(), [{ url: "https://cdn/0.png" }], 0.05)),
      ],
      ["succeeded", () => write(job, jobTransitions.succeeded(job, tick()))],
    ];
    for (const [name, transition] of news) {
      const moved = await moves(run.id, async () => (job = await transition()));
      expect(moved, name).toEqual({ by: 1, announced: [(await getRunVersion(db(), run.id))!] });
    }
  });

  it("stays put, unannounced, for what no reader sees: leases, due times, routine polls", async () => {
    const { run, job } = await startClaimedRun();
    const running = await write(job, jobTransitions.submitting(job, tick(), 60_000));
    const quiet: [string, () => Promise<unknown>][] = [
      [
        "accepted at the estimate",
        () => write(running, jobTransitions.accepted(running, tick(), { providerJobId: "p-1" }, tick())),
      ],
      ["a routine poll", () => write(running, jobTransitions.pollLater(running, tick(), tick()))],
      ["released", () => write(running, jobTransitions.released())],
      [
        "claimed",
        () => claimDueJobs(db(), { owner: OWNER, now: new Date("2030-01-01"), leaseMs: 60_000, limit: 1 }),
      ],
      ["renewed", () => renewLeases(db(), OWNER, [job.id], 60_000)],
      ["a callback's poll-now", () => pollJobNow(db(), job.callbackToken ?? "none", tick())],
      ["leases released at shutdown", () => releaseLeasesOf(db(), OWNER)],
    ];
    for (const [name, change] of quiet) {
      expect(await moves(run.id, change), name).toEqual({ by: 0, announced: [] });
    }
  });

  it("moves for images stored and annotated, a new take and a cancel, and any raw statement", async () => {
    const { run, job } = await startClaimedRun();
    await write(job, jobTransitions.succeeded(job, tick()));
    const imageId = newId();
    const image = {
      id: imageId,
      jobId: job.id,
      runId: run.id,
      index: 0,
      blobKey: "aa.png",
      thumbnailKey: "aa.webp",
      width: 8,
      height: 8,
      contentType: "image/png",
      byteSize: 10,
      sha256: "aa",
    };
    let take: { id: string } | undefined;
    const changes: [string, () => Promise<unknown>][] = [
      ["an image stored", () => insertImage(db(), image)],
      ["a star", () => updateImageAnnotations(db(), imageId, { starred: true })],
      ["a note", () => updateImageAnnotations(db(), imageId, { note: "the best" })],
      ["another take", async () => (take = await rerunJob(db(), job.id))],
      ["a cancel", () => cancelJob(db(), take!.id)],
      [
        "a raw statement",
        () => db().execute(sql`update jobs set updated_at = now() where run_id = ${run.id}`),
      ],
    ];
    for (const [name, change] of changes) {
      const moved = await moves(run.id, change);
      expect(moved.by, name).toBeGreaterThan(0);
      expect(moved.announced, name).toEqual([(await getRunVersion(db(), run.id))!]);
    }
    // The same star again, and the same image again (a resumed download), change nothing.
    expect(await moves(run.id, () => updateImageAnnotations(db(), imageId, { starred: true }))).toEqual({
      by: 0,
      announced: [],
    });
    expect(await moves(run.id, () => insertImage(db(), { ...image, id: newId() }))).toEqual({
      by: 0,
      announced: [],
    });
  });

  it("announces a transaction once, at commit, and a rollback never", async () => {
    const { run } = await startClaimedRun();
    const moved = await moves(run.id, () =>
      db().transaction(async (transaction) => {
        for (let index = 0; index < 3; index += 1) {
          await transaction.update(jobs).set({ updatedAt: tick() }).where(eq(jobs.runId, run.id));
        }
      }),
    );
    expect(moved).toEqual({ by: 3, announced: [(await getRunVersion(db(), run.id))!] });

    const rolledBack = await moves(run.id, () =>
      db()
        .transaction(async (transaction) => {
          await transaction.update(jobs).set({ status: "failed" }).where(eq(jobs.runId, run.id));
          throw new Error("roll back");
        })
        .catch(() => undefined),
    );
    expect(rolledBack).toEqual({ by: 0, announced: [] });
  });

  it("announces a deleted run", async () => {
    const { run } = await startClaimedRun();
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    await deleteRun(db(), run.id);
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ kind: "run-deleted", runId: run.id }));
    expect(await getRunVersion(db(), run.id)).toBeNull();
  });
});
