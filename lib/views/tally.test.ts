import { describe, expect, it } from "vitest";
import { tallyBallots, tallyCsv, type TallyPrompt } from "./tally";

/** An image of a model with a single configuration, labelled by the model's id. */
const option = (imageId: string, modelId: string) => ({
  imageId,
  modelId,
  configKey: modelId,
  label: modelId,
});

const prompts: TallyPrompt[] = [
  {
    key: "fox",
    prompt: "a fox",
    options: [
      option("f1", "shortapi/z-image"),
      option("f2", "dashscope/z-image-turbo"),
      option("f3", "shortapi/z-image"),
    ],
  },
  { key: "owl", prompt: "an owl", options: [option("o1", "shortapi/flux-1.0")] },
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
    expect(tally.prompts[0]).toMatchObject({
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

describe("tallying configurations and images apart", () => {
  const matrix: TallyPrompt[] = [
    {
      key: "fox",
      prompt: "a fox",
      options: [
        { imageId: "dev-1", modelId: "shortapi/flux-1.0", configKey: "dev", label: "FLUX.1 · dev" },
        { imageId: "dev-2", modelId: "shortapi/flux-1.0", configKey: "dev", label: "FLUX.1 · dev" },
        { imageId: "schnell", modelId: "shortapi/flux-1.0", configKey: "schnell", label: "FLUX.1 · schnell" },
        { imageId: "turbo", modelId: "pixazo/z-image-turbo", configKey: "turbo", label: "Z-Image Turbo" },
      ],
    },
  ];
  const tally = tallyBallots(matrix, [
    { reviewerId: "r1", promptKey: "fox", imageId: "schnell" },
    { reviewerId: "r2", promptKey: "fox", imageId: "schnell" },
    { reviewerId: "r3", promptKey: "fox", imageId: "dev-2" },
    { reviewerId: "r4", promptKey: "fox", imageId: "turbo" },
  ]);

  it("keeps the per-model figures, two configurations of one model counted together", () => {
    expect(tally.prompts[0]?.models).toEqual([
      { modelId: "shortapi/flux-1.0", picks: 3, winRate: 3 / 4 },
      { modelId: "pixazo/z-image-turbo", picks: 1, winRate: 1 / 4 },
    ]);
  });

  it("tells two configurations of one model apart", () => {
    expect(tally.prompts[0]?.configurations).toEqual([
      { key: "schnell", modelId: "shortapi/flux-1.0", label: "FLUX.1 · schnell", picks: 2, winRate: 2 / 4 },
      { key: "dev", modelId: "shortapi/flux-1.0", label: "FLUX.1 · dev", picks: 1, winRate: 1 / 4 },
      { key: "turbo", modelId: "pixazo/z-image-turbo", label: "Z-Image Turbo", picks: 1, winRate: 1 / 4 },
    ]);
  });

  it("gives each image its own count, not its model's", () => {
    const byImage = new Map(tally.prompts[0]?.images.map((image) => [image.imageId, image.picks]));
    expect(Object.fromEntries(byImage)).toEqual({ schnell: 2, "dev-2": 1, turbo: 1, "dev-1": 0 });
    expect(tally.prompts[0]?.images.find((image) => image.imageId === "dev-2")?.number).toBe(2);
    expect(tally.prompts[0]?.images[0]).toEqual({
      imageId: "schnell",
      modelId: "shortapi/flux-1.0",
      configKey: "schnell",
      label: "FLUX.1 · schnell",
      number: 1,
      picks: 2,
      winRate: 2 / 4,
    });
  });

  it("writes one CSV row per image, with its model and configuration", () => {
    expect(tallyCsv(tally).split("\r\n").slice(0, 3)).toEqual([
      "prompt,model,configuration,image,picks,ballots,win_rate",
      "a fox,shortapi/flux-1.0,FLUX.1 · schnell,schnell,2,4,0.5000",
      "a fox,shortapi/flux-1.0,FLUX.1 · dev,dev-2,1,4,0.2500",
    ]);
  });
});

describe("tallyCsv", () => {
  it("writes one row per prompt and image, quoting and defusing spreadsheet formulas", () => {
    const csv = tallyCsv(
      tallyBallots(
        [{ key: "k", prompt: '=HYPERLINK("x"), "quoted"', options: [option("i", "m")] }],
        [{ reviewerId: "r", promptKey: "k", imageId: "i" }],
      ),
    );
    expect(csv).toBe(
      `prompt,model,configuration,image,picks,ballots,win_rate\r\n"'=HYPERLINK(""x""), ""quoted""",m,m,i,1,1,1.0000\r\n`,
    );
  });
});
