export * from "./catalog";
export * from "./model-names";
export * from "./params";
export * from "./sizes";
export * from "./types";
