import { describe, expect, it } from "vitest";
import type { ReviewView } from "@/lib/api/review-views";
import type { GalleryView, ImageView, JobView } from "@/lib/api/views";
import { galleryImages, galleryModelIds, jobParamLabels } from "./share-labels";

const image = (id: string) => ({ id, width: 1, height: 1 }) as ImageView;
const job = (id: string, modelId: string, params: Record<string, unknown>) =>
  ({ id, modelId, params, images: [image(`${id}-image`)] }) as unknown as JobView;

function gallery(jobs: JobView[], review: ReviewView | null = null): GalleryView {
  const runs = jobs.length
    ? [{ id: "run", prompt: "p", jobs } as unknown as GalleryView["runs"][number]]
    : [];
  return { slug: "s", title: "t", note: null, createdAt: "", expiresAt: null, runs, review };
}

describe("share labels", () => {
  it("reads parameters as their schema names them, and names a gone model's keys in words", () => {
    const labels = jobParamLabels(
      gallery([
        job("a", "shortapi/flux-1.0", { aspect_ratio: "16:9" }),
        job("b", "gone/model", { steps: 8, style: { x: 1 } }),
      ]),
    );
    expect(labels.a).toContainEqual({ key: "aspect_ratio", title: "Aspect ratio", value: "16:9" });
    expect(labels.b).toEqual([
      { key: "steps", title: "Steps", value: "8" },
      { key: "style", title: "Style", value: '{"x":1}' },
    ]);
  });

  it("names no model of a blind review before the reveal, and counts its options' images", () => {
    const review = {
      blind: true,
      revealed: false,
      open: true,
      round: 1,
      invite: null,
      prompts: [
        {
          key: "k",
          prompt: "p",
          options: [{ label: "A", image: image("x") }],
          inputs: [],
          pickedImageId: null,
          none: false,
          comment: null,
        },
      ],
      comment: null,
      reviewerName: null,
      tally: null,
    } satisfies ReviewView;
    const blind = gallery([], review);
    expect(galleryModelIds(blind)).toEqual([]);
    expect(galleryImages(blind).map((shown) => shown.id)).toEqual(["x"]);
    const plain = gallery([job("a", "shortapi/flux-1.0", {})]);
    expect(galleryModelIds(plain)).toEqual(["shortapi/flux-1.0"]);
    expect(galleryImages(plain).map((shown) => shown.id)).toEqual(["a-image"]);
  });
});
