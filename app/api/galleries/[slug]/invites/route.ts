import { invitesBodySchema } from "@/lib/api/gallery-requests";
import type { InvitesResponse } from "@/lib/api/review-views";
import { publicUrl } from "@/lib/env";
import { json, routeHandler } from "@/lib/http/route-handler";
import { createInvites } from "@/lib/reviews/invites";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/galleries/:slug/invites — one named invite link per name, one ballot per link
export const POST = routeHandler<{ slug: string }, typeof invitesBodySchema>(
  { access: "session", body: invitesBodySchema },
  async ({ params, body }) => {
    const invites = await createInvites(await getDb(), params.slug, body.names);
    return json<InvitesResponse>(
      { invites: invites.map(({ name, path }) => ({ name, url: `${publicUrl() ?? ""}${path}` })) },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  },
);
