import { createInputFromImageBodySchema } from "@/lib/api/input-requests";
import type { CreateInputResponse } from "@/lib/api/views";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { readBody } from "@/lib/http/read-body";
import { createInputFromFile, createInputFromImage } from "@/lib/inputs/create-input";
import { receiveMultipartUpload, receiveRawUpload } from "@/lib/inputs/receive-upload";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { toInputView } from "@/lib/views/to-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HOW_TO_SEND =
  "Send the image as the body (Content-Type image/png, image/jpeg, image/webp or image/gif), as multipart/form-data field file, or JSON {fromImageId}";

// POST /api/inputs — upload an image to edit, or make one of a stored result
export const POST = routeHandler({ access: "session" }, async ({ request }) => {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  const [db, blobStore] = [await getDb(), getBlobStore()];
  let input;
  if (mediaType === "application/json") {
    const parsed = createInputFromImageBodySchema.safeParse(await readBody(request, "json", 4096));
    if (!parsed.success) {
      throw new AppError("invalid_input", "The request body has invalid fields", {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      });
    }
    input = await createInputFromImage(db, blobStore, parsed.data.fromImageId);
  } else {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    let upload;
    if (mediaType === "multipart/form-data" && boundary)
      upload = await receiveMultipartUpload(request, boundary);
    else if (mediaType.startsWith("image/")) upload = await receiveRawUpload(request);
    else throw new AppError("unsupported_media_type", HOW_TO_SEND);
    try {
      input = await createInputFromFile(db, blobStore, upload.path);
    } finally {
      await upload.discard();
    }
  }
  return json<CreateInputResponse>({ input: toInputView(input) }, { status: 201 });
});
