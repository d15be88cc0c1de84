import { z } from "zod";
import { SALE_METHODS } from "@/lib/payment-methods";
import { PAYMENT_STATUSES } from "@/lib/payment-status";

// The customer display's JSON (docs/api.md "Customer display"): the linked screens the register and the
// back office list, and what the display's stream sends. A display sees only what the customer in front
// of the counter may see: amount, QR, the time to pay and the outcome, never a phone, name or register id.

const timestamp = z.string().meta({ format: "date-time" });

export const customerDisplaySchema = z
  .object({
    id: z.string().meta({ example: "cd_Q2m9TkW7xLpV" }),
    register_id: z.string(),
    register_name: z.string(),
    created_at: timestamp,
    last_seen_at: timestamp.nullable().meta({ description: "When its stream last connected" }),
    revoked: z.boolean(),
  })
  .meta({ id: "CustomerDisplay" });
export type CustomerDisplay = z.infer<typeof customerDisplaySchema>;

export const customerDisplayListSchema = z
  .object({ data: z.array(customerDisplaySchema) })
  .meta({ id: "CustomerDisplayList" });

export const customerDisplayCreatedSchema = customerDisplaySchema
  .extend({
    url: z.string().meta({
      description: "The display's address (/display/{token}); shown once as a QR, kept only as a hash",
    }),
  })
  .meta({ id: "CustomerDisplayCreated" });

/** The sale on the display: the customer's side of the register's current payment. */
export const displaySaleSchema = z
  .object({
    status: z.enum(PAYMENT_STATUSES),
    method: z.enum(SALE_METHODS),
    amount: z.string().meta({ description: "Decimal string in major units" }),
    currency: z.string(),
    qr_code: z.string().nullable(),
    qr_image: z.string().nullable(),
    payment_url: z.string().nullable().meta({ description: "Card: the page the QR opens" }),
    expires_at: timestamp,
    created_at: timestamp,
    completed_at: timestamp.nullable(),
  })
  .meta({ id: "DisplaySale" });
export type DisplaySale = z.infer<typeof displaySaleSchema>;

export const displayStateSchema = z
  .object({
    sale: displaySaleSchema.nullable().meta({ description: "null: between sales (the welcome screen)" }),
    server_time: timestamp.meta({ description: "Corrects a display whose clock is off" }),
  })
  .meta({ id: "DisplayState" });
export type DisplayState = z.infer<typeof displayStateSchema>;
