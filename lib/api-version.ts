// The merchant API's versions, named by the date they were published (docs/api.md#versions). A shop pins
// one with the Malipo-Version request header; the version used is echoed on every answer and written on
// every event. A new version is added here, and its changes are listed in docs/api.md's changelog.

export const API_VERSIONS = ["2026-12-01"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** What a request without Malipo-Version gets. */
export const LATEST_API_VERSION: ApiVersion = "2026-12-01";

export const API_VERSION_HEADER = "Malipo-Version";

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}
