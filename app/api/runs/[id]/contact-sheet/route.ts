import { contactSheetOf } from "@/lib/contact-sheet/sheet-cache";
import { contactSheetFilename, contentDisposition } from "@/lib/downloads/filename";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/contact-sheet — the run's matrix as one PNG (inline, named for saving): prompts down, configurations across; kept per run version
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const sheet = await contactSheetOf(await getDb(), getBlobStore(), params.id);
  if (!sheet) throw new AppError("not_found", "No run with this id");
  const { png, prompt } = sheet;
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Content-Disposition": contentDisposition(contactSheetFilename(prompt), "inline"),
      "Cache-Control": "no-store",
    },
  });
});
