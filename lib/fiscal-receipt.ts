import { z } from "zod";

// What a fiscal receipt shows (README "Fiscal receipts"): the block on the paid screen, the printed receipt
// and the digital receipt. Plain data, built by the server when the receipt is allocated and stored with it,
// so the block never changes after the sale. Amounts are TRA's fixed two-decimal strings.

export const fiscalReceiptSchema = z.object({
  status: z.enum(["pending", "acknowledged", "rejected"]),
  seller: z.object({
    name: z.string(),
    tin: z.string(),
    vrn: z.string(),
    serial: z.string(),
    uin: z.string(),
    tax_office: z.string(),
  }),
  receipt_number: z.number().int(),
  z_number: z.string(),
  daily_counter: z.number().int(),
  date: z.string(),
  time: z.string(),
  items: z.array(
    z.object({ description: z.string(), quantity: z.number().int(), amount: z.string(), tax: z.string() }),
  ),
  totals: z.object({ excl_tax: z.string(), tax: z.string(), incl_tax: z.string(), discount: z.string() }),
  vat: z.array(z.object({ rate: z.string(), net: z.string(), tax: z.string() })),
  payments: z.array(z.object({ type: z.string(), amount: z.string() })),
  verification_code: z.string(),
  verification_url: z.string(),
});

export type FiscalReceipt = z.infer<typeof fiscalReceiptSchema>;

/** GET /api/fiscal: the device's TRA registration and its queue, for the back office. */
export const fiscalOverviewSchema = z.object({
  registration: z
    .object({
      tin: z.string(),
      vrn: z.string(),
      serial: z.string(),
      uin: z.string(),
      name: z.string(),
      tax_office: z.string(),
      receipt_code: z.string(),
      registered_on: z.string(),
      next_gc: z.number().int(),
    })
    .nullable(),
  counts: z.object({ pending: z.number().int(), acknowledged: z.number().int(), rejected: z.number().int() }),
  documents: z.array(
    z.object({
      kind: z.enum(["receipt", "zreport"]),
      gc: z.number().int().nullable(),
      znum: z.string(),
      date: z.string(),
      time: z.string(),
      payment_id: z.string().nullable(),
      status: z.enum(["pending", "acknowledged", "rejected"]),
      attempts: z.number().int(),
      ack_code: z.number().int().nullable(),
      ack_message: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export type FiscalOverview = z.infer<typeof fiscalOverviewSchema>;
