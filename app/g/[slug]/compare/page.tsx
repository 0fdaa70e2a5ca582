import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { galleryCompareInput, galleryCompareItems } from "@/components/compare/gallery-compare-items";
import { CompareWithInput } from "@/components/compare/compare-with-input";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";
import { jobParamLabels } from "@/lib/views/share-labels";
import { loadGallery } from "../load-gallery";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare", robots: { index: false, follow: false } };

export default async function ShareComparePage({ params, searchParams }: PageProps<"/g/[slug]/compare">) {
  const gallery = await loadGallery((await params).slug);
  if (!gallery) notFound();
  const { images, input } = await searchParams;
  const ids = [...new Set((typeof images === "string" ? images : "").split(",").filter(Boolean))].slice(
    0,
    MAX_COMPARED_IMAGES,
  );
  const items = galleryCompareItems(gallery, ids, jobParamLabels(gallery));
  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-3 px-4 py-4 sm:px-6">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">Compare · {gallery.title}</h1>
        <Link href={`/g/${encodeURIComponent(gallery.slug)}`} className="text-sm text-accent underline">
          Back to the gallery
        </Link>
      </div>
      {items.length >= 2 ? (
        <CompareWithInput items={items} input={galleryCompareInput(gallery, ids)} withInput={input === "1"} />
      ) : (
        <p className="text-sm text-fg-muted">
          Pick 2 to {MAX_COMPARED_IMAGES} images of this gallery to compare.
        </p>
      )}
    </main>
  );
}
