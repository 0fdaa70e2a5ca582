import type { RunView } from "@/lib/api/views";

/** Width ÷ height of the run's tallest image shape (1 while it has none): how tall a row of thumbnails gets. */
export function tallestRatio(run: RunView): number {
  const ratios = run.jobs.flatMap((job) => [
    job.aspectRatio,
    ...job.images.map((image) => image.width / image.height),
  ]);
  return ratios.length === 0 ? 1 : Math.min(...ratios);
}
