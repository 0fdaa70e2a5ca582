import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import { cancelJob } from "@/lib/jobs/cell-control";
import { storeImage } from "@/lib/jobs/store-image";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";
import { startS3TestServer } from "@/lib/testing/s3-test-server";
import type { BlobStore } from "@/lib/storage/blob-store";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { startOneJobRun } from "@/lib/testing/one-job-run";
import { useBlobSuite } from "@/lib/testing/blob-suite";
import { pngImage } from "@/lib/testing/test-images";
import { deleteRunAndFiles } from "@/lib/runs/delete-run";
import { recordingBlobStore } from "./blob-ledger";
import { getInputById, linkRunInputs } from "@/lib/db/queries/inputs";
import { createInputFromFile } from "@/lib/inputs/create-input";
import {
  adoptStrayBlobs,
  BLOB_GRACE_MS,
  UNUSED_INPUT_GRACE_MS,
  removeUnusedBlobs,
  sweepOrphanBlobs,
} from "./orphan-sweep";

/** Now: a run deleted through the route removes its files by the real clock. */
const START = new Date();
const later = (ms: number) => new Date(START.getTime() + ms);
const AFTER_GRACE = later(BLOB_GRACE_MS + 1_000);

describe.each(DATABASE_ENGINES)("orphan blobs on $name", (engine) => {
  const suite = useBlobSuite(engine);
  let db: Database;
  let directory: string;
  let bytes: BlobStore;
  let store: BlobStore;

  beforeEach(() => {
    ({ db, bytes, directory } = suite);
    store = recordingBlobStore(
      bytes,
      async () => db,
      () => START,
    );
  });

  /** What the download step does: store the bytes, then record the image (unless the job ended). */
  async function download(runId: string, jobId: string, seed: number) {
    const stored = await storeImage(store, await pngImage(64, 64, seed));
    const outcome = await insertImage(db, {
      id: newId(),
      jobId,
      runId,
      index: 0,
      ...stored,
      createdAt: START,
    });
    return { stored, outcome };
  }

  it("collects what a download canceled midway stored, once it is older than the grace period", async () => {
    const run = await startOneJobRun(db, START);
    await cancelJob(db, run.jobs[0]!.id);
    const { stored, outcome } = await download(run.id, run.jobs[0]!.id, 1);
    expect(outcome).toBe("job canceled");
    const kept = await startOneJobRun(db, START);
    const { stored: referenced } = await download(kept.id, kept.jobs[0]!.id, 2);

    expect(await sweepOrphanBlobs(db, bytes, "a", { now: later(60_000) })).toEqual([]);
    expect(await bytes.has(stored.blobKey)).toBe(true);

    const removed = await sweepOrphanBlobs(db, bytes, "a", { now: AFTER_GRACE });
    expect(removed.sort()).toEqual([stored.blobKey, stored.thumbnailKey].sort());
    expect(await bytes.has(stored.blobKey)).toBe(false);
    expect(await bytes.has(stored.thumbnailKey)).toBe(false);
    // A blob an image refers to is never taken, however old.
    expect(await bytes.has(referenced.blobKey)).toBe(true);
    expect(await bytes.has(referenced.thumbnailKey)).toBe(true);
  });

  it("deletes a run's own files at once, but not bytes another download is storing now", async () => {
    const first = await startOneJobRun(db, START);
    const { stored } = await download(first.id, first.jobs[0]!.id, 3);
    const second = await startOneJobRun(db, START);
    // The second download of the same bytes has stored them and not yet recorded its image.
    await store.put(await pngImage(64, 64, 3), "png");

    expect(await deleteRunAndFiles(db, bytes, first.id)).toBe(true);
    expect(await bytes.has(stored.blobKey)).toBe(true);
    // Its thumbnail had no second writer: gone with the run.
    expect(await bytes.has(stored.thumbnailKey)).toBe(false);

    await insertImage(db, {
      id: newId(),
      jobId: second.jobs[0]!.id,
      runId: second.id,
      index: 0,
      ...stored,
      createdAt: START,
    });
    expect(await sweepOrphanBlobs(db, bytes, "a", { now: AFTER_GRACE })).toEqual([]);
    expect(await bytes.has(stored.blobKey)).toBe(true);
  });

  it("lets a writer that records the bytes during a removal write them anew", async () => {
    const png = await pngImage(64, 64, 4);
    const { key } = await store.put(png, "png");
    let writer: Promise<unknown> | undefined;
    const removed = await removeUnusedBlobs(
      db,
      {
        ...bytes,
        delete: async (deleted) => {
          // A download of the same bytes begins while the removal holds the ledger's row.
          writer = store.put(png, "png");
          await new Promise((resolve) => setTimeout(resolve, 50));
          await bytes.delete(deleted);
        },
      },
      [key],
      { now: AFTER_GRACE },
    );
    expect(removed).toEqual([key]);
    await writer;
    expect(await bytes.has(key)).toBe(true);
  });

  it("sweeps on one instance at a time: another's lease holds until it runs out", async () => {
    const run = await startOneJobRun(db, START);
    await cancelJob(db, run.jobs[0]!.id);
    const { stored } = await download(run.id, run.jobs[0]!.id, 5);
    expect(await sweepOrphanBlobs(db, bytes, "instance-a", { now: later(0) })).toEqual([]);
    // B asks while A's lease runs: nothing, though the blobs are old enough for B's clock.
    expect(await sweepOrphanBlobs(db, bytes, "instance-b", { now: later(60_000), graceMs: 0 })).toEqual([]);
    expect(await bytes.has(stored.blobKey)).toBe(true);
    const removed = await sweepOrphanBlobs(db, bytes, "instance-b", { now: AFTER_GRACE });
    expect(removed).toHaveLength(2);
  });

  /** Written straight to the store, as before the ledger existed: a stray, and an image's two files. */
  async function writtenBeforeTheLedger(target: BlobStore, seed: number) {
    const stray = await target.put(await pngImage(64, 64, seed), "png");
    const run = await startOneJobRun(db, START);
    const old = await storeImage(target, await pngImage(64, 64, seed + 1));
    await insertImage(db, { id: newId(), jobId: run.jobs[0]!.id, runId: run.id, index: 0, ...old });
    // Times from when the bytes were written (their files' times), not from the test's start.
    return { stray, old, written: Date.now() };
  }

  async function expectOnlyStrayGone(
    target: BlobStore,
    { stray, old }: { stray: { key: string }; old: { blobKey: string; thumbnailKey: string } },
  ) {
    expect(await target.has(stray.key)).toBe(false);
    expect(await target.has(old.blobKey)).toBe(true);
    expect(await target.has(old.thumbnailKey)).toBe(true);
  }

  it("finds blobs the ledger never knew: removes the unreferenced once old enough, keeps the referenced", async () => {
    const found = await writtenBeforeTheLedger(bytes, 8);
    // A temporary file is not a blob: never listed, never removed by the sweep.
    writeFileSync(path.join(directory, ".tmp-interrupted"), "partial");
    const afterGrace = new Date(found.written + BLOB_GRACE_MS + 60_000);

    // The ledger alone never sees the stray, however old.
    expect(await sweepOrphanBlobs(db, bytes, "a", { now: afterGrace })).toEqual([]);
    expect(await bytes.has(found.stray.key)).toBe(true);

    expect(await adoptStrayBlobs(db, bytes)).toBe(3);
    // Within the grace period of its write it stays.
    expect(await sweepOrphanBlobs(db, bytes, "a", { now: new Date(found.written + 60_000) })).toEqual([]);
    expect(await sweepOrphanBlobs(db, bytes, "a", { now: afterGrace })).toEqual([found.stray.key]);
    await expectOnlyStrayGone(bytes, found);
    // Known now: a second listing adds nothing, on this instance or another.
    expect(await adoptStrayBlobs(db, bytes)).toBe(0);
  });

  it("finds blobs the ledger never knew in a bucket too", async () => {
    const s3 = await startS3TestServer();
    try {
      const bucket = createS3BlobStore(s3.settings);
      const found = await writtenBeforeTheLedger(bucket, 10);
      expect(await adoptStrayBlobs(db, bucket)).toBe(3);
      const afterGrace = new Date(found.written + BLOB_GRACE_MS + 60_000);
      expect(await sweepOrphanBlobs(db, bucket, "a", { now: afterGrace })).toEqual([found.stray.key]);
      await expectOnlyStrayGone(bucket, found);
    } finally {
      await s3.close();
    }
  });

  it("removes an input no run uses once it is a day old, with its blobs; one a run uses stays", async () => {
    const upload = async (seed: number) => {
      const file = path.join(directory, `upload-${seed}.png`);
      writeFileSync(file, await pngImage(96, 96, seed));
      return createInputFromFile(db, store, file);
    };
    const [abandoned, used] = [await upload(6), await upload(7)];
    const run = await startOneJobRun(db, START);
    await linkRunInputs(db, run.id, [used.id]);

    expect(await sweepOrphanBlobs(db, bytes, "a", { now: AFTER_GRACE })).toEqual([]);
    expect(await getInputById(db, abandoned.id)).not.toBeNull();

    const removed = await sweepOrphanBlobs(db, bytes, "b", { now: later(UNUSED_INPUT_GRACE_MS + 60_000) });
    expect(removed.sort()).toEqual([abandoned.blobKey, abandoned.thumbnailKey].sort());
    expect(await getInputById(db, abandoned.id)).toBeNull();
    expect(await getInputById(db, used.id)).not.toBeNull();
    expect(await bytes.has(used.blobKey)).toBe(true);
  });
});
