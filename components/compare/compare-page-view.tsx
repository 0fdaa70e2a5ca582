"use client";

import { useState } from "react";
import { DetailPicks } from "@/components/picks/detail-picks";
import { Button } from "@/components/ui/button";
import type { CompareImageView } from "@/lib/api/review-views";
import { useCompareImages } from "@/lib/hooks/use-compare-images";
import { useModels } from "@/lib/hooks/use-models";
import { paramLabelsOf } from "@/lib/labels/params";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";
import { toCompareItem } from "./compare-items";
import type { CompareItem } from "./compare-panel";
import { CompareView } from "./compare-view";

/** The input image of the first compared image's run that has one, as a side of its own. */
function inputItem(images: CompareImageView[]): CompareItem | null {
  const input = images.find((entry) => entry.inputs.length > 0)?.inputs[0];
  return input ? { ...input, id: `input:${input.id}`, title: "Input image", details: [] } : null;
}

/**
 * The signed-in compare view: loads the 2–12 images with their model, parameters and seed. For an
 * edit, "Input as a side" puts the run's input image first (before vs after), in place of the last
 * image; `withInput` starts with it in.
 */
export function ComparePageView({ ids, withInput = false }: { ids: string[]; withInput?: boolean }) {
  const query = useCompareImages(ids);
  const models = useModels().data?.models;
  const [inputIn, setInputIn] = useState(withInput);
  if (ids.length < 2 || ids.length > MAX_COMPARED_IMAGES) {
    return <p className="text-sm text-fg-muted">Pick 2 to {MAX_COMPARED_IMAGES} images to compare.</p>;
  }
  if (query.error) return <p className="text-sm text-danger">{query.error.message}</p>;
  if (!query.data) return <p className="text-sm text-fg-muted">Loading images…</p>;
  const images = new Map(query.data.images.map((entry) => [entry.image.id, entry.image]));
  const fields = new Map(models?.map((model) => [model.id, model.fields]));
  const outputs = query.data.images.map((view) =>
    toCompareItem(view, paramLabelsOf(fields.get(view.modelId), view.params)),
  );
  const input = inputItem(query.data.images);
  const items = input && inputIn ? [input, ...outputs.slice(0, -1)] : outputs;
  return (
    <CompareView
      items={items}
      toolbar={
        input ? (
          <Button size="sm" aria-pressed={inputIn} onClick={() => setInputIn((value) => !value)}>
            Input as a side
          </Button>
        ) : null
      }
      picks={(item) => {
        const image = images.get(item.id);
        return image ? <DetailPicks image={image} name={item.title} editor="dialog" /> : null;
      }}
    />
  );
}
