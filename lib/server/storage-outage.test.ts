import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";
import { openTestDatabase } from "@/lib/testing/test-database";
import { startOneJobRun } from "@/lib/testing/one-job-run";

// A bucket that does not answer: every route that reads images says "try again" (503 in the
// envelope), never a bare 500, for the files, a run's ZIP and its contact sheet alike.

const runtime = vi.hoisted(() => ({ handle: undefined as DatabaseHandle | undefined }));
const BLOB = `ab/ab${"0".repeat(62)}.png`;
const THUMBNAIL = `ab/ab${"0".repeat(62)}.webp`;

vi.mock("@/lib/server/runtime", () => ({
  getDb: async () => runtime.handle!.db,
  // Nothing listens on port 1: every request is refused at once.
  getBlobStore: () =>
    createS3BlobStore({
      bucket: "prism-down",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:1",
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
      forcePathStyle: true,
    }),
}));

describe("routes that read images while the bucket is down", () => {
  let runId: string;

  beforeAll(async () => {
    runtime.handle = await openTestDatabase();
    const run = await startOneJobRun(runtime.handle.db, new Date("2026-03-01T10:00:00.000Z"));
    runId = run.id;
    await insertImage(runtime.handle.db, {
      id: newId(),
      jobId: run.jobs[0]!.id,
      runId,
      index: 0,
      blobKey: BLOB,
      thumbnailKey: THUMBNAIL,
      width: 64,
      height: 64,
      contentType: "image/png",
      byteSize: 100,
      sha256: "0".repeat(64),
      createdAt: new Date("2026-03-01T10:00:05.000Z"),
    });
  });
  afterAll(async () => {
    await runtime.handle?.close();
  });

  it("answers 503 service_unavailable for a file, the run's ZIP and its contact sheet", async () => {
    const files = await import("@/app/api/files/[...key]/route");
    const download = await import("@/app/api/runs/[id]/download/route");
    const sheet = await import("@/app/api/runs/[id]/contact-sheet/route");
    const cases = [
      ["file", files.GET, { key: BLOB.split("/") }],
      ["ZIP", download.GET, { id: runId }],
      ["contact sheet", sheet.GET, { id: runId }],
    ] as const;
    for (const [what, GET, params] of cases) {
      const handler = GET as (
        request: NextRequest,
        context: { params: Promise<object> },
      ) => Promise<Response>;
      const response = await handler(new NextRequest(`http://localhost/${what}`), {
        params: Promise.resolve(params),
      });
      expect(response.status, what).toBe(503);
      expect((await response.json()).error.code, what).toBe("service_unavailable");
    }
  });
});
