import { afterEach, describe, expect, it, vi } from "vitest";
import { boot } from "./boot";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("boot", () => {
  it("stops on a bad setting with a log line naming the variable, before opening anything", async () => {
    vi.stubEnv("SIMULATOR_PORT", "four-thousand");
    vi.stubEnv("PRISM_SIMULATOR", "on");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await boot();
    const line = JSON.parse(String(logged.mock.calls[0]?.[0])) as {
      message: string;
      error: { message: string };
    };
    expect(line.message).toBe("Boot failed");
    expect(line.error.message).toBe('SIMULATOR_PORT must be a port number (1-65535), got "four-thousand"');
  });
});
