import { chromium } from "@playwright/test";

// The same Debian Chromium and flags as the e2e suite.
import CHROMIUM_LAUNCH from "../../e2e/support/chromium-launch.json" with { type: "json" };

export const VIEWPORT = { width: 1440, height: 900 };

export function launchChromium() {
  return chromium.launch(CHROMIUM_LAUNCH);
}
