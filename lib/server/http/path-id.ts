import "server-only";
import { ApiError } from "@/lib/server/http/api-error";

// Our ids are a prefix and base64url (docs/architecture.md#names). A path id of any other shape names
// nothing, so it is "not found" before any query: PostgreSQL refuses NUL bytes in text (a 500 otherwise),
// and a 50 kB id is not worth a lookup.

const SHAPE = /^[a-z]{2,4}_[A-Za-z0-9_-]{1,64}$/;

export function requireWellFormedId(id: string, prefix: string, notFound: string): string {
  if (!SHAPE.test(id) || !id.startsWith(`${prefix}_`)) throw new ApiError("NOT_FOUND", notFound);
  return id;
}
