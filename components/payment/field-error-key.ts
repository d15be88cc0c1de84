import type { MessageKey } from "@/lib/i18n-base";

// Field errors are shown from the catalogues by field path, so the same path gives the same words
// whether the browser's copy of the schema or the server (or the provider behind it) found the problem.

const CUSTOMER_FIELDS = new Set([
  "firstname",
  "lastname",
  "email",
  "address",
  "city",
  "state",
  "postcode",
  "country",
]);

export function fieldErrorKey(path: string, method?: string): MessageKey {
  if (path === "phone") return method === "mobile" ? "fieldErrors.mobilePhone" : "fieldErrors.phone";
  if (path === "amount" || path === "currency" || path === "reference" || path === "network") {
    return `fieldErrors.${path}`;
  }
  const [head, field] = path.split(".");
  if (head === "customer" && field && CUSTOMER_FIELDS.has(field))
    return `fieldErrors.customer.${field}` as MessageKey;
  return "fieldErrors.other";
}
