import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { contentTypeOfBlobKey } from "@/lib/storage/blob-store";
import { getBlobStore } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/files/:key — a stored image or thumbnail; content-addressed, so cacheable forever
export const GET = routeHandler<{ key: string[] }>({ access: "public" }, async ({ params }) => {
  const key = params.key.join("/");
  // The key's strict shape is checked before any disk access, which also rules out traversal.
  const contentType = contentTypeOfBlobKey(key);
  const blob = contentType ? await getBlobStore().get(key) : null;
  if (!contentType || !blob) throw new AppError("not_found", "No such file");
  return new Response(blob.stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(blob.byteSize),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
