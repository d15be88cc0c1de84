// The customer's field names, apart from their zod schemas (lib/customer.ts), so browser code can name
// them without downloading zod.

export const CUSTOMER_FIELDS = ["firstname", "lastname", "email"] as const;
export const BILLING_FIELDS = ["address", "city", "state", "postcode", "country"] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number] | (typeof BILLING_FIELDS)[number];
