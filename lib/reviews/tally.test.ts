import { describe, expect, it } from "vitest";
import { tallyBallots, tallyCsv, type TallyPrompt } from "./tally";

const prompts: TallyPrompt[] = [
  {
    key: "fox",
    prompt: "a fox",
    options: [
      { imageId: "f1", modelId: "shortapi/z-image" },
      { imageId: "f2", modelId: "dashscope/z-image-turbo" },
      { imageId: "f3", modelId: "shortapi/z-image" },
    ],
  },
  { key: "owl", prompt: "an owl", options: [{ imageId: "o1", modelId: "shortapi/flux-1.0" }] },
];

describe("tallyBallots", () => {
  it("counts picks per prompt and model, with win rates over that prompt's ballots", () => {
    const tally = tallyBallots(prompts, [
      { reviewerId: "r1", promptKey: "fox", imageId: "f2" },
      { reviewerId: "r2", promptKey: "fox", imageId: "f1" },
      { reviewerId: "r3", promptKey: "fox", imageId: "f3" },
      { reviewerId: "r3", promptKey: "owl", imageId: "o1" },
    ]);
    expect(tally.ballots).toBe(3);
    expect(tally.prompts[0]).toEqual({
      key: "fox",
      prompt: "a fox",
      ballots: 3,
      models: [
        { modelId: "shortapi/z-image", picks: 2, winRate: 2 / 3 },
        { modelId: "dashscope/z-image-turbo", picks: 1, winRate: 1 / 3 },
      ],
    });
    expect(tally.prompts[1]).toMatchObject({ ballots: 1, models: [{ picks: 1, winRate: 1 }] });
  });

  it("lists every model offered with zero picks before anyone votes", () => {
    const tally = tallyBallots(prompts, []);
    expect(tally.ballots).toBe(0);
    expect(tally.prompts[0]?.models.map((model) => [model.modelId, model.picks, model.winRate])).toEqual([
      ["shortapi/z-image", 0, 0],
      ["dashscope/z-image-turbo", 0, 0],
    ]);
  });

  it("ignores ballots for images no longer in the gallery", () => {
    const tally = tallyBallots(prompts, [{ reviewerId: "r1", promptKey: "fox", imageId: "deleted" }]);
    expect(tally.prompts[0]?.ballots).toBe(0);
  });
});

describe("tallyCsv", () => {
  it("writes one row per prompt and model, quoting and defusing spreadsheet formulas", () => {
    const csv = tallyCsv(
      tallyBallots(
        [{ key: "k", prompt: '=HYPERLINK("x"), "quoted"', options: [{ imageId: "i", modelId: "m" }] }],
        [{ reviewerId: "r", promptKey: "k", imageId: "i" }],
      ),
    );
    expect(csv).toBe(
      `prompt,model,picks,ballots,win_rate\r\n"'=HYPERLINK(""x""), ""quoted""",m,1,1,1.0000\r\n`,
    );
  });
});
