/** How a share link asks its visitors to choose: with the model names shown, or blind. */
export const REVIEW_MODES = ["open", "blind"] as const;

export type ReviewMode = (typeof REVIEW_MODES)[number];
