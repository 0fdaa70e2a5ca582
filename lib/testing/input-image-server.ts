import { createServer, type Server } from "node:http";
import sharp from "sharp";
import { closeServer, listen } from "@/lib/simulator/http-utils";

/** Solid colours an input server serves as `/<name>.png`; anything else is a 404. */
export const INPUT_COLOURS = {
  red: { r: 230, g: 20, b: 20 },
  blue: { r: 20, g: 20, b: 230 },
} as const;

export interface InputImageServer {
  /** `url("red")` → http://127.0.0.1:<port>/red.png (400×200). */
  url(name: keyof typeof INPUT_COLOURS | "missing"): string;
  /** Paths requested so far: proof that a simulated provider fetched what it was given. */
  requested: string[];
  close(): Promise<void>;
}

/** Serves input images over HTTP, as Prism's signed input URLs would, for the simulator to fetch. */
export async function startInputImageServer(): Promise<InputImageServer> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    requested.push(request.url ?? "");
    const name = /^\/(\w+)\.png$/.exec(request.url ?? "")?.[1] as keyof typeof INPUT_COLOURS | undefined;
    const background = name && Object.hasOwn(INPUT_COLOURS, name) ? INPUT_COLOURS[name] : undefined;
    if (!background) {
      response.writeHead(404).end();
      return;
    }
    void sharp({ create: { width: 400, height: 200, channels: 3, background } })
      .png()
      .toBuffer()
      .then((png) => response.writeHead(200, { "content-type": "image/png" }).end(png));
  });
  const port = await listen(server, 0, "127.0.0.1");
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}.png`,
    requested,
    close: () => closeServer(server),
  };
}

/** The mean of each colour channel of an image. */
export async function meanColour(bytes: Buffer): Promise<{ r: number; g: number; b: number }> {
  const { channels } = await sharp(bytes).stats();
  const [r = 0, g = 0, b = 0] = channels.map((channel) => channel.mean);
  return { r, g, b };
}
