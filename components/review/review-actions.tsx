"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { ApiError } from "@/lib/http/api-client";
import { useCreateInvites, useNextRound, useSetReviewOpen } from "@/lib/hooks/use-review-actions";

function ErrorNote({ error }: { error: Error | null }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : "Something went wrong. Try again.";
  return (
    <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
      {message}
    </p>
  );
}

/** Closes voting (new ballots are refused) or reopens it. */
export function VotingToggle({ slug, open }: { slug: string; open: boolean }) {
  const toggle = useSetReviewOpen(slug);
  return (
    <>
      <Button size="sm" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate(!open)}>
        {open ? "Close voting" : "Reopen voting"}
      </Button>
      <ErrorNote error={toggle.error} />
    </>
  );
}

/** "Next round with the top N": a new review link of each prompt's most picked images. */
export function NextRoundForm({ slug }: { slug: string }) {
  const id = useId();
  const [top, setTop] = useState(2);
  const next = useNextRound(slug);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        next.mutate(top);
      }}
    >
      <div className="grid gap-1">
        <label htmlFor={id} className="text-xs font-medium text-fg-muted">
          Images per prompt
        </label>
        <Input
          id={id}
          type="number"
          min={1}
          max={20}
          value={top}
          onChange={(event) => setTop(Math.max(1, Number(event.target.value) || 1))}
          className="w-24"
        />
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={next.isPending}>
        Next round with the top {top}
      </Button>
      <ErrorNote error={next.error} />
    </form>
  );
}

/** Named invite links, one ballot each. The links are shown once; the owner sends them. */
export function InviteForm({ slug }: { slug: string }) {
  const id = useId();
  const [names, setNames] = useState("");
  const invites = useCreateInvites(slug);
  const list = names
    .split("\n")
    .map((name) => name.trim())
    .filter(Boolean);
  return (
    <div className="grid gap-2">
      <form
        className="grid gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (list.length > 0) invites.mutate(list);
        }}
      >
        <label htmlFor={id} className="text-xs font-medium text-fg-muted">
          Invite reviewers by name (one per line): each gets a link that counts one ballot
        </label>
        <Textarea id={id} rows={3} value={names} onChange={(event) => setNames(event.target.value)} />
        <Button type="submit" size="sm" variant="secondary" disabled={invites.isPending || list.length === 0}>
          Create invite links
        </Button>
      </form>
      <ErrorNote error={invites.error} />
      {invites.data ? (
        <ul aria-label="Invite links" className="grid gap-1 text-sm">
          {invites.data.invites.map((invite) => (
            <li key={invite.url} className="grid gap-0.5">
              <span className="font-medium">{invite.name}</span>
              <code className="break-all text-xs text-fg-muted">
                {new URL(invite.url, window.location.origin).toString()}
              </code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
