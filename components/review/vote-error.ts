import { ApiError } from "@/lib/http/api-client";

/** What a reviewer reads when their picks were not saved, by what the votes endpoint answered. */
export function voteErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "Your picks were not saved. Try again.";
  if (error.code === "network_error")
    return "Could not reach the server. Check your connection and send again.";
  if (error.code === "review_closed") return "Voting on this review is closed. Your picks were not saved.";
  switch (error.status) {
    case 403:
      return "This browser has no reviewer id for this link yet: reload the page, then send your picks again.";
    case 404:
      return "This link no longer works: the owner revoked it or it expired. Your picks were not saved.";
    case 409:
      return "The owner is no longer collecting picks on this link.";
    case 422:
      return error.issues.some((issue) => issue.path.startsWith("picks"))
        ? "One of your picks is no longer in this gallery. Reload the page and pick again."
        : (error.issues[0]?.message ?? error.message);
    case 429:
      return "Too many picks were sent from your network just now. Wait a minute, then send again.";
    default:
      return `Your picks were not saved: ${error.message}`;
  }
}
