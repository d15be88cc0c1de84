// What the e2e servers are started with (playwright.config.ts), for specs that need to act as them.

/** The provider key the e2e servers run with; no answer of ours may ever contain it. */
export const SENTINEL_KEY = process.env.MALIPO_SENTINEL_KEY ?? "sk_test_sentinel_local_do_not_ship";

/** OWNER_EMAIL / OWNER_PASSWORD of the e2e app servers. */
export const OWNER = { email: "owner@e2e.malipo.local", password: "e2e-owner-password" };

/** The environment of a program a spec starts (the example shop): this one's, plus its own settings. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
