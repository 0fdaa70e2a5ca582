import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listPicksQuerySchema } from "@/lib/api/pick-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { emptyDatabase } from "@/lib/testing/test-database";
import { annotateImage } from "./annotate-image";
import { listPicks, orderPicks, selectedPicks } from "./picks";

describe.each(DATABASE_ENGINES)("the picks board, on $name", (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.open());
  });
  afterAll(() => dispose());
  beforeEach(() => emptyDatabase(handle));

  const star = (id: string) => annotateImage(handle.db, id, { starred: true });
  const ids = async (query: Record<string, string> = {}) =>
    (await listPicks(handle.db, listPicksQuerySchema.parse(query))).picks.map((pick) => pick.image.id);

  /** A pick in each of three runs, starred in run order: fox (Z-Image), owl (DashScope), cat (Z-Image). */
  async function threeRuns() {
    const fox = await runWithImages(handle.db, "a red fox, packaging shot");
    const owl = await runWithImages(handle.db, "a snowy owl");
    const cat = await runWithImages(handle.db, "a cat, packaging shot");
    const picks = [fox.imageIds[0]![0]!, owl.imageIds[1]![0]!, cat.imageIds[0]![0]!];
    for (const id of picks) await star(id);
    return { fox, owl, cat, picks };
  }

  it("lists starred images of every run, newest first until ordered, with their configuration", async () => {
    const { fox, picks } = await threeRuns();
    const [first] = (await listPicks(handle.db, listPicksQuerySchema.parse({}))).picks.slice(-1);
    expect(await ids()).toEqual([...picks].reverse());
    expect(first).toMatchObject({
      runId: fox.run.id,
      prompt: "a red fox, packaging shot",
      modelId: "shortapi/z-image",
      configuration: expect.stringContaining("Z-Image"),
      position: null,
    });
  });

  it("filters by prompt words, model and date, and pages with a cursor", async () => {
    const { picks } = await threeRuns();
    expect(await ids({ q: "packaging SHOT" })).toEqual([picks[2], picks[0]]);
    expect(await ids({ model: "dashscope/z-image-turbo" })).toEqual([picks[1]]);
    expect(await ids({ since: "2999-01-01" })).toEqual([]);
    const first = await listPicks(handle.db, listPicksQuerySchema.parse({ limit: "2" }));
    expect(first.picks).toHaveLength(2);
    const rest = await listPicks(
      handle.db,
      listPicksQuerySchema.parse({ limit: "2", cursor: first.nextCursor }),
    );
    expect([...first.picks, ...rest.picks].map((pick) => pick.image.id)).toEqual([...picks].reverse());
    expect(rest.nextCursor).toBeUndefined();
  });

  it("orders the board, and a filtered reorder moves only the shown picks among their places", async () => {
    const { picks } = await threeRuns();
    const [fox, owl, cat] = picks as [string, string, string];
    await orderPicks(handle.db, [fox, owl, cat]);
    expect(await ids()).toEqual([fox, owl, cat]);
    // "packaging" shows fox and cat; swapping them leaves owl in the middle.
    await orderPicks(handle.db, [cat, fox]);
    expect(await ids()).toEqual([cat, owl, fox]);
    const paged = await listPicks(handle.db, listPicksQuerySchema.parse({ limit: "1" }));
    const next = await listPicks(
      handle.db,
      listPicksQuerySchema.parse({ limit: "2", cursor: paged.nextCursor }),
    );
    expect(next.picks.map((pick) => [pick.image.id, pick.position])).toEqual([
      [owl, 2],
      [fox, 3],
    ]);
  });

  it("puts a new star after the ordered picks, and an unstarred pick leaves its place", async () => {
    const { picks, owl } = await threeRuns();
    const [fox, owlPick, cat] = picks as [string, string, string];
    await orderPicks(handle.db, [cat, owlPick, fox]);
    const late = owl.imageIds[0]![0]!;
    await star(late);
    expect(await ids()).toEqual([cat, owlPick, fox, late]);
    await annotateImage(handle.db, owlPick, { starred: false });
    await star(owlPick);
    expect(await ids()).toEqual([cat, fox, owlPick, late]);
  });

  it("refuses to order or export an image that is not a pick, naming it", async () => {
    const { picks, owl } = await threeRuns();
    const notStarred = owl.imageIds[0]![0]!;
    await expect(orderPicks(handle.db, [picks[0]!, notStarred])).rejects.toMatchObject({
      code: "invalid_input",
      issues: [{ path: "imageIds.1", message: `Not a pick: ${notStarred}` }],
    });
    await expect(selectedPicks(handle.db, [notStarred])).rejects.toMatchObject({ code: "invalid_input" });
    expect((await selectedPicks(handle.db, [picks[2]!, picks[0]!])).map((row) => row.image.id)).toEqual([
      picks[2],
      picks[0],
    ]);
  });
});
