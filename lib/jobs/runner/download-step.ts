import "server-only";
import { newId } from "@/lib/db/ids";
import { insertImage, listImagesOfJob } from "@/lib/db/queries/images";
import type { JobRow } from "@/lib/db/schema";
import { isBlobStoreError } from "@/lib/storage/blob-store";
import { storeImage } from "../store-image";
import { jobTransitions } from "./job-transitions";
import {
  applyDecision,
  errorCode,
  failJob,
  policyContext,
  type StepContext,
  type StepOutcome,
} from "./step-context";
import { decideDownloadError } from "./step-policy";

/**
 * Images that arrive for a job canceled (or whose run was deleted) meanwhile are not kept. Their bytes may stay in the blob
 * store unreferenced: deleting them could race another job storing the same content (content
 * addressing), and losing a kept image is worse than a stray file. The runner's own write then finds
 * the job canceled and changes nothing.
 */
function dropCanceled(job: JobRow, context: StepContext): StepOutcome {
  context.log.info("Job was canceled during its download; its images are not kept", { jobId: job.id });
  return { changes: {}, continueNow: false };
}

/** The run was deleted with its jobs: there is nothing left to write to, not even the lease. */
function dropDeleted(job: JobRow, context: StepContext): null {
  context.log.info("Job's run was deleted during its download; its images are not kept", { jobId: job.id });
  return null;
}

/**
 * Downloads and stores every output not stored yet. An image is recorded only once its bytes are
 * stored, so a retry (on this runner or another) picks up exactly where this one stopped.
 */
export async function downloadStep(job: JobRow, context: StepContext): Promise<StepOutcome | null> {
  const outputs = job.providerOutputs ?? [];
  if (outputs.length === 0) {
    return failJob(
      job,
      { code: "no_images", message: `${job.providerId}: finished without returning an image` },
      context,
    );
  }
  const stored = new Set((await listImagesOfJob(context.db, job.id)).map((image) => image.index));
  try {
    for (const [index, output] of outputs.entries()) {
      if (stored.has(index)) continue;
      const bytes = await context.fetchImage(output.url, { providerId: job.providerId });
      const image = await storeImage(context.blobStore, bytes);
      const recorded = await insertImage(context.db, {
        id: newId(),
        jobId: job.id,
        runId: job.runId,
        index,
        ...image,
        createdAt: context.now(),
      });
      if (recorded === "job canceled") return dropCanceled(job, context);
      if (recorded === "job deleted") return dropDeleted(job, context);
    }
  } catch (error) {
    const decision = decideDownloadError(error, policyContext(job, context));
    if (!decision) throw error;
    // The store's own message (which store, which operation) goes to the log, not onto the job.
    if (!isBlobStoreError(error)) {
      return applyDecision(job, decision, context, "Image download failed, retrying", {
        code: errorCode(error),
      });
    }
    if (decision.kind === "fail") {
      context.log.error("Could not store an image, giving up", { jobId: job.id, reason: error.message });
    }
    return applyDecision(job, decision, context, "Could not store an image, retrying", {
      reason: error.message,
    });
  }
  return { changes: jobTransitions.succeeded(job, context.now()), continueNow: false };
}
