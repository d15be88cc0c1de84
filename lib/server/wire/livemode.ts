import "server-only";
import { getEnv } from "@/lib/server/env";

// Test or live (docs/api.md#modes): a sandbox Malipo moves no real money, so its objects, events and keys
// say test; every other one says live. Objects and events carry it as `livemode`, keys as mk_test_/mk_live_.

export function apiMode(): "test" | "live" {
  return getEnv().sandbox ? "test" : "live";
}

export function livemode(): boolean {
  return apiMode() === "live";
}
