import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// One schema for both stores (PGlite and PostgreSQL). Money is an integer count of minor units
// (ISO 4217 exponent of the currency); never a float.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const payments = pgTable(
  "payments",
  {
    id: text("id").primaryKey(), // pay_…
    provider: text("provider").notNull(), // paygrid | splashpay
    method: text("method").notNull(), // dynamic-qr | mobile | card | tanqr
    status: text("status").notNull(), // creating → pending → processing → terminal
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reference: text("reference").notNull(),
    customer: jsonb("customer").$type<Record<string, string>>().notNull(),
    phone: text("phone").notNull(),
    network: text("network"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    qrCode: text("qr_code"),
    qrImage: text("qr_image"),
    paymentUrl: text("payment_url"),
    providerPaymentId: text("provider_payment_id"),
    providerReference: text("provider_reference"),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Who may read it: the register (cashier session) or the checkout session that created it. */
    ownerScope: text("owner_scope").notNull(),
    checkoutSessionId: text("checkout_session_id"),
    /** Who took the sale and on which device (null for a shopper's payment on a checkout link). */
    staffId: text("staff_id"),
    /** The staff member's name as it was at the sale: receipts and history keep it if they are renamed. */
    staffName: text("staff_name"),
    registerId: text("register_id"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    /** Set when the sale's QR did not match the amount/currency (the QR-matches-sale check). */
    qrMismatch: boolean("qr_mismatch").notNull().default(false),
    /** The provider reported another amount or currency than the sale's, or none on completion: never paid. */
    amountMismatch: boolean("amount_mismatch").notNull().default(false),
    /** When a shopper's or cashier's refresh last asked the provider: one ask per 5 s across instances. */
    providerAskedAt: ts("provider_asked_at"),
    paidAfterExpiry: boolean("paid_after_expiry").notNull().default(false),
    expiresAt: ts("expires_at").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
    /** Reconciler bookkeeping: when to ask the provider next, and who holds the lease until when. */
    nextCheckAt: ts("next_check_at"),
    leaseUntil: ts("lease_until"),
    checkCount: integer("check_count").notNull().default(0),
    /** Register payments: the unguessable token of the shopper's public return page (/return/{token}). */
    returnToken: text("return_token"),
    /** Sum of succeeded refunds; never above amount_minor (checked under the payment's row lock). */
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    /** SplashPay reports its fee and the net it settles; kept for the day report (null when unknown). */
    feeMinor: bigint("fee_minor", { mode: "number" }),
    netMinor: bigint("net_minor", { mode: "number" }),
    /** Cash sales: what the customer handed over (change due = tendered − amount). */
    tenderedMinor: bigint("tendered_minor", { mode: "number" }),
    /** The register's shift that was open when the sale was made (shifts are optional). */
    shiftId: text("shift_id"),
    /**
     * The unguessable token of the public digital receipt (/r/{token}): 24 random bytes (192 bits). Made with
     * the row on every insert path (register, checkout, cash), and published only once the payment is paid.
     */
    receiptToken: text("receipt_token").$defaultFn(() => randomBytes(24).toString("base64url")),
    /**
     * The shopper switched method or the cashier failed over to the other provider: this attempt was
     * replaced (docs/api.md#superseded). Its status says how it ended (cancelled, or failed after a 502);
     * a late payment still completes it, and the flag stays so the merchant sees the second payment.
     */
    supersededAt: ts("superseded_at"),
  },
  (t) => [
    uniqueIndex("payments_provider_payment_id_uq")
      .on(t.provider, t.providerPaymentId)
      .where(sql`${t.providerPaymentId} is not null`),
    index("payments_reference_idx").on(t.provider, t.reference),
    index("payments_owner_created_idx").on(t.ownerScope, t.createdAt),
    index("payments_next_check_idx").on(t.nextCheckAt),
    index("payments_checkout_session_idx").on(t.checkoutSessionId),
    // One live attempt per checkout session, enforced by the database: parallel shopper requests with
    // different keys cannot both insert one (docs/api.md, checkout sessions).
    uniqueIndex("payments_one_live_per_session_uq")
      .on(t.checkoutSessionId)
      .where(
        sql`${t.checkoutSessionId} is not null and ${t.status} in ('creating', 'pending', 'processing')`,
      ),
    uniqueIndex("payments_return_token_uq")
      .on(t.returnToken)
      .where(sql`${t.returnToken} is not null`),
    index("payments_staff_created_idx").on(t.staffId, t.createdAt),
    index("payments_register_created_idx").on(t.registerId, t.createdAt),
    index("payments_shift_idx").on(t.shiftId),
    uniqueIndex("payments_receipt_token_uq")
      .on(t.receiptToken)
      .where(sql`${t.receiptToken} is not null`),
    // The history (payments/list-payments.ts): newest first across the shop, reference by prefix in any
    // case, the phone by its last digits (a prefix of the reversed number), the amount.
    index("payments_created_id_idx").on(t.createdAt, t.id),
    index("payments_reference_search_idx").using("btree", sql`lower(${t.reference}) text_pattern_ops`),
    index("payments_phone_tail_idx").using("btree", sql`reverse(${t.phone}) text_pattern_ops`),
    index("payments_amount_created_idx").on(t.amountMinor, t.createdAt),
  ],
);

/** Money given back on a completed payment; the sum never exceeds the payment (docs/api.md, refunds). */
export const refunds = pgTable(
  "refunds",
  {
    id: text("id").primaryKey(), // rf_…
    paymentId: text("payment_id").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(), // customer_request | duplicate | fraud | other
    note: text("note"),
    status: text("status").notNull(), // pending | succeeded | failed
    idempotencyKey: text("idempotency_key").notNull(),
    providerRefundId: text("provider_refund_id"),
    /** Who asked (staff id, or null for the merchant key) and who approved (a manager's PIN on the spot). */
    staffId: text("staff_id"),
    staffName: text("staff_name"),
    approvedBy: text("approved_by"),
    registerId: text("register_id"),
    shiftId: text("shift_id"),
    failureCode: text("failure_code"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId),
    index("refunds_created_idx").on(t.createdAt),
    uniqueIndex("refunds_idempotency_uq").on(t.paymentId, t.idempotencyKey),
  ],
);

/** A register's shift: opened with a float, closed with counted cash → the Z report (shifts are optional). */
export const shifts = pgTable(
  "shifts",
  {
    id: text("id").primaryKey(), // sh_…
    registerId: text("register_id").notNull(),
    openedBy: text("opened_by"),
    openedByName: text("opened_by_name"),
    currency: text("currency").notNull(),
    openingFloatMinor: bigint("opening_float_minor", { mode: "number" }).notNull(),
    openedAt: ts("opened_at").notNull().defaultNow(),
    closedBy: text("closed_by"),
    closedByName: text("closed_by_name"),
    countedCashMinor: bigint("counted_cash_minor", { mode: "number" }),
    closedAt: ts("closed_at"),
    /** The Z report as computed at close (frozen: later late payments do not rewrite a closed shift). */
    zReport: jsonb("z_report").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("shifts_register_idx").on(t.registerId, t.openedAt),
    // At most one open shift per register.
    uniqueIndex("shifts_one_open_per_register_uq")
      .on(t.registerId)
      .where(sql`${t.closedAt} is null`),
  ],
);

/** Append-only log of everything that happened to a payment; `seq` is the SSE event id. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    status: text("status").notNull(),
    previousStatus: text("previous_status"),
    source: text("source").notNull(), // api | webhook | poll | system
    providerEventId: text("provider_event_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("payment_events_payment_seq_idx").on(t.paymentId, t.seq)],
);

/** Provider events already applied, so a redelivered webhook is acknowledged and ignored. */
export const providerEventReceipts = pgTable(
  "provider_event_receipts",
  {
    provider: text("provider").notNull(),
    eventKey: text("event_key").notNull(),
    paymentId: text("payment_id"),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventKey] })],
);

/** Our side of two-layer idempotency: one row per (scope, Idempotency-Key). */
export const idempotencyRecords = pgTable(
  "idempotency_records",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    paymentId: text("payment_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: text("id").primaryKey(), // cs_…
    status: text("status").notNull(), // open | completed | expired
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reference: text("reference").notNull(),
    description: text("description"),
    lineItems: jsonb("line_items").$type<unknown[]>(),
    customer: jsonb("customer").$type<Record<string, string>>(),
    successUrl: text("success_url").notNull(),
    cancelUrl: text("cancel_url").notNull(),
    webhookUrl: text("webhook_url"),
    /** The shop's own id for the order (free text, ≤ 200), beside the provider-facing `reference`. */
    clientReferenceId: text("client_reference_id"),
    /** The shop's key-value notes (≤ 20 keys), returned on every read and webhook. */
    metadata: jsonb("metadata").$type<Record<string, string>>(),
    /** The Malipo-Version the session was created with; its events are written in that version. */
    apiVersion: text("api_version").notNull().default("2026-12-01"),
    createdBy: text("created_by").notNull(), // merchant | register:<id>
    /** Payment attempts made so far; each gets its own provider reference (`<reference>-<n>`). */
    attemptCount: integer("attempt_count").notNull().default(0),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    expiresAt: ts("expires_at").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("checkout_sessions_idem_uq")
      .on(t.createdBy, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // The merchant's list (newest first, keyset cursor) and the expiry sweep.
    index("checkout_sessions_created_idx").on(t.createdAt, t.id),
    index("checkout_sessions_open_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * Every event a shop may receive ({ id: evt_…, type, created, livemode, api_version, data }), kept 30 days
 * so GET /api/events can replay what a missed webhook said. Written in the transaction that causes it.
 */
export const merchantEvents = pgTable(
  "merchant_events",
  {
    id: text("id").primaryKey(), // evt_…
    type: text("type").notNull(),
    checkoutSessionId: text("checkout_session_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("merchant_events_created_idx").on(t.createdAt, t.id),
    index("merchant_events_type_created_idx").on(t.type, t.createdAt),
  ],
);

/**
 * Merchant webhooks waiting to be delivered. Written in the same transaction as the status change that
 * causes them, so a crash or restart between the change and the delivery loses nothing.
 */
export const merchantWebhookOutbox = pgTable(
  "merchant_webhook_outbox",
  {
    id: text("id").primaryKey(), // msg_… — the stable webhook-id across retries
    checkoutSessionId: text("checkout_session_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    url: text("url").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    leaseUntil: ts("lease_until"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    deadAt: ts("dead_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("merchant_webhook_outbox_due_idx").on(t.nextAttemptAt)],
);

/** The shop's people: one owner (email + password), managers and cashiers (name + PIN). */
export const staff = pgTable(
  "staff",
  {
    id: text("id").primaryKey(), // stf_…
    name: text("name").notNull(),
    role: text("role").notNull(), // owner | manager | cashier
    /** Lower-cased; owners and managers who sign in with a password. */
    email: text("email"),
    passwordHash: text("password_hash"),
    pinHash: text("pin_hash"),
    active: boolean("active").notNull().default(true),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("staff_email_uq")
      .on(t.email)
      .where(sql`${t.email} is not null`),
    uniqueIndex("staff_one_owner_uq")
      .on(t.role)
      .where(sql`${t.role} = 'owner'`),
  ],
);

/** Devices the owner or a manager authorised. Only the hash of a pairing code is kept. */
export const registers = pgTable(
  "registers",
  {
    id: text("id").primaryKey(), // reg_…
    name: text("name").notNull(),
    pairingCodeHash: text("pairing_code_hash"),
    pairingExpiresAt: ts("pairing_expires_at"),
    pairedAt: ts("paired_at"),
    revokedAt: ts("revoked_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registers_pairing_code_uq")
      .on(t.pairingCodeHash)
      .where(sql`${t.pairingCodeHash} is not null`),
  ],
);

/**
 * A customer-facing second screen that follows one register's sale (docs/ux.md "Customer-facing display").
 * Linked by scanning a QR of /display/{token}; only a keyed hash of the 256-bit token is kept. Revoked by the
 * back office or the register; a revoked register's displays stop too.
 */
export const customerDisplays = pgTable(
  "customer_displays",
  {
    id: text("id").primaryKey(), // cd_…
    registerId: text("register_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("customer_displays_token_uq").on(t.tokenHash),
    index("customer_displays_register_idx").on(t.registerId),
  ],
);

/**
 * Server-side sessions. `kind` types the cookie: `staff` (a person signed in, 12 hours) or `register` (the
 * device's pairing, long-lived). Only a keyed hash of the random token is stored.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(), // ses_… (public: listed and revoked by the back office)
    tokenHash: text("token_hash").notNull(),
    kind: text("kind").notNull(), // staff | register
    staffId: text("staff_id"),
    registerId: text("register_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("auth_sessions_token_uq").on(t.tokenHash),
    index("auth_sessions_staff_idx").on(t.staffId),
    index("auth_sessions_register_idx").on(t.registerId),
  ],
);

/** Failed sign-in counters shared by every instance: per register PIN pad, account, client address. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: ts("window_start").notNull(),
  lockedUntil: ts("locked_until"),
  lockCount: integer("lock_count").notNull().default(0),
});

/** The one-time code that lets the first person create the owner account (live mode, no OWNER_EMAIL). */
export const ownerSetup = pgTable("owner_setup", {
  id: integer("id").primaryKey(), // always 1
  codeHash: text("code_hash").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/**
 * Raw bytes. PGlite reads bytea as a Uint8Array and node-postgres as a Buffer; both become a Buffer here so
 * the rest of the code sees one type.
 */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The shop's uploaded logo (README "Branding"): one row at most, in the database rather than DATA_DIR so
 * every instance on one PostgreSQL serves the same image. The type was read from the bytes, never from
 * the upload's Content-Type; `etag` is a hash of the bytes.
 */
export const brandLogo = pgTable("brand_logo", {
  id: integer("id").primaryKey(), // always 1
  contentType: text("content_type").notNull(), // image/png | image/jpeg | image/webp
  bytes: bytea("bytes").notNull(),
  etag: text("etag").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;
export type PaymentEventRow = typeof paymentEvents.$inferSelect;
export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;
export type MerchantWebhookRow = typeof merchantWebhookOutbox.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type RegisterRow = typeof registers.$inferSelect;
export type AuthSessionRow = typeof authSessions.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type ShiftRow = typeof shifts.$inferSelect;
export type CustomerDisplayRow = typeof customerDisplays.$inferSelect;

/**
 * The shop's VFD registration with TRA (docs: README "Fiscal receipts"): everything TRA answered, the
 * device's counters and the cached token. One row per (TIN, device serial); its row lock serialises the
 * allocation of receipt numbers, so GC has no gap and no reuse across instances.
 */
export const fiscalRegistrations = pgTable(
  "fiscal_registrations",
  {
    id: text("id").primaryKey(), // vfd_…
    tin: text("tin").notNull(),
    certKey: text("cert_key").notNull(),
    regId: text("reg_id").notNull(),
    serial: text("serial").notNull(),
    uin: text("uin").notNull(),
    vrn: text("vrn").notNull(),
    name: text("name").notNull(),
    mobile: text("mobile").notNull(),
    address: text("address").notNull(),
    street: text("street").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    region: text("region").notNull(),
    taxOffice: text("tax_office").notNull(),
    receiptCode: text("receipt_code").notNull(),
    routingKey: text("routing_key").notNull(),
    tokenPath: text("token_path").notNull(),
    /** TRA's credentials for the token call: server-side only, never in JSON, logs or the browser. */
    username: text("username").notNull(),
    password: text("password").notNull(),
    /** CODEA…CODED as TRA sent them, e.g. {"A":"18.00","B":"0.00",…}. */
    taxCodes: jsonb("tax_codes").$type<Record<string, string>>().notNull(),
    /** The GC TRA gave at registration (the first to use) and the next one to allocate. */
    startGc: bigint("start_gc", { mode: "number" }).notNull(),
    nextGc: bigint("next_gc", { mode: "number" }).notNull(),
    /** The last receipt's day (YYYYMMDD, EAT) and its daily counter. */
    lastZnum: text("last_znum"),
    lastDc: integer("last_dc").notNull().default(0),
    /** The last day whose Z report is queued (YYYYMMDD); days after it up to yesterday still need one. */
    lastZDay: text("last_z_day"),
    /** Running total since day one (minor units) for the Z report's GROSS. */
    grossMinor: bigint("gross_minor", { mode: "number" }).notNull().default(0),
    registeredOn: text("registered_on").notNull(), // YYYY-MM-DD (EAT)
    /** TRA's full answer, kept as received. */
    response: text("response").notNull(),
    token: text("token"),
    tokenExpiresAt: ts("token_expires_at"),
    /** The sender's lease: one instance posts this device's queue at a time, strictly in order. */
    sendLeaseUntil: ts("send_lease_until"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("fiscal_registrations_device_uq").on(t.tin, t.certKey)],
);

/**
 * Fiscal documents (receipts and Z reports) in the order they must reach TRA (`seq`). `body` holds the
 * exact signed bytes; a resend posts them unchanged.
 */
export const fiscalDocuments = pgTable(
  "fiscal_documents",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    registrationId: text("registration_id").notNull(),
    kind: text("kind").notNull(), // receipt | zreport
    /** Receipts: the completed payment; at most one receipt per payment. */
    paymentId: text("payment_id"),
    gc: bigint("gc", { mode: "number" }),
    dc: integer("dc"),
    znum: text("znum").notNull(), // YYYYMMDD
    rctvnum: text("rctvnum"),
    issuedDate: text("issued_date").notNull(), // YYYY-MM-DD
    issuedTime: text("issued_time").notNull(), // HH:MM:SS
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    /** What the receipt shows (items, totals, payment type): the fiscal block renders this. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(), // pending | acknowledged | rejected
    attempts: integer("attempts").notNull().default(0),
    /** Answers with a non-zero ACKCODE; at the limit the document is marked rejected. */
    rejections: integer("rejections").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastAckCode: integer("last_ack_code"),
    lastAckMsg: text("last_ack_msg"),
    lastError: text("last_error"),
    acknowledgedAt: ts("acknowledged_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("fiscal_documents_payment_uq")
      .on(t.paymentId)
      .where(sql`${t.paymentId} is not null`),
    uniqueIndex("fiscal_documents_gc_uq")
      .on(t.registrationId, t.gc)
      .where(sql`${t.gc} is not null`),
    uniqueIndex("fiscal_documents_z_uq")
      .on(t.registrationId, t.znum)
      .where(sql`${t.kind} = 'zreport'`),
    index("fiscal_documents_queue_idx").on(t.registrationId, t.status, t.seq),
  ],
);

export type FiscalRegistrationRow = typeof fiscalRegistrations.$inferSelect;
export type FiscalDocumentRow = typeof fiscalDocuments.$inferSelect;
