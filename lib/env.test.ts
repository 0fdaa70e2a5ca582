import { afterEach, describe, expect, it, vi } from "vitest";
import {
  assumedImagePriceUsd,
  checkEnvironment,
  dailyBudgetUsd,
  databaseUrl,
  EnvironmentError,
  providerVariables,
  publicUrl,
  runnerConcurrency,
  runsPerMinute,
  simulatorPort,
  simulatorSetting,
} from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env", () => {
  it("uses defaults for unset or blank variables", () => {
    vi.stubEnv("SIMULATOR_PORT", "");
    vi.stubEnv("PRISM_RATE_LIMIT_PER_MINUTE", "  ");
    vi.stubEnv("PRISM_DAILY_BUDGET_USD", "");
    vi.stubEnv("PRISM_SIMULATOR", "");
    vi.stubEnv("PRISM_RUNNER_CONCURRENCY", "");
    expect(simulatorPort()).toBe(4010);
    // The runner owns that default (RUNNER_DEFAULTS): one number, not one here and one there.
    expect(runnerConcurrency()).toBeUndefined();
    expect(runsPerMinute()).toBe(20);
    expect(dailyBudgetUsd()).toBeUndefined();
    expect(simulatorSetting()).toBeUndefined();
  });

  it("reads valid values", () => {
    vi.stubEnv("SIMULATOR_PORT", " 5000 ");
    vi.stubEnv("PRISM_RATE_LIMIT_PER_MINUTE", "0");
    vi.stubEnv("PRISM_DAILY_BUDGET_USD", "2.5");
    vi.stubEnv("PRISM_SIMULATOR", "ON");
    vi.stubEnv("PUBLIC_URL", "https://prism.example.com/");
    vi.stubEnv("PRISM_RUNNER_CONCURRENCY", "12");
    expect(simulatorPort()).toBe(5000);
    expect(runnerConcurrency()).toBe(12);
    expect(runsPerMinute()).toBe(0);
    expect(dailyBudgetUsd()).toBe(2.5);
    expect(simulatorSetting()).toBe("on");
    expect(publicUrl()).toBe("https://prism.example.com");
  });

  it.each([
    ["SIMULATOR_PORT", "abc", 'SIMULATOR_PORT must be a port number (1-65535), got "abc"'],
    ["SIMULATOR_PORT", "70000", 'SIMULATOR_PORT must be a port number (1-65535), got "70000"'],
    ["PRISM_RATE_LIMIT_PER_MINUTE", "-1", "PRISM_RATE_LIMIT_PER_MINUTE must be a number of runs"],
    ["PRISM_DAILY_BUDGET_USD", "ten", 'PRISM_DAILY_BUDGET_USD must be a positive amount in USD, got "ten"'],
    ["PRISM_SIMULATOR", "yes", 'PRISM_SIMULATOR must be on, off or empty, got "yes"'],
    ["PUBLIC_URL", "prism.example.com", 'PUBLIC_URL must be an http(s) URL, got "prism.example.com"'],
    ["PRISM_ASSUMED_IMAGE_PRICE_USD", "-1", "PRISM_ASSUMED_IMAGE_PRICE_USD must be an amount in USD"],
    ["PRISM_ASSUMED_PRICES", "pixazo/z-image-turbo", "PRISM_ASSUMED_PRICES must be"],
    ["PRISM_ASSUMED_PRICES", "turbo=0.01", "PRISM_ASSUMED_PRICES must be"],
  ])("refuses %s=%s at start-up, naming the variable", (name, value, message) => {
    vi.stubEnv(name, value);
    expect(() => checkEnvironment()).toThrow(EnvironmentError);
    expect(() => checkEnvironment()).toThrow(message);
  });

  it("assumes a price per model, then one for all, then $0.01", () => {
    expect(assumedImagePriceUsd("pixazo/z-image-turbo")).toBe(0.01);
    vi.stubEnv("PRISM_ASSUMED_IMAGE_PRICE_USD", "0.03");
    vi.stubEnv("PRISM_ASSUMED_PRICES", " pixazo/z-image-turbo=0.005 , dashscope/z-image-turbo=0 ");
    expect(assumedImagePriceUsd("pixazo/z-image-turbo")).toBe(0.005);
    expect(assumedImagePriceUsd("dashscope/z-image-turbo")).toBe(0);
    expect(assumedImagePriceUsd("pixazo/z-image-base")).toBe(0.03);
  });

  it("never quotes a database URL, which may hold a password", () => {
    vi.stubEnv("DATABASE_URL", "mysql://user:secret@db/prism");
    expect(() => databaseUrl()).toThrow("DATABASE_URL must be a postgres:// URL");
    expect(() => databaseUrl()).not.toThrow(/secret/);
  });

  it("reads a provider's key and validates its base URL", () => {
    const variables = { apiKey: "EXAMPLE_KEY", baseUrl: "EXAMPLE_BASE_URL" };
    vi.stubEnv("EXAMPLE_KEY", "k-1");
    vi.stubEnv("EXAMPLE_BASE_URL", "https://api.example.com/v1//");
    expect(providerVariables(variables)).toEqual({ apiKey: "k-1", baseUrl: "https://api.example.com/v1" });
    vi.stubEnv("EXAMPLE_BASE_URL", "ftp://api.example.com");
    expect(() => providerVariables(variables)).toThrow("EXAMPLE_BASE_URL must be an http(s) URL");
  });
});
