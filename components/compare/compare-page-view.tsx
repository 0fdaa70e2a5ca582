"use client";

import { DetailPicks } from "@/components/picks/detail-picks";
import { useCompareImages } from "@/lib/hooks/use-compare-images";
import { toCompareItem } from "./compare-items";
import { CompareView } from "./compare-view";

/** The signed-in compare view: loads the 2–4 images with their model, parameters and seed. */
export function ComparePageView({ ids }: { ids: string[] }) {
  const query = useCompareImages(ids);
  if (ids.length < 2 || ids.length > 4) {
    return <p className="text-sm text-fg-muted">Pick 2 to 4 images to compare.</p>;
  }
  if (query.error) return <p className="text-sm text-danger">{query.error.message}</p>;
  if (!query.data) return <p className="text-sm text-fg-muted">Loading images…</p>;
  const images = new Map(query.data.images.map((entry) => [entry.image.id, entry.image]));
  return (
    <CompareView
      items={query.data.images.map(toCompareItem)}
      picks={(item) => {
        const image = images.get(item.id);
        return image ? <DetailPicks image={image} name={item.title} editor="dialog" /> : null;
      }}
    />
  );
}
