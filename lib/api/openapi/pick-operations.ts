import { listPicksQuerySchema, pickSelectionQuerySchema, reorderPicksBodySchema } from "../pick-requests";
import { pickListViewSchema, scorecardViewSchema } from "../board-views";
import { scorecardQuerySchema } from "../scorecard-requests";
import { attachmentHeaders, fileOf, type OperationSpec } from "./operation";

/** The picks board's and the scorecard's routes, as the OpenAPI document describes them. */

export const PICK_OPERATIONS: OperationSpec[] = [
  {
    id: "listPicks",
    method: "get",
    path: "/api/picks",
    tag: "Picks",
    summary: "Every starred image across runs, in board order",
    description:
      "Filtered by prompt words (`q`), `model` and `since` (a day or an ISO instant); keyset pages.",
    access: "session",
    query: listPicksQuerySchema,
    responses: { 200: { description: "One page of picks.", json: pickListViewSchema } },
  },
  {
    id: "orderPicks",
    method: "put",
    path: "/api/picks/order",
    tag: "Picks",
    summary: "These picks in this order, among the places they hold on the board",
    access: "session",
    body: reorderPicksBodySchema,
    responses: { 204: { description: "Ordered." } },
  },
  {
    id: "getPicksContactSheet",
    method: "get",
    path: "/api/picks/contact-sheet",
    tag: "Picks",
    summary: "A selection of the board as one PNG, in the order given",
    description:
      "Drawn once for every request for the same selection meanwhile, at most two sheets at once per instance; `503` with `Retry-After` when no renderer frees up within 20 s.",
    access: "session",
    query: pickSelectionQuerySchema,
    responses: {
      200: { description: "The contact sheet.", content: fileOf("image/png"), headers: attachmentHeaders },
    },
  },
  {
    id: "downloadPicks",
    method: "get",
    path: "/api/picks/download",
    tag: "Picks",
    summary:
      "A selection of the board, in the order given, with manifest.json (and its contact sheet), as a ZIP",
    description:
      "The contact sheet (up to 48 picks) is drawn before the first byte under the contact sheet's render limit: `503` with `Retry-After` when busy, never a ZIP cut short.",
    access: "session",
    query: pickSelectionQuerySchema,
    responses: {
      200: { description: "The archive.", content: fileOf("application/zip"), headers: attachmentHeaders },
    },
  },
  {
    id: "getScorecard",
    method: "get",
    path: "/api/scorecard",
    tag: "Picks",
    summary:
      "Per model and configuration: runs, images, time to first image, failures, cost, stars, win rate in reviews",
    description:
      "Of the runs whose prompts match `q`, since `since` (a day or an ISO instant). Win rates come with a 95 % Wilson interval over pairwise outcomes from review ballots.",
    access: "session",
    query: scorecardQuerySchema,
    responses: { 200: { description: "The scorecard.", json: scorecardViewSchema } },
  },
];
