import { CANARY_KEYS } from "../e2e/support/canary-keys";

// NAME=value per line, for `env $(tsx scripts/canary-env.ts) <command>` (scripts/test-all.sh).
for (const [name, value] of Object.entries(CANARY_KEYS)) console.log(`${name}=${value}`);
