import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage, listImagesOfJob } from "@/lib/db/queries/images";
import { storeImage } from "@/lib/jobs/store-image";
import { deleteRunAndFiles } from "@/lib/runs/delete-run";
import type { BlobStore } from "@/lib/storage/blob-store";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { startOneJobRun } from "@/lib/testing/one-job-run";
import { useBlobSuite } from "@/lib/testing/blob-suite";
import { pngImage } from "@/lib/testing/test-images";
import { recordingBlobStore } from "./blob-ledger";
import { BLOB_GRACE_MS, sweepOrphanBlobs } from "./orphan-sweep";

// Run A and run B hold the same image bytes (a locked-seed re-run), so the same content-addressed
// files. Deleting A while B's download stores them must never take B's files: each interleaving of
// the two is staged through hooks in the byte store, the points where either side awaits it.

const START = new Date();

/** Where B's download stands when A's deletion runs (between its byte-store calls). */
const WRITER_POINTS = [
  "before B stores anything",
  "B recorded the original, its bytes not yet written",
  "B wrote the original",
  "B recorded the thumbnail, its bytes not yet written",
  "B wrote the thumbnail, its image row not yet written",
  "B recorded its image",
] as const;

type Hook = (point: number) => Promise<void>;

describe.each(DATABASE_ENGINES)("deleting a run while another stores the same bytes, on $name", (engine) => {
  const suite = useBlobSuite(engine);
  let db: Database;
  let bytes: BlobStore;
  let png: Buffer;

  beforeAll(async () => {
    png = await pngImage(64, 64, 11);
  });
  beforeEach(() => ({ db, bytes } = suite));

  /** The download step's writes for one job: store the bytes, then record the image. */
  async function download(store: BlobStore, run: { id: string; jobs: { id: string }[] }) {
    const stored = await storeImage(
      recordingBlobStore(
        store,
        async () => db,
        () => START,
      ),
      png,
    );
    await insertImage(db, {
      id: newId(),
      jobId: run.jobs[0]!.id,
      runId: run.id,
      index: 0,
      ...stored,
      createdAt: START,
    });
    return stored;
  }

  /** The byte store with `hook` called before and after each write (points 1–4 of WRITER_POINTS). */
  function writerStore(hook: Hook): BlobStore {
    let point = 1;
    return {
      ...bytes,
      async put(data, extension) {
        await hook(point++);
        const written = await bytes.put(data, extension);
        await hook(point++);
        return written;
      },
    };
  }

  /** Run A with the image stored and recorded, and run B about to download the same bytes. */
  async function setUp() {
    const first = await startOneJobRun(db, START);
    const keys = await download(bytes, first);
    const second = await startOneJobRun(db, START);
    return { first, second, keys };
  }

  async function expectSecondIntact(
    second: { id: string; jobs: { id: string }[] },
    keys: { blobKey: string; thumbnailKey: string },
  ) {
    expect(await listImagesOfJob(db, second.jobs[0]!.id)).toHaveLength(1);
    expect(await bytes.has(keys.blobKey), "B's original").toBe(true);
    expect(await bytes.has(keys.thumbnailKey), "B's thumbnail").toBe(true);
    // And stays: the sweep, much later, finds B's files referenced.
    expect(
      await sweepOrphanBlobs(db, bytes, "sweeper", { now: new Date(START.getTime() + BLOB_GRACE_MS * 2) }),
    ).toEqual([]);
  }

  it.each(WRITER_POINTS.map((name, point) => ({ name, point })))(
    "A deleted when $name",
    async ({ point }) => {
      const { first, second, keys } = await setUp();
      let deleted: boolean | undefined;
      const deleteFirstAt: Hook = async (reached) => {
        if (reached === point) deleted = await deleteRunAndFiles(db, bytes, first.id);
      };
      await deleteFirstAt(0);
      await download(writerStore(deleteFirstAt), second);
      await deleteFirstAt(WRITER_POINTS.length - 1);
      expect(deleted).toBe(true);
      await expectSecondIntact(second, keys);
    },
  );

  it.each([
    { file: "original", when: "before" },
    { file: "original", when: "after" },
    { file: "thumbnail", when: "before" },
    { file: "thumbnail", when: "after" },
  ] as const)(
    "B downloads while the deletion of A holds the ledger row of its $file, $when removing the bytes",
    async ({ file, when }) => {
      const { first, second, keys } = await setUp();
      const target = file === "original" ? keys.blobKey : keys.thumbnailKey;
      let writer: Promise<unknown> | undefined;
      const startWriter = async () => {
        writer = download(bytes, second);
        // The writer goes as far as it can: it waits for the removal's lock, or finishes first.
        await Promise.race([writer, new Promise((resolve) => setTimeout(resolve, 100))]);
      };
      const deleting: BlobStore = {
        ...bytes,
        async delete(key) {
          if (key === target && when === "before") await startWriter();
          await bytes.delete(key);
          if (key === target && when === "after") await startWriter();
        },
      };
      expect(await deleteRunAndFiles(db, deleting, first.id)).toBe(true);
      expect(writer, "the deletion removed the file").toBeDefined();
      await writer;
      await expectSecondIntact(second, keys);
    },
  );
});
