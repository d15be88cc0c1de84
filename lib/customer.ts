import { z } from "zod";

// The customer shape, spelled once. Forms and POST bodies validate with `customerSchema` (names and email)
// or `billingSchema` (plus the billing address that card and TANQR need); the API answers with
// `customerJsonSchema` (every field optional: each method stores only what it needs).

export { BILLING_FIELDS, CUSTOMER_FIELDS, type CustomerField } from "@/lib/customer-fields";

const name = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(60, `The ${label} is too long.`);

export const customerSchema = z.object({
  firstname: name("first name"),
  lastname: name("last name"),
  email: z.string({ error: "Enter an email address." }).trim().pipe(z.email("Enter a valid email address.")),
});

export const billingSchema = customerSchema.extend({
  address: z
    .string({ error: "Enter the street address." })
    .trim()
    .min(1, "Enter the street address.")
    .max(120),
  city: z.string({ error: "Enter the city." }).trim().min(1, "Enter the city.").max(60),
  state: z
    .string({ error: "Enter the region or state." })
    .trim()
    .min(1, "Enter the region or state.")
    .max(60),
  postcode: z.string({ error: "Enter the postcode." }).trim().min(1, "Enter the postcode.").max(16),
  country: z
    .string({ error: "Enter the country." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. TZ."),
});

export type Customer = z.output<typeof customerSchema>;
export type BillingCustomer = z.output<typeof billingSchema>;

/** The customer as the API returns it. */
export const customerJsonSchema = z
  .object({
    firstname: z.string(),
    lastname: z.string(),
    email: z.string(),
    address: z.string(),
    city: z.string(),
    state: z.string(),
    postcode: z.string(),
    country: z.string(),
  })
  .partial()
  .meta({ id: "Customer" });
export type CustomerJson = z.infer<typeof customerJsonSchema>;
