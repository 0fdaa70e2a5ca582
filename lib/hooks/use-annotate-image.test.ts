import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CompareImagesView } from "@/lib/api/review-views";
import type { ImageView, RunView } from "@/lib/api/views";
import { queryKeys } from "./query-keys";
import { annotateImageOptions } from "./use-annotate-image";

const image = (id: string): ImageView => ({
  id,
  url: `/files/${id}.png`,
  thumbnailUrl: `/files/${id}.webp`,
  width: 1024,
  height: 1024,
  contentType: "image/png",
  byteSize: 10,
  index: 0,
  starred: false,
  note: null,
});

const run = { id: "run-1", jobs: [{ id: "job-1", images: [image("a"), image("b")] }] } as unknown as RunView;
const compare: CompareImagesView = {
  images: [
    {
      image: image("a"),
      runId: "run-1",
      inputs: [],
      prompt: "p",
      modelId: "m",
      configuration: "M",
      take: 1,
      params: {},
      seed: null,
    },
  ],
};

function setup() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.run("run-1"), run);
  queryClient.setQueryData(queryKeys.compare(["a", "c"]), compare);
  const observer = new MutationObserver(queryClient, annotateImageOptions(queryClient));
  const images = () => ({
    run: queryClient.getQueryData<RunView>(queryKeys.run("run-1"))!.jobs[0]!.images,
    compare: queryClient.getQueryData<CompareImagesView>(queryKeys.compare(["a", "c"]))!.images[0]!.image,
  });
  return { observer, images };
}

/** A server that answers once the test lets it. */
function deferredFetch(status: number, body: unknown) {
  let answer: () => void = () => {};
  const released = new Promise<void>((resolve) => (answer = resolve));
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => {
      await released;
      return new Response(JSON.stringify(body), { status });
    }),
  );
  return answer;
}

afterEach(() => vi.unstubAllGlobals());

describe("annotating an image", () => {
  it("shows the star in every view at once, then keeps the server's answer", async () => {
    const { observer, images } = setup();
    const answer = deferredFetch(200, { image: { ...image("a"), starred: true, note: "hands" } });
    const done = observer.mutate({ imageId: "a", patch: { starred: true } });
    await vi.waitFor(() => expect(images().run[0]?.starred).toBe(true));
    expect(images().compare.starred).toBe(true);
    expect(images().run[1]?.starred).toBe(false);
    answer();
    await done;
    expect(images().run[0]).toMatchObject({ starred: true, note: "hands" });
  });

  it("puts everything back when the server refuses the note", async () => {
    const { observer, images } = setup();
    const answer = deferredFetch(422, {
      error: { code: "invalid_input", message: "Invalid input", issues: [{ path: "note", message: "x" }] },
    });
    const done = observer.mutate({ imageId: "a", patch: { note: "too long" } });
    await vi.waitFor(() => expect(images().run[0]?.note).toBe("too long"));
    answer();
    await expect(done).rejects.toMatchObject({ status: 422 });
    expect(images().run[0]?.note).toBeNull();
    expect(images().compare.note).toBeNull();
  });

  it("sends a star and its undo one after the other, so the undo is the one that stays", async () => {
    const { observer, images } = setup();
    const sent: boolean[] = [];
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        const { starred } = JSON.parse(String(init.body)) as { starred: boolean };
        sent.push(starred);
        if (sent.length === 1) await firstHeld;
        return new Response(JSON.stringify({ image: { ...image("a"), starred } }), { status: 200 });
      }),
    );
    const star = observer.mutate({ imageId: "a", patch: { starred: true } });
    const undo = observer.mutate({ imageId: "a", patch: { starred: false } });
    await vi.waitFor(() => expect(sent).toEqual([true]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([true]);
    releaseFirst();
    await Promise.all([star, undo]);
    expect(sent).toEqual([true, false]);
    expect(images().run[0]?.starred).toBe(false);
  });
});
