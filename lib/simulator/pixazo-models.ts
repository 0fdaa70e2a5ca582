import { PIXAZO_IMAGE_SIZES, type PixazoImageSize } from "@/lib/models/sizes";
import type { PixazoModelId } from "@/lib/providers/pixazo/wire";
import type { ImageFormat } from "./image-render";
import { isPlainObject } from "./http-utils";
import { sizeLike } from "./input-images";
import type { SimJob } from "./saved-state";
import {
  boolean,
  type FieldRules,
  findProblem,
  httpUrl,
  integer,
  numberIn,
  oneOf,
  shortText,
  text,
} from "./validate";

/**
 * What the gateway checks and makes of each model (docs/providers.md §3, providers-edit.md §4); its
 * submit path comes from the adapter's wire.ts.
 */
export interface PixazoModel {
  label: string;
  /** The body's prompt and input image URLs, or what is wrong with it. */
  read(body: Record<string, unknown>): { prompt: string; images: string[] } | string;
  /** What a successful job makes; an edit's size follows its input. */
  output(
    body: Record<string, unknown>,
    input?: SimJob["input"],
  ): { width: number; height: number; count: number; format: ImageFormat };
}

const IMAGE_SIZES = Object.keys(PIXAZO_IMAGE_SIZES);
const OUTPUT_FORMATS = ["png", "jpeg", "webp"];

/** A text-to-image model: flat fields next to the prompt. */
function fieldsModel(label: string, rules: FieldRules): PixazoModel {
  return {
    label,
    read: (body) => findProblem(body, rules) ?? { prompt: String(body.prompt), images: [] },
    output: (body) => ({
      ...PIXAZO_IMAGE_SIZES[body.image_size as PixazoImageSize],
      count: Number(body.num_images ?? 1),
      format: (body.output_format ?? "png") as ImageFormat,
    }),
  };
}

/**
 * Qwen Image Edit's DashScope-shaped body: `{model, input: {messages: [{role: "user", content:
 * [{image}, {text}]}]}, parameters}`; one input image URL [our reading of the page].
 */
function messagesModel(label: string, wireModel: string, parameterRules: FieldRules): PixazoModel {
  return {
    label,
    read(body) {
      const { model, input, parameters = {}, ...rest } = body;
      const extra = Object.keys(rest)[0];
      if (extra) return `${extra} is not a supported parameter`;
      if (model !== wireModel) return `model must be ${wireModel}`;
      const messages = isPlainObject(input) ? input.messages : undefined;
      const message = Array.isArray(messages) && messages.length === 1 ? messages[0] : undefined;
      const content = isPlainObject(message) && message.role === "user" ? message.content : undefined;
      if (!Array.isArray(content) || content.length !== 2) {
        return "input.messages must hold one user message with one {image} and one {text} item";
      }
      const [image, prompt] = content as unknown[];
      if (!isPlainObject(image) || httpUrl(image.image))
        return "input.messages[0].content[0].image must be an http(s) URL";
      if (!isPlainObject(prompt) || text(prompt.text))
        return "input.messages[0].content[1].text must be a non-empty string";
      if (!isPlainObject(parameters)) return "parameters must be an object";
      return (
        findProblem(parameters, parameterRules) ?? {
          prompt: String(prompt.text),
          images: [String(image.image)],
        }
      );
    },
    output: (_body, input) => ({
      ...(input ? sizeLike(input) : { width: 1024, height: 1024 }),
      count: 1,
      format: "png",
    }),
  };
}

export const PIXAZO_MODELS: Record<PixazoModelId, PixazoModel> = {
  "z-image-turbo-834": fieldsModel("Z-Image Turbo · pixazo", {
    prompt: { required: true, check: text },
    image_size: { required: true, check: oneOf(IMAGE_SIZES) },
    num_inference_steps: { check: integer(1, 50) },
    num_images: { check: integer(1, 4) },
    enable_safety_checker: { check: boolean },
    output_format: { check: oneOf(OUTPUT_FORMATS) },
    acceleration: { check: oneOf(["none"]) },
  }),
  "z-image-base": fieldsModel("Z-Image Base · pixazo", {
    prompt: { required: true, check: text },
    image_size: { required: true, check: oneOf(IMAGE_SIZES) },
    num_inference_steps: { check: integer(10, 100) },
    guidance_scale: { check: numberIn(1, 20) },
    num_images: { check: integer(1, 4) },
    enable_safety_checker: { check: boolean },
    output_format: { check: oneOf(OUTPUT_FORMATS) },
    acceleration: { check: oneOf(["regular", "fast", "ultra_fast"]) },
  }),
  "qwen-image-edit": messagesModel("Qwen Image Edit · pixazo", "qwen-image-edit", {
    negative_prompt: { check: shortText(500) },
    watermark: { check: boolean },
  }),
};
