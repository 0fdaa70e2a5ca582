"use client";

import { Fragment, useMemo, useState } from "react";
import { JobImages } from "@/components/media/job-images";
import { LazyLightbox } from "@/components/media/lazy-lightbox";
import type { LightboxItem } from "@/components/media/lightbox";
import { imageSlots } from "@/components/media/run-matrix-model";
import { RunInputs } from "@/components/media/run-inputs";
import { modelLabel } from "@/lib/labels/names";
import { RenderWhenNear } from "@/components/ui/render-when-near";
import type { GalleryView, JobView } from "@/lib/api/views";
import type { ParamLabel } from "@/lib/labels/params";
import { ImageAnnotations } from "./image-annotations";

interface SharedModelCardProps {
  job: JobView;
  /** The column's label ("FLUX.1 · schnell"). */
  title: string;
  params: ParamLabel[];
  /** Image columns shared by every card of the run, so its images are drawn at one scale. */
  slots: number;
  onOpen: (imageId: string) => void;
}

function SharedModelCard({ job, title, params, slots, onOpen }: SharedModelCardProps) {
  const { provider } = modelLabel(job.modelId);
  // The seed actually sent (a random one included), so a client's favourite can be made again.
  const shown =
    job.seed === null || params.some((param) => param.key === "seed")
      ? params
      : [...params, { key: "seed", title: "Seed", value: String(job.seed) }];
  return (
    <article
      aria-label={`${title} (${provider})`}
      className="flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card"
    >
      <header className="flex items-baseline justify-between gap-3 px-4 pt-3.5 pb-3">
        <h3 className="truncate text-sm font-semibold">{title}</h3>
        <p className="truncate text-xs text-fg-subtle">{provider}</p>
      </header>
      <div className="px-3">
        <JobImages job={job} label={`${title} (${provider})`} onOpen={onOpen} slots={slots} />
      </div>
      <ImageAnnotations images={job.images} />
      <dl className="mt-auto flex flex-wrap gap-1.5 px-4 pt-3 pb-3.5">
        {shown.map((param) => (
          <div
            key={param.key}
            className="flex items-center gap-1 rounded-md bg-surface-muted px-1.5 py-0.5 text-[11px]"
          >
            <dt className="text-fg-subtle">{param.title}</dt>
            <dd className="text-fg">{param.value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

/** Below this many images every prompt is rendered at once; above it, only those near the screen. */
const WINDOWING_FROM_IMAGES = 48;
/** Prompts rendered in the server HTML of a windowed gallery: about the first screen. */
const FIRST_SCREEN_PROMPTS = 3;
/** A prompt with one row of cards of four square thumbnails, before it has been measured. */
const ESTIMATED_PROMPT_HEIGHT = 640;

/** A matrix run shares as one section per prompt (its row), each with the jobs of that row. */
function promptSections(run: GalleryView["runs"][number]) {
  const slots = imageSlots(run);
  const rows = new Map<number, JobView[]>();
  for (const job of run.jobs) rows.set(job.promptIndex, [...(rows.get(job.promptIndex) ?? []), job]);
  return [...rows].map(([promptIndex, jobs], position) => ({
    key: `${run.id}:${promptIndex}`,
    prompt: jobs[0]!.prompt,
    jobs: jobs.map((job) => ({
      job,
      title: run.configs[job.configIndex]?.label ?? modelLabel(job.modelId).name,
    })),
    slots,
    // Every row of an edit run shares its inputs: shown once, above its first prompt.
    inputs: position === 0 ? (run.inputs ?? []) : [],
  }));
}

/** The share page's body: per prompt, the models side by side, and a lightbox on the full images. */
export function SharedGallery({
  gallery,
  paramLabels,
}: {
  gallery: GalleryView;
  /** Each job's parameters as labels, by job id (made on the server: no schemas in this bundle). */
  paramLabels: Record<string, ParamLabel[]>;
}) {
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  // The lightbox's code loads when an image is first opened, not with the page.
  const [lightboxWanted, setLightboxWanted] = useState(false);
  const items = useMemo<LightboxItem[]>(
    () =>
      gallery.runs.flatMap((run) =>
        run.jobs.flatMap((job) =>
          job.images.map((image, index) => ({ image, job, run, position: index + 1 })),
        ),
      ),
    [gallery.runs],
  );
  const open = (imageId: string) => {
    setLightboxWanted(true);
    setOpenIndex(items.findIndex((item) => item.image.id === imageId));
  };
  const slug = encodeURIComponent(gallery.slug);

  return (
    <div className="grid gap-10">
      {gallery.runs.flatMap(promptSections).map(({ key, prompt, jobs, slots, inputs }, position) => {
        const section = (
          <section aria-label={`Prompt: ${prompt}`} className="@container grid gap-4">
            <RunInputs inputs={inputs} />
            <div className="grid gap-1">
              <h2 className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">Prompt</h2>
              <p className="max-w-4xl text-base leading-relaxed text-pretty whitespace-pre-wrap">{prompt}</p>
            </div>
            <ul className="grid grid-cols-1 items-start gap-4 @2xl:grid-cols-2 @[58rem]:grid-cols-3 @[96rem]:grid-cols-4">
              {jobs.map(({ job, title }) => (
                <li key={job.id}>
                  <SharedModelCard
                    job={job}
                    title={title}
                    params={paramLabels[job.id] ?? []}
                    slots={slots}
                    onOpen={open}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
        if (items.length < WINDOWING_FROM_IMAGES) return <Fragment key={key}>{section}</Fragment>;
        return (
          <RenderWhenNear
            key={key}
            estimatedHeight={ESTIMATED_PROMPT_HEIGHT}
            initiallyRendered={position < FIRST_SCREEN_PROMPTS}
          >
            {section}
          </RenderWhenNear>
        );
      })}
      {lightboxWanted ? (
        <LazyLightbox
          items={items}
          index={openIndex}
          onIndexChange={setOpenIndex}
          scope="gallery"
          params={(item) => paramLabels[item.job.id] ?? []}
          downloadHref={(item) =>
            `/api/galleries/${slug}/images/${encodeURIComponent(item.image.id)}/download`
          }
          compareHref={(ids) => `/g/${slug}/compare?images=${ids.map(encodeURIComponent).join(",")}`}
        />
      ) : null}
    </div>
  );
}
