import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several servers (dev, e2e, bench) build side by side from one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite locates its wasm through import.meta.url, which bundling breaks (toolchain.md #8).
  serverExternalPackages: ["@electric-sql/pglite", "sharp"],
  poweredByHeader: false,
};

export default nextConfig;
