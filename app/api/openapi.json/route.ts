import { openApiDocument } from "@/lib/api/openapi/document";
import { json, routeHandler } from "@/lib/http/route-handler";

// Made once at build time: the document depends on the code only, never on the environment.
export const dynamic = "force-static";

// GET /api/openapi.json — the OpenAPI 3.1 document of this API (public: it describes, it holds no data)
export const GET = routeHandler({ access: "public" }, () => json(openApiDocument()));
