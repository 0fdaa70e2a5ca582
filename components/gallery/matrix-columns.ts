import type { RunConfigView, RunView } from "@/lib/api/views";

/** Width ÷ height of the run's tallest image shape (1 while it has none): how tall a row of thumbnails gets. */
export function tallestRatio(run: RunView): number {
  const ratios = run.jobs.flatMap((job) => [
    job.aspectRatio,
    ...job.images.map((image) => image.width / image.height),
  ]);
  return ratios.length === 0 ? 1 : Math.min(...ratios);
}

/**
 * Labels more than one column carries, e.g. pixazo's and DashScope's "Z-Image Turbo": where the
 * provider line under a label is left out (the contact sheet density), these need it beside them.
 */
export function ambiguousLabels(configs: readonly RunConfigView[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { label } of configs) (seen.has(label) ? repeated : seen).add(label);
  return repeated;
}
