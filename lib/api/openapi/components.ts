import { z } from "zod";
import { MODELS } from "@/lib/models/catalog";
import * as board from "../board-views";
import { apiIssueSchema, errorEnvelopeSchema } from "../error-envelope";
import {
  createGalleryBodySchema,
  invitesBodySchema,
  nextRoundBodySchema,
  patchBallotBodySchema,
  patchGalleryBodySchema,
  revealBodySchema,
  voteBodySchema,
} from "../gallery-requests";
import { imageViewSchema } from "../image-view";
import { patchImageBodySchema } from "../image-requests";
import { createInputFromImageBodySchema } from "../input-requests";
import * as reviews from "../review-views";
import { reorderPicksBodySchema } from "../pick-requests";
import { createRunBodySchema } from "../run-requests";
import { signInBodySchema } from "../session-requests";
import * as status from "../status-views";
import * as views from "../views";

/**
 * The document's named schemas, made with z.toJSONSchema from the schemas the server validates
 * requests with (their input side) and types its answers with (their output side, where an object
 * takes no other properties). A schema named here is a $ref wherever another one uses it.
 */

export type JsonSchema = Record<string, unknown>;

const REQUESTS = {
  CreateRunBody: createRunBodySchema,
  CreateInputFromImageBody: createInputFromImageBodySchema,
  PatchImageBody: patchImageBodySchema,
  ReorderPicksBody: reorderPicksBodySchema,
  CreateGalleryBody: createGalleryBodySchema,
  PatchGalleryBody: patchGalleryBodySchema,
  VoteBody: voteBodySchema,
  RevealBody: revealBodySchema,
  NextRoundBody: nextRoundBodySchema,
  InvitesBody: invitesBodySchema,
  PatchBallotBody: patchBallotBodySchema,
  SignInBody: signInBodySchema,
};

const RESPONSES = {
  ErrorEnvelope: errorEnvelopeSchema,
  ApiIssue: apiIssueSchema,
  JobStatus: views.jobStatusSchema,
  ImageView: imageViewSchema,
  JobView: views.jobViewSchema,
  RunConfigView: views.runConfigViewSchema,
  InputView: views.inputViewSchema,
  RunView: views.runViewSchema,
  RunSummary: views.runSummarySchema,
  RunListView: views.runListViewSchema,
  CreateRunResponse: views.createRunResponseSchema,
  CreateInputResponse: views.createInputResponseSchema,
  JobResponse: views.jobResponseSchema,
  CodeSnippetsView: views.codeSnippetsViewSchema,
  PickView: board.pickViewSchema,
  PickListView: board.pickListViewSchema,
  WinRateView: board.winRateViewSchema,
  ScorecardConfigurationView: board.scorecardConfigurationViewSchema,
  ScorecardModelView: board.scorecardModelViewSchema,
  ScorecardView: board.scorecardViewSchema,
  ModelView: views.modelViewSchema,
  ModelsResponse: views.modelsResponseSchema,
  SpendView: views.spendViewSchema,
  GalleryView: views.galleryViewSchema,
  GallerySummary: views.gallerySummarySchema,
  GalleryListView: views.galleryListViewSchema,
  CreateGalleryResponse: views.createGalleryResponseSchema,
  ReviewView: reviews.reviewViewSchema,
  ReviewOption: reviews.reviewOptionSchema,
  ReviewPrompt: reviews.reviewPromptSchema,
  ReviewTally: reviews.reviewTallySchema,
  PromptTally: reviews.promptTallySchema,
  ModelTally: reviews.modelTallySchema,
  ConfigurationTally: reviews.configurationTallySchema,
  ImageTally: reviews.imageTallySchema,
  ReviewResultsView: reviews.reviewResultsViewSchema,
  VoteResponse: reviews.voteResponseSchema,
  BallotView: reviews.ballotViewSchema,
  BallotPickView: reviews.ballotPickViewSchema,
  Agreement: reviews.agreementSchema,
  ReviewImage: reviews.reviewImageSchema,
  InvitesResponse: reviews.invitesResponseSchema,
  NextRoundResponse: reviews.nextRoundResponseSchema,
  BallotPatchResponse: reviews.ballotPatchResponseSchema,
  CompareImageView: reviews.compareImageViewSchema,
  CompareImagesView: reviews.compareImagesViewSchema,
  ImagePatchResponse: reviews.imagePatchResponseSchema,
  HealthView: status.healthViewSchema,
  ReadyView: status.readyViewSchema,
  SessionView: status.sessionViewSchema,
  SignInResponse: status.signInResponseSchema,
  CallbackResponse: status.callbackResponseSchema,
};

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The component name of a model's parameters, e.g. ModelParams_shortapi_z-image. */
export const modelParamsName = (modelId: string) => `ModelParams_${modelId.replace(/[^A-Za-z0-9.-]/g, "_")}`;

const named = new Map<z.ZodType, string>(
  [...Object.entries(REQUESTS), ...Object.entries(RESPONSES)].map(([name, schema]) => [schema, name]),
);

/** The $ref of a named schema; throws for one the components do not hold (a mistake in the operations). */
export function refOf(schema: z.ZodType): { $ref: string } {
  const name = named.get(schema);
  if (!name)
    throw new Error(`Schema not named in lib/api/openapi/components.ts: ${schema.description ?? "?"}`);
  return schemaRef(name);
}

/** Components carry neither a dialect nor an id of their own: the document's are theirs. */
function withoutIds(schema: object): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id"));
}

function generate(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    // Refinements and transforms have no JSON Schema; the shapes they check still do.
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(Object.entries(generated).map(([id, schema]) => [id, withoutIds(schema)]));
}

/** A run's configuration per model: `modelId` fixed, `params` that model's own schema, by reference. */
function runConfigurations(base: JsonSchema): JsonSchema {
  const models = (base.properties as Record<string, JsonSchema>).models!;
  const item = models.items as JsonSchema & { properties: Record<string, JsonSchema> };
  return {
    ...models,
    items: {
      oneOf: MODELS.map((model) => ({
        ...item,
        title: model.name,
        properties: {
          ...item.properties,
          modelId: { const: model.id },
          params: schemaRef(modelParamsName(model.id)),
        },
        required: ["modelId"],
      })),
    },
  };
}

const KEYWORDS = new Set(
  "$ref type properties required additionalProperties items prefixItems enum const default minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minLength maxLength pattern format title description anyOf oneOf allOf not minItems maxItems uniqueItems examples readOnly writeOnly deprecated contentMediaType propertyNames $defs".split(
    " ",
  ),
);

/** A model's own metadata (optionLabels, …) kept as an `x-` extension: OpenAPI allows no other keyword. */
function asOpenApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asOpenApiSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === "properties" || key === "$defs") {
        const entries = Object.entries(value as object).map(([name, property]) => [
          name,
          asOpenApiSchema(property),
        ]);
        return [key, Object.fromEntries(entries)];
      }
      if (KEYWORDS.has(key))
        return [
          key,
          key === "enum" || key === "const" || key === "default" || key === "examples"
            ? value
            : asOpenApiSchema(value),
        ];
      return [`x-${key}`, value];
    }),
  );
}

/** Every named schema of the document, the parameters of every model of the catalog included. */
export function componentSchemas(): Record<string, JsonSchema> {
  const requests = generate(REQUESTS, "input");
  const createRun = requests.CreateRunBody!;
  requests.CreateRunBody = {
    ...createRun,
    properties: { ...(createRun.properties as object), models: runConfigurations(createRun) },
  };
  const parameters = Object.fromEntries(
    MODELS.map((model) => {
      const schema = withoutIds(z.toJSONSchema(model.params, { io: "input" }));
      return [
        modelParamsName(model.id),
        asOpenApiSchema({ ...schema, title: `${model.name} parameters` }) as JsonSchema,
      ];
    }),
  );
  return { ...requests, ...generate(RESPONSES, "output"), ...parameters };
}
