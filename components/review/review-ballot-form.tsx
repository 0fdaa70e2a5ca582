"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

export type BallotStatus =
  { kind: "idle" } | { kind: "sending" } | { kind: "saved" } | { kind: "error"; message: string };

interface ReviewBallotFormProps {
  picked: number;
  prompts: number;
  comment: string;
  onCommentChange: (value: string) => void;
  name: string;
  onNameChange: (value: string) => void;
  /** Whether this reviewer has a ballot on file (the button then says "Update"). */
  hasBallot: boolean;
  /** Whether anything differs from what is on file. */
  changed: boolean;
  status: BallotStatus;
  /** Voting is closed: nothing can be sent. */
  closed: boolean;
}

const COMMENT_MAX = 2000;
const NAME_MAX = 80;

/** The end of a review page: an optional comment and name, and the button that files the picks. */
export function ReviewBallotForm(props: ReviewBallotFormProps) {
  const ids = { comment: useId(), name: useId(), heading: useId() };
  const { status } = props;
  const sending = status.kind === "sending";
  return (
    <section
      aria-labelledby={ids.heading}
      className="grid max-w-2xl gap-4 rounded-card border border-line bg-surface p-5 shadow-card"
    >
      <div className="grid gap-1">
        <h2 id={ids.heading} className="text-base font-semibold">
          Your picks
        </h2>
        {props.closed ? (
          <p role="status" className="rounded-lg bg-surface-muted px-3 py-2 text-sm text-fg">
            Voting is closed: the owner is no longer taking picks.
            {props.hasBallot ? " Your picks were counted." : null}
          </p>
        ) : (
          <p className="text-sm text-fg-muted">
            {props.picked} of {props.prompts} {props.prompts === 1 ? "prompt" : "prompts"} picked.
            {props.hasBallot ? " You can change your mind and send again at any time." : null}
          </p>
        )}
      </div>
      <div className="grid gap-1.5">
        <label htmlFor={ids.comment} className="text-xs font-medium text-fg-muted">
          Comment (optional)
        </label>
        <Textarea
          id={ids.comment}
          rows={3}
          maxLength={COMMENT_MAX}
          value={props.comment}
          disabled={props.closed}
          onChange={(event) => props.onCommentChange(event.target.value)}
          placeholder="What made you choose these?"
        />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor={ids.name} className="text-xs font-medium text-fg-muted">
          Your name (optional)
        </label>
        <Input
          id={ids.name}
          maxLength={NAME_MAX}
          autoComplete="name"
          disabled={props.closed}
          value={props.name}
          onChange={(event) => props.onNameChange(event.target.value)}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={props.closed || sending || props.picked === 0}>
          {sending ? <Spinner /> : null}
          {props.hasBallot ? "Update my picks" : "Send my picks"}
        </Button>
        <p role="status" className="text-sm text-fg-muted">
          {props.closed
            ? null
            : props.picked === 0
              ? "Pick an image for at least one prompt."
              : status.kind === "saved" && !props.changed
                ? "Saved. Thank you!"
                : props.changed && props.hasBallot
                  ? "You have changes that are not sent yet."
                  : props.hasBallot
                    ? "Your picks are saved."
                    : null}
        </p>
      </div>
      {status.kind === "error" ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {status.message}
        </p>
      ) : null}
    </section>
  );
}
