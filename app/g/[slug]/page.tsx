import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LazyReviewGallery } from "@/components/review/lazy-review-gallery";
import { SharedGallery } from "@/components/share/shared-gallery";
import { namesInContext } from "@/lib/labels/names";
import { buttonClasses } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import type { GalleryView } from "@/lib/api/views";
import { acceptInviteOnVisit, loadGallery } from "./load-gallery";
import { galleryImages, galleryModelIds, jobParamLabels } from "@/lib/views/share-labels";

export const dynamic = "force-dynamic";

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export async function generateMetadata({ params }: PageProps<"/g/[slug]">): Promise<Metadata> {
  const gallery = await loadGallery((await params).slug);
  const shared = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;
  if (!gallery) return { ...shared, title: "Not found" };
  const imageCount = galleryImages(gallery).length;
  const description = gallery.note ?? `${imageCount} images compared side by side in Prism.`;
  return {
    ...shared,
    title: gallery.title,
    description,
    openGraph: { title: gallery.title, description, type: "website", siteName: "Prism" },
    twitter: { card: "summary_large_image", title: gallery.title, description },
  };
}

/** Parameters as labels by image id, for the review's options (runs are empty in a blind review). */
function paramsByImage(gallery: GalleryView, byJob: ReturnType<typeof jobParamLabels>) {
  return Object.fromEntries(
    gallery.runs.flatMap((run) =>
      run.jobs.flatMap((job) => job.images.map((image) => [image.id, byJob[job.id] ?? []])),
    ),
  );
}

function eyebrow(gallery: GalleryView): string {
  if (!gallery.review) return "Shared gallery";
  const round = gallery.review.round > 1 ? ` · round ${gallery.review.round}` : "";
  if (gallery.review.blind && !gallery.review.revealed) return `Blind review${round} · pick your favourites`;
  return gallery.review.revealed
    ? `Review${round} · results revealed`
    : `Review${round} · pick your favourites`;
}

export default async function SharePage({ params, searchParams }: PageProps<"/g/[slug]">) {
  const { slug } = await params;
  await acceptInviteOnVisit(slug, (await searchParams).invite);
  const gallery = await loadGallery(slug);
  if (!gallery) notFound();
  const imageCount = galleryImages(gallery).length;
  const models = [...namesInContext(galleryModelIds(gallery)).values()];
  const labels = jobParamLabels(gallery);
  const { review } = gallery;

  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-8 px-4 py-6 sm:px-6 lg:py-10">
      <header className="flex flex-col gap-4 border-b border-line pb-6 md:flex-row md:items-end md:justify-between">
        <div className="grid max-w-3xl gap-2">
          <p className="text-xs font-medium text-accent">{eyebrow(gallery)}</p>
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{gallery.title}</h1>
          {gallery.note ? (
            <p className="text-[15px] leading-relaxed text-fg-muted whitespace-pre-wrap">{gallery.note}</p>
          ) : null}
          {review?.invite ? (
            <p className="text-sm text-fg">
              You were invited as {review.invite.name}: your picks count once.
            </p>
          ) : null}
          {review && !review.open ? (
            <p className="text-sm text-fg">
              Voting on this review is closed.
              {review.tally
                ? ` ${review.tally.ballots} ${review.tally.ballots === 1 ? "person has" : "people have"} voted.`
                : null}
            </p>
          ) : null}
          {review?.open ? (
            <p className="text-sm text-fg-muted">
              Pick the image you like best for each prompt, or “None of these”, then send your picks.
              {review.blind && !review.revealed
                ? " Which model made which image stays hidden until the owner reveals it."
                : null}
              {review.tally
                ? ` ${review.tally.ballots} ${review.tally.ballots === 1 ? "person has" : "people have"} voted.`
                : null}
            </p>
          ) : null}
          <p className="text-xs text-fg-subtle">
            {imageCount} {imageCount === 1 ? "image" : "images"}
            {models.length > 0 ? ` · ${models.join(", ")}` : null} ·{" "}
            <time dateTime={gallery.createdAt}>{DATE.format(new Date(gallery.createdAt))}</time>
          </p>
        </div>
        <a
          href={`/api/galleries/${encodeURIComponent(gallery.slug)}/download`}
          download
          className={buttonClasses("secondary", "md", "self-start md:self-auto")}
        >
          <DownloadIcon />
          Download all (ZIP)
        </a>
      </header>
      {review ? (
        <LazyReviewGallery
          slug={gallery.slug}
          review={review}
          paramsByImage={paramsByImage(gallery, labels)}
        />
      ) : (
        <SharedGallery gallery={gallery} paramLabels={labels} />
      )}
    </main>
  );
}
