// Shared by the PayGrid sandbox's integration tests (docs/providers.md#paygrid-sandbox).

/** The fields a VALIDATION_ERROR names in its `details` array, sorted (docs/providers.md#paygrid-errors). */
export function fields(body: Record<string, unknown>): string[] {
  return (body.details as { field: string }[]).map((d) => d.field).sort();
}
