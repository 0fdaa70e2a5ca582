// Stands in for the "server-only" package under vitest, which has no React Server Components condition.
export {};
