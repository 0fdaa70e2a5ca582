import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export const metadata: Metadata = { title: "Sign in" };

// A plain form posting to /api/session: it works without JavaScript and the token never touches client code.
export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { error, next } = await searchParams;
  const failed = error !== undefined;
  return (
    <main id="main" className="mx-auto flex min-h-[70vh] max-w-sm flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="text-sm text-fg-muted">
        This Prism is private. Enter the access token its owner gave you.
      </p>
      <form method="post" action="/api/session" className="grid gap-3">
        <input type="hidden" name="next" value={typeof next === "string" ? next : "/"} />
        <label className="grid gap-1.5 text-sm font-medium">
          Access token
          <Input
            type="password"
            name="token"
            required
            autoComplete="current-password"
            aria-invalid={failed || undefined}
            aria-describedby={failed ? "sign-in-error" : undefined}
          />
        </label>
        {failed ? (
          <p id="sign-in-error" role="alert" className="text-sm text-danger">
            That token is not right. Try again.
          </p>
        ) : null}
        <Button type="submit" variant="primary">
          Sign in
        </Button>
      </form>
    </main>
  );
}
