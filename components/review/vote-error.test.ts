import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { voteErrorMessage } from "./vote-error";

const answer = (status: number, issues: { path: string; message: string }[] = []) =>
  voteErrorMessage(new ApiError("any", "server message", issues, status));

describe("voteErrorMessage", () => {
  it("says in words why a ballot was refused", () => {
    expect(answer(404)).toMatch(/revoked it or it expired/);
    expect(answer(409)).toMatch(/no longer collecting picks/);
    expect(answer(422, [{ path: "picks.0.imageId", message: "This image is not in the gallery" }])).toMatch(
      /no longer in this gallery\. Reload/,
    );
    expect(answer(429)).toMatch(/Wait a minute/);
  });

  it("passes on a field's own message and anything else as it came", () => {
    expect(answer(422, [{ path: "comment", message: "Too long" }])).toBe("Too long");
    expect(answer(500)).toBe("Your picks were not saved: server message");
    expect(voteErrorMessage(new ApiError("network_error", "offline"))).toMatch(/Could not reach the server/);
    expect(voteErrorMessage(new Error("boom"))).toBe("Your picks were not saved. Try again.");
  });
});
