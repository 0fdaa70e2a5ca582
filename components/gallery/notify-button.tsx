"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { BellIcon } from "@/components/ui/icons";

const noSubscription = () => () => {};
const canAsk = () => "Notification" in window && Notification.permission === "default";

/** Asks once for permission to notify when a run finishes in a hidden tab; gone once answered. */
export function NotifyButton() {
  const askable = useSyncExternalStore(noSubscription, canAsk, () => false);
  const [asked, setAsked] = useState(false);
  if (!askable || asked) return null;
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => void Notification.requestPermission().finally(() => setAsked(true))}
    >
      <BellIcon />
      Notify me when done
    </Button>
  );
}
