import type { SimulatedProvider } from "./faults";
import type { ImageSpec } from "./image-render";
import type { JobOutcome } from "./outcomes";

/**
 * The simulator's data that survives a restart (persistence.ts saves it): jobs and issued image
 * URLs. Plain data in a module of its own, so the stores and the file format need not import
 * each other.
 */

export const JOB_PHASES = ["queued", "running", "done"] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

/** A simulated async job: plain data, so it can be saved and resumed across restarts. */
export interface SimJob {
  id: string;
  modelId: string;
  /** What the client asked for: shortapi's `args`, pixazo's request body. */
  params: Record<string, unknown>;
  outcome: JobOutcome;
  phase: JobPhase;
  createdAt: Date;
  /** When the job entered its current phase. */
  updatedAt: Date;
  completedAt: Date | null;
  /** Issued when the job succeeds. */
  imageUrls: string[];
  /** An edit's input the outputs derive from (ImageSpec.input), read when the job was created. */
  input?: { thumbnail: string; width: number; height: number };
  /** Why the job fails, when not the outcome's usual reason (an input it could not fetch). */
  failure?: string;
  /** Where the terminal state is POSTed (shortapi callback_url, pixazo X-Webhook-URL). */
  callbackUrl?: string;
  /** Delivery ended (answered or given up); until then a restart sends the callback again. */
  callbackSettled: boolean;
}

export interface IssuedImage {
  spec: ImageSpec;
  issuedAt: number;
  expiresAt: number;
  contentType: string;
}

/** What survives a restart: the issued tokens (oldest first) and the expire-all marker. */
export interface ImageStoreState {
  issued: [token: string, image: IssuedImage][];
  expiredBefore: number;
}

export interface SavedState {
  images: ImageStoreState;
  /** Each asynchronous provider's jobs (a synchronous one, like DashScope, keeps none). */
  jobs: Partial<Record<SimulatedProvider, SimJob[]>>;
}
