export * from "./catalog";
export * from "./params";
export * from "./sizes";
export * from "./types";
