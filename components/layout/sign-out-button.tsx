"use client";

import { Button } from "@/components/ui/button";
import { useSession, useSignOut } from "@/lib/hooks/use-session";

export function SignOutButton() {
  const { data } = useSession();
  const signOut = useSignOut();
  if (!data?.accessControl || !data.signedIn) return null;
  return (
    <Button size="sm" variant="ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      Sign out
    </Button>
  );
}
