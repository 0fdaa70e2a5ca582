import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite locates its wasm through import.meta.url, which bundling breaks (toolchain.md #8).
  serverExternalPackages: ["@electric-sql/pglite", "sharp"],
  poweredByHeader: false,
};

export default nextConfig;
