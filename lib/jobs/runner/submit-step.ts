import "server-only";
import type { JobRow } from "@/lib/db/schema";
import { findModel } from "@/lib/models/catalog";
import type { ImageProvider } from "@/lib/providers/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import { inputReferences } from "../input-references";
import { jobTransitions } from "./job-transitions";
import {
  applyDecision,
  errorCode,
  failJob,
  policyContext,
  withTimeout,
  type StepContext,
  type StepOutcome,
} from "./step-context";
import { decideSubmitError } from "./step-policy";

/**
 * Sends the create request. The job is marked as submitting first, so a crash while the request is
 * out is never followed by a second (paid) create.
 */
export async function submitStep(
  job: JobRow,
  provider: ImageProvider,
  context: StepContext,
): Promise<StepOutcome> {
  const model = findModel(job.modelId);
  const { prompt } = job;
  if (!model) {
    return failJob(
      job,
      { code: "unknown_model", message: `${job.modelId}: this model is no longer offered`, charged: false },
      context,
    );
  }
  let inputImages: string[];
  try {
    inputImages = await inputReferences(
      context.db,
      context.blobStore,
      job.runId,
      model,
      providerDescriptor(job.providerId).inputTransport,
      // The deadline `submitting` is about to set: the provider may fetch the inputs until then.
      job.deadlineAt ?? new Date(context.now().getTime() + context.deadlineMs),
    );
  } catch (error) {
    if (errorCode(error) !== "needs_public_url") throw error;
    const message = `${model.name} ${(error as Error).message}`;
    return failJob(job, { code: "needs_public_url", message, charged: false }, context);
  }
  const marked = await context.write(job, jobTransitions.submitting(job, context.now(), context.deadlineMs));
  if (!marked) return { changes: {}, continueNow: false };
  try {
    const result = await withTimeout(
      provider.submit({
        modelId: job.modelId,
        prompt,
        params: job.params,
        callbackUrl: context.callbackUrl?.(job),
        inputImages,
      }),
      context.submitTimeoutMs,
    );
    const now = context.now();
    if (result.state === "done") {
      return {
        changes: jobTransitions.outputsReady(marked, now, result.outputs, result.costUsd, {
          providerJobId: result.providerJobId,
          revisedPrompt: result.revisedPrompt,
        }),
        continueNow: true,
        providerAnswered: true,
      };
    }
    const firstPoll = new Date(now.getTime() + context.pollSchedule(provider.id).initialMs);
    return {
      changes: jobTransitions.accepted(marked, now, result, firstPoll),
      continueNow: false,
      providerAnswered: true,
    };
  } catch (error) {
    const decision = decideSubmitError(error, policyContext(marked, context));
    if (decision.kind === "fail" && decision.failure.code === "submit_outcome_unknown") {
      context.log.warn("Submit outcome unknown", { jobId: job.id, error });
    }
    return applyDecision(job, decision, context, "Submit refused, retrying", { code: errorCode(error) });
  }
}
