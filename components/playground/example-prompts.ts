/** Starting points for an empty playground, each chosen to show where models differ. */
export const EXAMPLE_PROMPTS = [
  {
    label: "Text rendering",
    prompt:
      'A hand-painted shop sign reading "PRISM & CO. — EST. 1987" above a bakery window, golden hour, shallow depth of field',
  },
  {
    label: "Portrait",
    prompt:
      "Close-up portrait of an elderly fisherman with a weathered face and a knitted cap, soft overcast light, 85 mm lens",
  },
  {
    label: "Product shot",
    prompt:
      "A matte ceramic coffee cup on a terrazzo counter, studio lighting, soft shadow, minimalist product photograph",
  },
  {
    label: "Landscape",
    prompt: "A fjord at blue hour with a lone red cabin, mist on the water, snow-capped peaks, wide angle",
  },
] as const;
