import { randomBytes, randomUUID } from "node:crypto";
import { type Reply, type SimRequest, xmlReply } from "./http-utils";
import { contentTypeOf, type ImageSpec, ImageRenderer } from "./image-render";
import type { Persistence } from "./persistence";
import type { ImageStoreState, IssuedImage } from "./saved-state";
import type { SimulatorSettings } from "./settings";

export interface IssueOptions {
  /** pixazo's R2 bucket serves application/octet-stream, so adapters must sniff the bytes. */
  contentType?: string;
}

const CDN_PREFIX = "/cdn/";
// Old tokens are dropped past this; by then they have long expired under any sane TTL.
const MAX_ISSUED = 20_000;

const CDN_ERROR_CODES: Record<number, [code: string, message: string]> = {
  403: ["AccessDenied", "You have no right to access this object."],
  404: ["NoSuchKey", "The specified key does not exist."],
  405: ["MethodNotAllowed", "The specified method is not allowed against this resource."],
  429: ["SlowDown", "Please reduce your request rate."],
  500: ["InternalError", "We encountered an internal error. Please try again."],
  503: ["ServiceUnavailable", "Please reduce your request rate."],
};

/** The object-storage style XML error every simulated CDN answers with (OSS, S3 and R2 all look alike). */
export function cdnErrorReply(status: number, message?: string, extra: Record<string, string> = {}): Reply {
  const [code, defaultMessage] = CDN_ERROR_CODES[status] ?? [
    "InternalError",
    "We encountered an internal error.",
  ];
  const fields = {
    Code: code,
    Message: message ?? defaultMessage,
    RequestId: randomUUID(),
    HostId: "sim-cdn",
    ...extra,
  };
  const xml = Object.entries(fields)
    .map(([name, value]) => `  <${name}>${value}</${name}>`)
    .join("\n");
  return xmlReply(status, `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n${xml}\n</Error>\n`);
}

export function isImageRequest(request: SimRequest): boolean {
  return request.url.pathname.startsWith(CDN_PREFIX);
}

/** Issues short-lived image URLs on a provider's own port and serves them until they expire. */
export class ImageStore {
  private readonly issued = new Map<string, IssuedImage>();
  private readonly renderer = new ImageRenderer();
  private expiredBefore = 0;

  constructor(
    private readonly settings: SimulatorSettings,
    private readonly persistence: Persistence,
  ) {}

  issue(origin: string, spec: ImageSpec, options: IssueOptions = {}): { url: string; expiresAt: number } {
    const token = randomBytes(16).toString("hex");
    const issuedAt = Date.now();
    const expiresAt = issuedAt + this.settings.imageTtlMs;
    this.remember(token, {
      spec,
      issuedAt,
      expiresAt,
      contentType: options.contentType ?? contentTypeOf(spec.format),
    });
    this.persistence.changed();
    return { url: `${origin}${CDN_PREFIX}${token}.${spec.format}`, expiresAt };
  }

  /** Every URL issued so far answers 403 from now on. */
  expireAll(): void {
    this.expiredBefore = Date.now() + 1;
    this.persistence.changed();
  }

  snapshot(): ImageStoreState {
    return { issued: [...this.issued], expiredBefore: this.expiredBefore };
  }

  /** Takes back the URLs issued before a restart; each keeps the expiry it was issued with. */
  restore(state: ImageStoreState): void {
    for (const [token, image] of state.issued) this.remember(token, image);
    this.expiredBefore = Math.max(this.expiredBefore, state.expiredBefore);
  }

  private remember(token: string, image: IssuedImage): void {
    this.issued.set(token, image);
    const oldest = this.issued.keys().next().value;
    if (this.issued.size > MAX_ISSUED && oldest !== undefined) this.issued.delete(oldest);
  }

  async reply(request: SimRequest): Promise<Reply> {
    if (request.method !== "GET" && request.method !== "HEAD") return cdnErrorReply(405);
    const match = /^\/cdn\/([0-9a-f]{32})\.(png|jpeg|webp)$/.exec(request.url.pathname);
    const image = match?.[1] ? this.issued.get(match[1]) : undefined;
    if (!image || image.spec.format !== match?.[2]) return cdnErrorReply(404);
    const now = Date.now();
    if (now >= image.expiresAt || image.issuedAt < this.expiredBefore) {
      return cdnErrorReply(403, "Request has expired.", {
        Expires: new Date(image.expiresAt).toISOString(),
        ServerTime: new Date(now).toISOString(),
      });
    }
    const bytes = await this.renderer.render(image.spec);
    return {
      status: 200,
      headers: { "content-type": image.contentType, "cache-control": "private, max-age=0" },
      body: bytes,
    };
  }
}
