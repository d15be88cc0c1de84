import "server-only";
import type { z } from "zod";

// A provider answer is trusted only in the shape its docs give; anything else is a BAD_RESPONSE that names
// the paths that differ (never their values, which may be personal data).

export function readDocumentedShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  mismatch: (where: string) => Error,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(root)"))].join(", ");
  throw mismatch(where);
}
