/** How a share link asks its visitors to choose: with the model names shown, or blind. */
export const REVIEW_MODES = ["open", "blind"] as const;

export type ReviewMode = (typeof REVIEW_MODES)[number];

/** How a ballot came in: through the open link, or through a named invite link. */
export const BALLOT_SOURCES = ["open", "invite"] as const;

export type BallotSource = (typeof BALLOT_SOURCES)[number];
