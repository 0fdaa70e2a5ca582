import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import type { JobView } from "@/lib/api/views";
import { appClient } from "@/lib/testing/app-client";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";

// Cell control over HTTP on the shared e2e server: rerun and cancel, their 409s and 404s, the
// cross-site refusal, and DashScope's in-flight rule (a call already sent is waited out, its answer
// discarded).

const app = appClient(E2E_BASE_URL);
/** How long the simulator holds the DashScope call that gets canceled. */
const HELD_MS = 2_000;

const post = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${E2E_BASE_URL}${path}`, { method: "POST", headers });

async function jobOf(runId: string, take: number): Promise<JobView | undefined> {
  return (await app.getRun(runId)).jobs.find((job) => job.take === take);
}

test.beforeEach(() => e2eSimulator.reset());

test("cancel a DashScope call in flight: 409 on rerun meanwhile, its late answer is discarded, take 2 succeeds", async () => {
  await e2eSimulator.fault({ provider: "dashscope", on: "submit", kind: "delay", delayMs: HELD_MS });
  const models = await app.modelEntries({ "dashscope/z-image-turbo": {} });
  const { id: runId, jobs } = await app.createRun({ prompt: "a paper lantern on a lake", models });
  const jobId = jobs[0]!.id;
  await expect.poll(async () => (await jobOf(runId, 1))?.status).toBe("running");

  const busy = await post(`/api/jobs/${jobId}/rerun`);
  expect(busy.status).toBe(409);
  expect(await busy.json()).toEqual({
    error: {
      code: "take_in_progress",
      message:
        "Take 1 of this cell is still running: wait for it to finish, or cancel it, before running the cell again.",
    },
  });

  const canceled = await post(`/api/jobs/${jobId}/cancel`);
  expect(canceled.status).toBe(200);
  const { job } = (await canceled.json()) as { job: JobView };
  expect(job).toMatchObject({ id: jobId, status: "canceled", take: 1 });
  expect(job.error?.summary).toBe(
    "Canceled — DashScope may still finish the job and bill it; Retry to run it again",
  );

  const again = await post(`/api/jobs/${jobId}/cancel`);
  expect(again.status).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("conflict");

  // One click's request, then its resend and eight more clicks at once: one paid take, which the
  // resend (same Idempotency-Key) gets back; the others are 409 take_in_progress.
  const click = { "idempotency-key": "click-1" };
  const retry = await post(`/api/jobs/${jobId}/rerun`, click);
  expect(retry.status).toBe(202);
  const { job: take } = (await retry.json()) as { job: JobView };
  const [resent, ...others] = await Promise.all([
    post(`/api/jobs/${jobId}/rerun`, click),
    ...Array.from({ length: 8 }, () => post(`/api/jobs/${jobId}/rerun`)),
  ]);
  expect(resent!.status).toBe(202);
  expect(((await resent!.json()) as { job: JobView }).job.id).toBe(take.id);
  for (const other of others) {
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("take_in_progress");
  }
  expect(take).toMatchObject({
    take: 2,
    promptIndex: 0,
    configIndex: 0,
    prompt: "a paper lantern on a lake",
  });

  const finished = await app.waitForRun(runId);
  expect(finished.jobs.map((each) => [each.take, each.status])).toEqual([
    [1, "canceled"],
    [2, "succeeded"],
  ]);
  // Past the held call's answer: it arrived and was dropped, so take 1 still has nothing.
  await sleep(HELD_MS + 500);
  expect(await jobOf(runId, 1)).toMatchObject({ status: "canceled", images: [] });
  const downloads = (await e2eSimulator.calls("dashscope")).filter((call) => call.path.startsWith("/cdn/"));
  expect(downloads).toHaveLength(1);
});

test("unknown jobs are 404, and a page of another site may not rerun or cancel", async () => {
  for (const action of ["rerun", "cancel"]) {
    const unknown = await post(`/api/jobs/no-such-job/${action}`);
    expect(unknown.status, action).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: "No job with this id" } });

    const crossSite = await post(`/api/jobs/no-such-job/${action}`, { origin: "https://evil.example" });
    expect(crossSite.status, action).toBe(403);
  }
});
