import { z } from "zod";

/** One problem with one field of a request, e.g. { path: "models.0.params.num_images", message }. */
export const apiIssueSchema = z.object({
  path: z.string().meta({ description: "Dotted field path." }),
  message: z.string(),
});

/** The one error envelope every route returns. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: "Stable, machine-readable: `invalid_input`, `rate_limited`, …" }),
    message: z.string().meta({ description: "For a person, safe to show." }),
    issues: z.array(apiIssueSchema).optional().meta({ description: "One per invalid field (422)." }),
  }),
});

export type ApiIssue = z.output<typeof apiIssueSchema>;
export type ErrorEnvelope = z.output<typeof errorEnvelopeSchema>;
