import { z } from "zod";

/** Isomorphic: the answers of the probes, the session and the provider callback. */

const storageHealthSchema = z
  .object({ writable: z.boolean(), reason: z.string().optional() })
  .meta({ description: "Whether images can be stored now; `reason` says why not, in words for a person." });

/** GET /api/health. */
export const healthViewSchema = z.object({ ok: z.literal(true), storage: storageHealthSchema });

/** GET /api/ready. */
export const readyViewSchema = healthViewSchema.extend({
  boot: z
    .object({
      database: z.boolean().meta({ description: "Opened and migrated." }),
      changeFeed: z.boolean().meta({ description: "Listening for other instances' changes." }),
      runner: z.boolean().meta({ description: "Claiming jobs." }),
    })
    .meta({ description: "What the boot has done." }),
  configuration: z
    .object({
      warnings: z.array(z.string()).meta({
        description: "How this instance differs from the others, one line each; empty when they agree.",
      }),
      jobsLeftForOthers: z.int().meta({
        description:
          "Unfinished jobs accepted for provider endpoints this instance lacks: left to those that have them.",
      }),
    })
    .meta({ description: "This instance compared with the others on the same database (it keeps serving)." }),
  requestHook: z
    .union([
      z.object({ active: z.literal(true) }),
      z.object({ active: z.literal(false), reason: z.string() }),
    ])
    .meta({ description: "Whether the request hook that refuses odd requests passed its boot probe." }),
});

/** GET /api/session. */
export const sessionViewSchema = z.object({
  accessControl: z
    .boolean()
    .meta({ description: "PRISM_ACCESS_TOKEN is set: the API needs a session or a bearer token." }),
  signedIn: z.boolean(),
});

/** POST /api/session with a JSON body. */
export const signInResponseSchema = z.object({ signedIn: z.literal(true) });

/** POST /api/callbacks/:token. */
export const callbackResponseSchema = z.object({ ok: z.literal(true) });

export type HealthView = z.output<typeof healthViewSchema>;
export type ReadyView = z.output<typeof readyViewSchema>;
export type SessionView = z.output<typeof sessionViewSchema>;
