"use client";

import { DetailPicks } from "@/components/picks/detail-picks";
import type { CompareImageView } from "@/lib/api/review-views";
import { useCompareImages } from "@/lib/hooks/use-compare-images";
import { useModels } from "@/lib/hooks/use-models";
import { paramLabelsOf } from "@/lib/labels/params";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";
import { inputCompareItem, toCompareItem } from "./compare-items";
import { CompareWithInput } from "./compare-with-input";

/** The input image of the first compared image's run that has one. */
function inputItem(images: CompareImageView[]) {
  const input = images.find((entry) => entry.inputs.length > 0)?.inputs[0];
  return input ? inputCompareItem(input) : null;
}

/**
 * The signed-in compare view: loads the 2–12 images with their model, parameters and seed. For an
 * edit, "Input as a side" puts the run's input image first (before vs after), in place of the last
 * image; `withInput` starts with it in.
 */
export function ComparePageView({ ids, withInput = false }: { ids: string[]; withInput?: boolean }) {
  const query = useCompareImages(ids);
  const models = useModels().data?.models;
  if (ids.length < 2 || ids.length > MAX_COMPARED_IMAGES) {
    return <p className="text-sm text-fg-muted">Pick 2 to {MAX_COMPARED_IMAGES} images to compare.</p>;
  }
  if (query.error) return <p className="text-sm text-danger">{query.error.message}</p>;
  if (!query.data) return <p className="text-sm text-fg-muted">Loading images…</p>;
  const images = new Map(query.data.images.map((entry) => [entry.image.id, entry.image]));
  const fields = new Map(models?.map((model) => [model.id, model.fields]));
  return (
    <CompareWithInput
      items={query.data.images.map((view) =>
        toCompareItem(view, paramLabelsOf(fields.get(view.modelId), view.params)),
      )}
      input={inputItem(query.data.images)}
      withInput={withInput}
      picks={(item) => {
        const image = images.get(item.id);
        return image ? <DetailPicks image={image} name={item.title} editor="dialog" /> : null;
      }}
    />
  );
}
