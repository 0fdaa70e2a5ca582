import type { ReviewResultsView } from "@/lib/api/review-views";
import { csvCell } from "./tally";

/**
 * The ballots as CSV: one row per ballot and prompt (a prompt the reviewer skipped has an empty
 * pick), with the picked image's model and configuration, "None of these", the comment on that
 * prompt and the ballot's overall comment.
 */
export function ballotsCsv(results: ReviewResultsView): string {
  const rows = [
    [
      "ballot",
      "reviewer",
      "source",
      "invite",
      "excluded",
      "prompt",
      "image",
      "model",
      "configuration",
      "none_of_these",
      "prompt_comment",
      "comment",
    ],
  ];
  for (const ballot of results.ballots) {
    for (const prompt of results.prompts) {
      const pick = ballot.picks.find((entry) => entry.promptKey === prompt.key);
      const image = pick?.imageId ? prompt.images.find((entry) => entry.imageId === pick.imageId) : undefined;
      rows.push([
        ballot.id,
        ballot.reviewerName ?? "",
        ballot.source,
        ballot.inviteName ?? "",
        ballot.excluded ? "yes" : "no",
        prompt.prompt,
        pick?.imageId ?? "",
        image?.modelId ?? "",
        image?.label ?? "",
        pick?.none ? "yes" : "no",
        pick?.comment ?? "",
        ballot.comment ?? "",
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
