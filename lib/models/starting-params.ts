import type { z } from "zod";
import { INITIAL_SHARED_SETTINGS, type ModelDefinition, type SharedSettings } from "./types";

/** Each param's default (what parsing makes of it when it is missing); nothing for the others. */
export function paramDefaults(schema: z.ZodObject): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.shape).flatMap(([name, field]) => {
      const parsed = (field as z.ZodType).safeParse(undefined);
      return parsed.success && parsed.data !== undefined ? [[name, parsed.data]] : [];
    }),
  );
}

/** What a fresh form of this model holds: each param's default, then what the shared settings map to. */
export function startingParams(
  model: ModelDefinition,
  shared: SharedSettings = INITIAL_SHARED_SETTINGS,
): Record<string, unknown> {
  return { ...paramDefaults(model.params), ...model.mapSharedSettings(shared).params };
}
