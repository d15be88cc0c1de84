// Sandbox settings are flat values plus a few nested objects (webhookFaults, qrMerchant): a patch (PUT
// /control/settings, or options passed in code) replaces the flat values and merges into the nested ones,
// so a test can change one fault without restating the rest.

export function mergeSettings<T extends object>(
  base: T,
  patch: object | undefined,
  nested: readonly (keyof T & string)[],
): T {
  if (!patch) return base;
  const next: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    next[key] = (nested as readonly string[]).includes(key)
      ? { ...(next[key] as object), ...(value as object) }
      : value;
  }
  return next as T;
}

/** The nested settings every sandbox has. */
export const NESTED_SETTINGS = ["webhookFaults", "qrMerchant"] as const;
