import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedGallery } from "@/components/share/shared-gallery";
import { namesInContext } from "@/components/gallery/format";
import { buttonClasses } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { loadGallery } from "@/lib/galleries/load-gallery";
import { publicUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export async function generateMetadata({ params }: PageProps<"/g/[slug]">): Promise<Metadata> {
  const gallery = await loadGallery((await params).slug);
  const base = publicUrl();
  const shared = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;
  if (!gallery) return { ...shared, title: "Not found" };
  const imageCount = gallery.runs.reduce(
    (total, run) => total + run.jobs.reduce((sum, job) => sum + job.images.length, 0),
    0,
  );
  const description = gallery.note ?? `${imageCount} images compared side by side in Prism.`;
  return {
    ...shared,
    ...(base ? { metadataBase: new URL(base) } : {}),
    title: gallery.title,
    description,
    openGraph: { title: gallery.title, description, type: "website", siteName: "Prism" },
    twitter: { card: "summary_large_image", title: gallery.title, description },
  };
}

export default async function SharePage({ params }: PageProps<"/g/[slug]">) {
  const gallery = await loadGallery((await params).slug);
  if (!gallery) notFound();
  const jobs = gallery.runs.flatMap((run) => run.jobs);
  const imageCount = jobs.reduce((total, job) => total + job.images.length, 0);
  const models = [...namesInContext(jobs.map((job) => job.modelId)).values()];

  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-8 px-4 py-6 sm:px-6 lg:py-10">
      <header className="flex flex-col gap-4 border-b border-line pb-6 md:flex-row md:items-end md:justify-between">
        <div className="grid max-w-3xl gap-2">
          <p className="text-xs font-medium text-accent">Shared gallery</p>
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{gallery.title}</h1>
          {gallery.note ? (
            <p className="text-[15px] leading-relaxed text-fg-muted whitespace-pre-wrap">{gallery.note}</p>
          ) : null}
          <p className="text-xs text-fg-subtle">
            {imageCount} {imageCount === 1 ? "image" : "images"} · {models.join(", ")} ·{" "}
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
      <SharedGallery gallery={gallery} />
    </main>
  );
}
