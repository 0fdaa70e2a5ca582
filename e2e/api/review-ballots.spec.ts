import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { InvitesResponse, ReviewResultsView } from "../../lib/api/review-views";
import type { GalleryView } from "../../lib/api/views";
import { appClient } from "../../lib/testing/app-client";
import { E2E_BASE_URL } from "../support/env";

/**
 * Ballot stuffing: a reviewer id only a page visit gives, invite links with one ballot each, a cap
 * on new reviewers per address and hour, and ballots the owner can take out of the tally.
 */

test.describe.configure({ mode: "serial" });

let slug: string;
const contexts: APIRequestContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const client = appClient(E2E_BASE_URL);
  const models = await client.modelEntries({ "shortapi/flux-1.0": {}, "dashscope/z-image-turbo": {} });
  const run = await client.waitForRun(
    (await client.createRun({ prompt: "A paper crane on a desk", models })).id,
  );
  ({ slug } = await client.createGallery({ runIds: [run.id], review: { blind: true } }));
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.dispose()));
});

/** A reviewer as a browser is one: a cookie jar of its own, which the share page fills. */
async function visitor(path = `/g/${slug}`): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  contexts.push(context);
  expect((await context.get(path)).status()).toBe(200);
  return context;
}

async function firstOption(context: APIRequestContext): Promise<string> {
  const view = (await (await context.get(`/api/galleries/${slug}`)).json()) as GalleryView;
  return view.review!.prompts[0]!.options[0]!.image.id;
}

const voteWith = (context: APIRequestContext, imageId: string, headers?: Record<string, string>) =>
  context.post(`/api/galleries/${slug}/votes`, { data: { picks: [{ imageId }] }, headers });

const results = async (context: APIRequestContext) =>
  (await (await context.get(`/api/galleries/${slug}/results`)).json()) as ReviewResultsView;

test("a vote needs the signed reviewer cookie a page visit gives: none, made-up or altered ones are refused", async () => {
  const genuine = await visitor();
  const imageId = await firstOption(genuine);
  const cookie = (await genuine.storageState()).cookies.find((entry) => entry.name === "prism_reviewer")!;
  expect(cookie.value).toMatch(/^r1\.[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{43}$/);
  const [, id, signature] = cookie.value.split(".");

  const stranger = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  contexts.push(stranger);
  const forged = [
    undefined,
    "A".repeat(24),
    `r1.${"B".repeat(24)}.${signature}`,
    `r1.${id}.${"C".repeat(43)}`,
  ];
  for (const value of forged) {
    const response = await voteWith(stranger, imageId, value ? { cookie: `prism_reviewer=${value}` } : {});
    expect(response.status(), `cookie ${value}`).toBe(403);
  }
  expect((await results(stranger)).ballotCount).toBe(0);

  expect((await voteWith(genuine, imageId)).status()).toBe(200);
  expect((await results(stranger)).ballotCount).toBe(1);
});

test("an invite link counts one ballot, named; the same link in another browser is an open ballot", async () => {
  const owner = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  contexts.push(owner);
  const created = await owner.post(`/api/galleries/${slug}/invites`, { data: { names: ["Dana"] } });
  expect(created.status()).toBe(201);
  const { invites } = (await created.json()) as InvitesResponse;
  expect(invites).toEqual([{ name: "Dana", url: expect.stringMatching(new RegExp(`/g/${slug}\\?invite=`)) }]);
  const path =
    new URL(invites[0]!.url, E2E_BASE_URL).pathname + new URL(invites[0]!.url, E2E_BASE_URL).search;

  const dana = await visitor(path);
  expect((await voteWith(dana, await firstOption(dana))).status()).toBe(200);
  const other = await visitor(path);
  expect((await voteWith(other, await firstOption(other))).status()).toBe(200);

  const ballots = (await results(owner)).ballots;
  expect(ballots.filter((ballot) => ballot.source === "invite")).toEqual([
    expect.objectContaining({ source: "invite", inviteName: "Dana", excluded: false }),
  ]);
  expect(ballots.filter((ballot) => ballot.source === "open")).toHaveLength(2);
});

test("the owner excludes a ballot from the tally and counts it again", async () => {
  const owner = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  contexts.push(owner);
  const before = await results(owner);
  const target = before.ballots.find((ballot) => ballot.source === "invite")!;
  const excluded = await owner.patch(`/api/galleries/${slug}/ballots/${target.id}`, {
    data: { excluded: true },
  });
  expect(excluded.status()).toBe(200);
  const after = await results(owner);
  expect(after.ballotCount).toBe(before.ballotCount - 1);
  expect(after.ballots.find((ballot) => ballot.id === target.id)).toMatchObject({ excluded: true });
  await owner.patch(`/api/galleries/${slug}/ballots/${target.id}`, { data: { excluded: false } });
  expect((await results(owner)).ballotCount).toBe(before.ballotCount);
  expect(
    (await owner.patch(`/api/galleries/${slug}/ballots/nope`, { data: { excluded: true } })).status(),
  ).toBe(404);
});

test("one address adds at most 10 new reviewers an hour to a review; those it has keep voting", async () => {
  // Three open reviewers so far (the genuine one, and the invite link in a second browser) plus the
  // invite itself, which does not count against the address.
  const owner = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  contexts.push(owner);
  const open = (await results(owner)).ballots.filter((ballot) => ballot.source === "open").length;
  let last: APIRequestContext | undefined;
  for (let index = open; index < 10; index += 1) {
    last = await visitor();
    expect((await voteWith(last, await firstOption(last))).status()).toBe(200);
  }
  const beyond = await visitor();
  const refused = await voteWith(beyond, await firstOption(beyond));
  expect(refused.status()).toBe(429);
  expect((await refused.json()).error.message).toMatch(/new reviewers/);
  // A reviewer already counted may still change their mind.
  expect((await voteWith(last!, await firstOption(last!))).status()).toBe(200);
});
