import type { ImageView, JobView, RunView } from "@/lib/api/views";

/** One image the lightbox can show, with the job and run it came from. */
export interface LightboxItem {
  image: ImageView;
  job: JobView;
  run: RunView;
  position: number;
}
