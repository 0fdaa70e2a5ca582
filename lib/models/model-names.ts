/**
 * Display names as plain data, apart from the definitions and their zod schemas: pages that only
 * label results (share page, history, the header) import this and ship no zod to the browser (a lint
 * rule in eslint.config.mjs refuses them the catalog and the request schemas).
 */
export const MODEL_NAMES = {
  "shortapi/z-image": "Z-Image",
  "shortapi/flux-1.0": "FLUX.1",
  "shortapi/gpt-image-2": "GPT Image 2",
  "shortapi/gpt-image-2-edit": "GPT Image 2 Edit",
  "shortapi/flux-1.0-image-to-image": "FLUX.1 Image-to-Image",
  "pixazo/z-image-turbo": "Z-Image Turbo",
  "pixazo/z-image-base": "Z-Image Base",
  "pixazo/qwen-image-edit": "Qwen Image Edit",
  "dashscope/z-image-turbo": "Z-Image Turbo",
  "dashscope/qwen-image-edit-plus": "Qwen Image Edit Plus",
  "dashscope/qwen-image-edit-max": "Qwen Image Edit Max",
} as const satisfies Record<string, string>;
