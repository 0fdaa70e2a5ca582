/**
 * Display names as plain data, apart from the definitions and their zod schemas: pages that only
 * label results (share page, history, the header) import this and ship no zod to the browser (a lint
 * rule in eslint.config.mjs refuses them the catalog and the request schemas).
 */
export const MODEL_NAMES = {
  "shortapi/z-image": "Z-Image",
  "shortapi/flux-1.0": "FLUX.1",
  "shortapi/gpt-image-2": "GPT Image 2",
  "pixazo/z-image-turbo": "Z-Image Turbo",
  "pixazo/z-image-base": "Z-Image Base",
  "dashscope/z-image-turbo": "Z-Image Turbo",
} as const satisfies Record<string, string>;
