import { compareImagesQuerySchema, patchImageBodySchema } from "../image-requests";
import { INPUT_CONTENT_TYPES, signedInputQuerySchema } from "../input-requests";
import { compareImagesViewSchema, imagePatchResponseSchema } from "../review-views";
import { createInputResponseSchema, modelsResponseSchema, spendViewSchema } from "../views";
import { attachmentHeaders, binary, fileOf, idParameter, type OperationSpec } from "./operation";

/** The inputs, images, models and spend routes, as the OpenAPI document describes them. */

const imageId = idParameter("id", "The image's id.");

export const LIBRARY_OPERATIONS: OperationSpec[] = [
  {
    id: "createInput",
    method: "post",
    path: "/api/inputs",
    tag: "Inputs",
    summary: "Upload an image to edit, or make one of a stored result",
    description:
      "The raw image as the body, multipart/form-data field `file`, or JSON `{ fromImageId }`. Over 10 MB `413`; a type other than PNG, JPEG, WebP or GIF (sniffed from the bytes) `415`; over 40 megapixels or under 64 px a side `422`. Stored re-encoded without metadata.",
    access: "session",
    bodyContent: {
      "application/json": { schema: { $ref: "#/components/schemas/CreateInputFromImageBody" } },
      "multipart/form-data": { schema: { type: "object", properties: { file: binary }, required: ["file"] } },
      ...Object.fromEntries(INPUT_CONTENT_TYPES.map((type) => [type, { schema: binary }])),
    },
    responses: { 201: { description: "The input.", json: createInputResponseSchema } },
    errors: [
      "bad_request",
      "payload_too_large",
      "unsupported_media_type",
      "invalid_input",
      "insufficient_storage",
    ],
  },
  {
    id: "getInputFile",
    method: "get",
    path: "/api/inputs/{id}/file",
    tag: "Inputs",
    summary: "An input's image for the provider a job sent it to (public, signed, expiring)",
    description:
      "The URL a provider that fetches inputs by URL is given (under PUBLIC_URL): an HMAC of the id and `expires`, valid until the job's deadline plus 15 minutes. `403 forbidden` when expired or not signed, never the image.",
    access: "public",
    parameters: [idParameter("id", "The input's id.")],
    query: signedInputQuerySchema,
    responses: { 200: { description: "The image.", content: fileOf("image/*") } },
    errors: ["forbidden", "not_found"],
  },
  {
    id: "listModels",
    method: "get",
    path: "/api/models",
    tag: "Models",
    summary: "The catalog: parameter JSON Schema and defaults per model, availability from the environment",
    access: "session",
    responses: { 200: { description: "Every model.", json: modelsResponseSchema } },
  },
  {
    id: "getSpend",
    method: "get",
    path: "/api/spend",
    tag: "Models",
    summary: "Today's spend (UTC), the daily budget if one is set, and whether it is simulated",
    access: "session",
    responses: { 200: { description: "Spend today.", json: spendViewSchema } },
  },
  {
    id: "compareImages",
    method: "get",
    path: "/api/images",
    tag: "Images",
    summary: "2 to 12 images with their prompt, model, params and seed, for the compare view",
    access: "session",
    query: compareImagesQuerySchema,
    responses: { 200: { description: "The images.", json: compareImagesViewSchema } },
    errors: ["not_found"],
  },
  {
    id: "patchImage",
    method: "patch",
    path: "/api/images/{id}",
    tag: "Images",
    summary: "Star an image and/or write a note on it",
    access: "session",
    parameters: [imageId],
    body: patchImageBodySchema,
    responses: { 200: { description: "The image.", json: imagePatchResponseSchema } },
    errors: ["not_found"],
  },
  {
    id: "downloadImage",
    method: "get",
    path: "/api/images/{id}/download",
    tag: "Images",
    summary: "One image as an attachment named <model>-<prompt words>-<n>.<ext>",
    access: "session",
    parameters: [imageId],
    responses: { 200: { description: "The image.", content: fileOf("image/*"), headers: attachmentHeaders } },
    errors: ["not_found"],
  },
];
