import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// Next's hydration uses inline scripts, so scripts allow 'unsafe-inline' but no foreign origin;
// dev mode also needs eval for React Refresh.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const SHARE_PAGE_HEADERS = [
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
  { key: "Referrer-Policy", value: "no-referrer" },
];

const nextConfig: NextConfig = {
  // Lets several servers (dev, e2e, bench) build side by side from one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite locates its wasm through import.meta.url, which bundling breaks (docs/toolchain.md #8).
  serverExternalPackages: ["@electric-sql/pglite", "sharp"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Share pages: kept out of search engines, and their secret URL never leaks as a Referer.
      // Listed last, so this Referrer-Policy replaces the site-wide one.
      { source: "/g/:path*", headers: SHARE_PAGE_HEADERS },
    ];
  },
};

export default nextConfig;
