import { z } from "zod";
import { sinceSchema } from "./pick-requests";

/** Isomorphic: GET /api/scorecard?q=&since= — the scorecard of the runs whose prompts match, since a date. */
export const scorecardQuerySchema = z.object({
  q: z.string().trim().max(500).optional(),
  since: sinceSchema,
});

export type ScorecardQuery = z.input<typeof scorecardQuerySchema>;
export type ScorecardInput = z.output<typeof scorecardQuerySchema>;
