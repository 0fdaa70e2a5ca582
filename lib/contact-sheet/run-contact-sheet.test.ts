import { writeFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { setUpStoreFixture } from "@/lib/testing/store-fixture";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import type { InputRow } from "@/lib/db/input-schema";
import { jobs } from "@/lib/db/schema";
import { archiveResponse } from "@/lib/downloads/download-responses";
import { createRun } from "@/lib/jobs/create-run";
import { storeImage } from "@/lib/jobs/store-image";
import { getRunRows } from "@/lib/db/queries/runs";
import { toRunView } from "@/lib/views/to-views";
import { CONTACT_SHEET_NAME, runContactSheet } from "./run-contact-sheet";
import { sheetLayout } from "./sheet-layout";

const fixture = setUpStoreFixture("contact-sheet-");

const COLOURS = ["#d01010", "#10a010", "#1030d0"];

/** A 2 × 2 run: three cells with a solid-colour image each, the last one failed. */
async function matrixRun() {
  const created = await createRun(
    fixture.db,
    createRunBodySchema.parse({
      prompts: ["a red square", "a green and a blue square"],
      models: [
        { modelId: "shortapi/flux-1.0", params: { aspect_ratio: "1:1", performance: "schnell" } },
        { modelId: "shortapi/flux-1.0", params: { aspect_ratio: "1:1", performance: "dev" } },
      ],
    }),
  );
  const [first, second, third, fourth] = created.jobs;
  for (const [index, job] of [first!, second!, third!].entries()) {
    const bytes = await sharp({
      create: { width: 512, height: 512, channels: 3, background: COLOURS[index]! },
    })
      .png()
      .toBuffer();
    const stored = await storeImage(fixture.store, bytes);
    await insertImage(fixture.db, { id: newId(), jobId: job.id, runId: created.id, index: 0, ...stored });
    await fixture.db.update(jobs).set({ status: "succeeded" }).where(eq(jobs.id, job.id));
  }
  await fixture.db
    .update(jobs)
    .set({ status: "failed", errorCode: "provider_error", errorMessage: "shortapi: job failed (status 3)" })
    .where(eq(jobs.id, fourth!.id));
  const rows = await getRunRows(fixture.db, created.id);
  if (!rows) throw new Error("run not stored");
  return rows;
}

describe("a run's contact sheet", () => {
  it("shows each cell's image at its place in the matrix and the failed cell's state", async () => {
    const png = await runContactSheet(fixture.store, await matrixRun());
    const layout = sheetLayout(2, 2, 1);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([layout.width, layout.height]);
    const colourAt = (row: number, column: number) => {
      const { left, top } = layout.cellAt(row, column);
      const offset = ((top + 10) * info.width + left + 10) * info.channels;
      return [...data.subarray(offset, offset + 3)];
    };
    const [red, green, blue, failed] = [colourAt(0, 0), colourAt(0, 1), colourAt(1, 0), colourAt(1, 1)];
    expect(red[0]).toBeGreaterThan(180);
    expect(green[1]).toBeGreaterThan(130);
    expect(blue[2]).toBeGreaterThan(180);
    expect(Math.min(...failed)).toBeGreaterThan(200);
  });

  it("draws an edit run's inputs above the matrix, as Before", async () => {
    const rows = await matrixRun();
    const yellow = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#f0d000" } })
      .png()
      .toBuffer();
    const stored = await storeImage(fixture.store, yellow);
    const input = { ...stored, id: newId(), notes: [], createdAt: new Date() } satisfies InputRow;
    const png = await runContactSheet(fixture.store, { ...rows, inputs: [input] });
    if (process.env.CONTACT_SHEET_OUT) await writeFile(process.env.CONTACT_SHEET_OUT, png);
    const layout = sheetLayout(2, 2, 1, 1);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([layout.width, layout.height]);
    const colourAt = ({ left, top }: { left: number; top: number }) => {
      const offset = ((top + 10) * info.width + left + 10) * info.channels;
      return [...data.subarray(offset, offset + 3)];
    };
    const [red, green, blue] = colourAt(layout.inputAt(0));
    expect(red).toBeGreaterThan(200);
    expect(green).toBeGreaterThan(180);
    expect(blue).toBeLessThan(60);
    // The matrix moved down by the strip, its cells as before.
    expect(layout.cellAt(0, 0).top).toBeGreaterThan(sheetLayout(2, 2, 1).cellAt(0, 0).top);
    expect(colourAt(layout.cellAt(0, 0))[0]).toBeGreaterThan(180);
    expect(colourAt(layout.cellAt(1, 0))[2]).toBeGreaterThan(180);
  });

  it("is in the run's ZIP", async () => {
    const rows = await matrixRun();
    const run = toRunView(rows);
    const sheet = { name: CONTACT_SHEET_NAME, open: () => runContactSheet(fixture.store, rows) };
    const source = { kind: "run", id: run.id, title: run.prompt } as const;
    const response = await archiveResponse(fixture.store, source, [run], rows.images, [sheet]);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toContain(CONTACT_SHEET_NAME);
    // Every image of the run, read from the blob keys of the rows the sheet was made from.
    expect(Object.keys(files).filter((name) => name.endsWith(".png")).length).toBe(rows.images.length + 1);
    expect((await sharp(files[CONTACT_SHEET_NAME]!).metadata()).format).toBe("png");
  });
});
