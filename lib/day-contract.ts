import { z } from "zod";
import { paymentSchema } from "@/lib/api-contract";
import { CHANNELS } from "@/lib/payment-channel";

// The JSON of shifts, Z reports and day reports (docs/api.md#the-merchants-day). Amounts are decimal strings
// in major units, per currency: a shop that sells in TZS and USD gets one block per currency, never a sum.

const timestamp = z.string().meta({ format: "date-time" });
const money = z.string().meta({ description: "Decimal string in major units", example: "15000" });

export const channelTotalsSchema = z
  .object({
    channel: z.enum(CHANNELS),
    count: z
      .number()
      .int()
      .meta({ description: "Paid payments counted (confirmed by webhook or poll; cash)" }),
    gross: money,
    refunded: money.meta({ description: "Succeeded refunds made in the period on this channel" }),
    fees: money.meta({ description: "The provider's fees where it reports them (SplashPay)" }),
    net: money.meta({ description: "gross − refunded − fees" }),
  })
  .meta({ id: "ChannelTotals" });
export type ChannelTotals = z.infer<typeof channelTotalsSchema>;

export const currencyTotalsSchema = z
  .object({
    currency: z.string(),
    channels: z.array(channelTotalsSchema),
    total: channelTotalsSchema.omit({ channel: true }),
  })
  .meta({ id: "CurrencyTotals" });
export type CurrencyTotals = z.infer<typeof currencyTotalsSchema>;

const salesTotals = {
  currencies: z.array(currencyTotalsSchema),
  late_payments: z.array(paymentSchema).meta({ description: "Paid after the time to pay ended" }),
  amount_mismatches: z.array(paymentSchema).meta({ description: "The provider reported another amount" }),
  open_payments: z.array(paymentSchema).meta({ description: "Still waiting for the customer" }),
  unconfirmed_payments: z
    .array(paymentSchema)
    .meta({ description: "Paid by an API answer only, not yet confirmed by webhook or poll: not counted" }),
};

export const cashCountSchema = z
  .object({
    currency: z.string(),
    opening_float: money,
    cash_sales: money,
    cash_refunds: money,
    expected: money.meta({ description: "opening float + cash sales − cash refunds" }),
    counted: money.nullable(),
    difference: money.nullable().meta({ description: "counted − expected (negative: short)" }),
  })
  .meta({ id: "CashCount" });

export const shiftSchema = z
  .object({
    id: z.string().meta({ example: "sh_Xq3mT8vK1pZa" }),
    register_id: z.string(),
    register_name: z.string().nullable(),
    currency: z.string(),
    opening_float: money,
    opened_at: timestamp,
    opened_by: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    closed_at: timestamp.nullable(),
    closed_by: z.object({ id: z.string().nullable(), name: z.string().nullable() }).nullable(),
    counted_cash: money.nullable(),
    status: z.enum(["open", "closed"]),
  })
  .meta({ id: "Shift" });
export type Shift = z.infer<typeof shiftSchema>;

export const zReportSchema = z
  .object({ shift: shiftSchema, cash: cashCountSchema, generated_at: timestamp, ...salesTotals })
  .meta({ id: "ZReport" });
export type ZReport = z.infer<typeof zReportSchema>;

export const currentShiftSchema = z
  .object({ shift: shiftSchema.nullable(), report: zReportSchema.nullable() })
  .meta({ id: "CurrentShift" });

export const dayReportSchema = z
  .object({
    date: z.string().meta({ example: "2026-12-01" }),
    time_zone: z.literal("Africa/Dar_es_Salaam"),
    from: timestamp,
    to: timestamp,
    register_id: z.string().nullable(),
    generated_at: timestamp,
    ...salesTotals,
  })
  .meta({ id: "DayReport" });
export type DayReport = z.infer<typeof dayReportSchema>;
