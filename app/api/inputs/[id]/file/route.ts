import { getInputById } from "@/lib/db/queries/inputs";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { checkInputUrl, inputUrlKey } from "@/lib/inputs/signed-url";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/inputs/:id/file?expires&signature — an input's image for the provider a job sent it to; public, signed, expiring
export const GET = routeHandler<{ id: string }>({ access: "public" }, async ({ request, params }) => {
  const db = await getDb();
  const { searchParams } = new URL(request.url);
  const check = checkInputUrl(
    params.id,
    { expires: searchParams.get("expires"), signature: searchParams.get("signature") },
    await inputUrlKey(db),
    new Date(),
  );
  if (check === "expired") throw new AppError("forbidden", "This input link has expired");
  if (check === "invalid") throw new AppError("forbidden", "This input link is not valid");
  const input = await getInputById(db, params.id);
  const blob = input && (await getBlobStore().get(input.blobKey));
  if (!input || !blob) throw new AppError("not_found", "No such input");
  return new Response(blob.stream, {
    headers: {
      "Content-Type": input.contentType,
      "Content-Length": String(blob.byteSize),
      // Only the provider holding the link should have it: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
