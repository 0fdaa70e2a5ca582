import { parseStarSize } from "@/lib/models/sizes";
import { boolean, type FieldCheck, type FieldRules, integer, shortText } from "./validate";

/**
 * What DashScope checks of each model it serves on the multimodal-generation endpoint
 * (docs/providers.md §4), by its wire model id. The protocol (dashscope-protocol.ts) is the same for
 * every model; a new model is one entry here.
 */
export interface DashscopeModel {
  /** Printed on its simulated images. */
  label: string;
  /** How many `{image}` items the message may carry before its text (0: text-to-image only). */
  images: { min: number; max: number };
  promptMax: number;
  /** `parameters` fields it takes; anything else is refused. */
  rules: FieldRules;
  /** The size it makes when none is sent; absent: about 1024*1024 at the last input's aspect ratio. */
  defaultSize?: string;
}

const MIN_PIXELS = 512 * 512;
const MAX_PIXELS = 2048 * 2048;
const MAX_SIDE = 2048;

const starSize: FieldCheck = (value) => {
  const size = typeof value === "string" ? parseStarSize(value) : null;
  if (!size) return "must look like width*height, e.g. 1024*1024";
  const pixels = size.width * size.height;
  if (size.width > MAX_SIDE || size.height > MAX_SIDE || pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
    return "is out of range [512*512, 2048*2048] (each side at most 2048)";
  }
  return undefined;
};

const seed = { check: integer(0, 2_147_483_647) };

/** Edit models: each side 512–2048 (docs/providers-edit.md §3). */
const editSize: FieldCheck = (value) => {
  const size = typeof value === "string" ? parseStarSize(value) : null;
  if (!size) return "must look like width*height, e.g. 1024*1024";
  const inRange = (side: number) => side >= 512 && side <= 2048;
  return inRange(size.width) && inRange(size.height) ? undefined : "must have each side from 512 to 2048";
};

/** Qwen-Image-Edit Plus and Max take the same body (docs/providers-edit.md §3). */
const qwenEdit = (label: string): DashscopeModel => ({
  label,
  images: { min: 1, max: 3 },
  promptMax: 800,
  rules: {
    n: { check: integer(1, 6) },
    size: { check: editSize },
    negative_prompt: { check: shortText(500) },
    prompt_extend: { check: boolean },
    watermark: { check: boolean },
    seed,
  },
});

export const DASHSCOPE_MODELS: Record<string, DashscopeModel> = {
  "z-image-turbo": {
    label: "Z-Image Turbo · DashScope",
    images: { min: 0, max: 0 },
    promptMax: 800,
    rules: { size: { check: starSize }, prompt_extend: { check: boolean }, seed },
    // The mirrors' default (docs/providers.md Q18); adapters should always send size.
    defaultSize: "1024*1536",
  },
  "qwen-image-edit-plus": qwenEdit("Qwen Image Edit Plus · DashScope"),
  "qwen-image-edit-max": qwenEdit("Qwen Image Edit Max · DashScope"),
};

export function dashscopeModel(id: unknown): DashscopeModel | undefined {
  return typeof id === "string" && Object.hasOwn(DASHSCOPE_MODELS, id) ? DASHSCOPE_MODELS[id] : undefined;
}
