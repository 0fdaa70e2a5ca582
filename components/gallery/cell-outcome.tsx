import { AlertIcon } from "@/components/ui/icons";
import type { JobView } from "@/lib/api/views";
import { NO_SEED, NO_SEED_NOTE } from "@/lib/labels/image-details";

/** A failed job: what went wrong in plain words, the provider's technical message one click away. */
export function JobFailure({ job, compact }: { job: JobView; compact?: boolean }) {
  const message = job.error?.message ?? "The provider returned no reason.";
  return (
    <div
      role="alert"
      className="flex min-h-24 flex-col justify-center gap-1.5 rounded-lg border border-danger/25 bg-danger-soft px-3 py-3 text-danger"
    >
      <p className="flex items-center gap-2 text-sm font-semibold">
        <AlertIcon className="size-4 shrink-0" />
        Generation failed
      </p>
      <p className={compact ? "line-clamp-3 text-xs text-fg" : "text-sm leading-snug text-fg"}>
        {job.error?.summary ?? message}
      </p>
      {job.error?.summary || job.error?.code ? (
        <details className="text-[11px] text-fg-muted">
          <summary className="cursor-pointer font-medium select-none hover:text-fg">Details</summary>
          {job.error?.summary ? <p className="mt-1 break-words">{message}</p> : null}
          {job.error?.code ? <p className="font-mono">{job.error.code}</p> : null}
        </details>
      ) : null}
    </div>
  );
}

/** A canceled job, and whether the provider may still bill it (it had been sent before the cancel). */
export function JobCanceled({ job, provider }: { job: JobView; provider: string }) {
  const fallback = job.startedAt
    ? `Canceled — ${provider} may still finish the job and bill it`
    : `Canceled before it reached ${provider}, so nothing was charged`;
  return (
    <div className="flex min-h-24 flex-col justify-center gap-1.5 rounded-lg border border-line bg-surface-muted px-3 py-3">
      <p className="flex items-center gap-2 text-sm font-semibold text-fg">
        <AlertIcon className="size-4 shrink-0" />
        Canceled
      </p>
      <p className="text-xs leading-snug text-fg-muted">
        {job.error?.summary ?? job.error?.message ?? fallback}
      </p>
    </div>
  );
}

/** While a step is being retried, say so instead of a bare "Running". */
export function RetryNote({ note }: { note: string }) {
  return (
    <p
      role="status"
      className="mb-1.5 rounded-md bg-warning-soft px-2 py-1 text-[11px] leading-snug text-warning"
    >
      {note}
    </p>
  );
}

/** The seed the job sent, and the prompt the provider says it really used. */
export function JobSeedLine({ job, provider }: { job: JobView; provider: string }) {
  return (
    <>
      {job.seed === null ? (
        <span className="text-[11px] text-fg-subtle" title={NO_SEED_NOTE}>
          {NO_SEED}
        </span>
      ) : (
        <span className="text-[11px] text-fg-subtle tabular-nums">Seed {job.seed}</span>
      )}
      {job.revisedPrompt ? (
        <p className="line-clamp-3 text-[11px] leading-snug text-fg-muted" title={job.revisedPrompt}>
          Prompt rewritten by {provider}: {job.revisedPrompt}
        </p>
      ) : null}
    </>
  );
}
