import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import {
  healthSchema,
  paymentListSchema,
  paymentSchema,
  readinessSchema,
  webhookDeliverySchema,
} from "@/lib/api-contract";
import { LATEST_API_VERSION } from "@/lib/api-version";
import { cashPaymentSchema } from "@/lib/cash-payment-schema";
import { createPaymentSchema, failoverFieldSchema } from "@/lib/payment-schema";
import { sessionPaymentSchema } from "@/lib/server/checkout/checkout-session-schema";
import { listPaymentsQuerySchema } from "@/lib/server/payments/list-payments";
import { payGridCallbackSchema, payGridWebhookSchema } from "@/lib/server/providers/paygrid/schemas";
import { splashPayWebhookSchema } from "@/lib/server/providers/splashpay/schemas";
import { error, errors, idPath, json, staffSession } from "./openapi-parts";
import { brandPaths } from "./brand-paths";
import { dayPaths } from "./day-paths";
import { refundPaths } from "./refund-paths";
import { displayPaths } from "./display-paths";
import { fiscalPaths } from "./fiscal-paths";
import {
  apiVersionHeader,
  merchantKey,
  merchantPaths,
  merchantWebhooks,
  versionEcho,
} from "./merchant-paths";
import { staffPaths } from "./staff-paths";

// The HTTP contract as OpenAPI 3.1, generated from the very zod schemas the routes parse with and the
// wire module answers with (zod-openapi reads zod 4's own metadata). Served at GET /api/openapi.json and
// checked in as docs/openapi.json (npm run openapi; a unit test fails when the two drift apart).

// Request bodies by name, so they show up in the document's schema list. Made once: each .meta() call
// registers a new schema under its id.
const requests = {
  cashPayment: cashPaymentSchema.meta({ id: "CashPaymentRequest" }),
  // failover_from is read beside the payment body (docs/api.md#failover), so it is documented as a second part.
  createPayment: z
    .intersection(createPaymentSchema, failoverFieldSchema)
    .meta({ id: "CreatePaymentRequest" }),
  sessionPayment: sessionPaymentSchema.meta({ id: "SessionPaymentRequest" }),
  payGridWebhook: payGridWebhookSchema.meta({ id: "PayGridWebhook" }),
  payGridCallback: payGridCallbackSchema.meta({ id: "PayGridCallback" }),
  splashPayWebhook: splashPayWebhookSchema.meta({ id: "SplashPayWebhook" }),
};

const idempotencyKey = (required: boolean) =>
  z
    .string()
    .min(1)
    .max(255)
    .meta({
      description: required
        ? "One new key per payment attempt, resent unchanged on every retry of that attempt."
        : "Optional: the same key replays the session created first.",
    });

const viewer = z.object({
  session: z
    .string()
    .optional()
    .meta({ description: "A shopper's checkout session id (cs_…); without it the staff session decides" }),
});

const paymentCreated: ZodOpenApiResponsesObject = {
  "200": { description: "A replay of the attempt with this Idempotency-Key", content: json(paymentSchema) },
  "201": { description: "The payment was created", content: json(paymentSchema) },
  "400": errors.validation,
  "402": error("PAYMENT_DECLINED: no money was taken"),
  "403": errors.forbidden,
  "409": error("DUPLICATE_REFERENCE"),
  "422": error(
    "IDEMPOTENCY_KEY_REUSED (the key was used for a different request) or PROVIDER_NOT_CONFIGURED " +
      "(that provider is off on this Malipo; nothing was written)",
  ),
  "502": errors.providerUnavailable,
};

const readPayment: ZodOpenApiOperationObject = {
  summary: "Read a payment",
  security: [...staffSession, {}],
  requestParams: { path: idPath, query: viewer },
  responses: {
    "200": { description: "The payment", content: json(paymentSchema) },
    "401": errors.unauthenticated,
    "404": errors.notFound,
  },
};

const merchantReadable =
  "With the merchant key: only the payments of the shop's own checkout sessions (never the register's " +
  "sales), answered with the Malipo-Version header.";

const webhook = (summary: string, body: z.ZodType, prefix: string): ZodOpenApiOperationObject => ({
  summary,
  description: "The signature is verified on the raw body before it is parsed; 404 when the provider is off.",
  requestParams: {
    header: z.object({ [`${prefix}-timestamp`]: z.string(), [`${prefix}-signature`]: z.string() }),
  },
  requestBody: { content: json(body) },
  responses: {
    "200": {
      description: "Received (also for duplicates and events about unknown payments)",
      content: json(z.object({ received: z.literal(true), outcome: z.string() })),
    },
    "400": errors.validation,
    "401": error("UNAUTHENTICATED: the signature does not verify"),
    "404": errors.notFound,
  },
});

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Malipo API",
      version: LATEST_API_VERSION,
      description:
        "Point-of-sale checkout for Tanzanian merchants. The merchant API is versioned by date: send " +
        `Malipo-Version: ${LATEST_API_VERSION}; answers echo the version used. Every error answers with the one shape ` +
        '{"error":{"code","message","fields"?,"retryable"?}}. Amounts are decimal strings in major units.',
    },
    components: {
      securitySchemes: {
        staffSession: {
          type: "apiKey",
          in: "cookie",
          name: "malipo_session",
          description: "A signed-in person (owner, manager or cashier): POST /api/session",
        },
        registerPairing: {
          type: "apiKey",
          in: "cookie",
          name: "malipo_register",
          description: "A paired register device: POST /api/registers/pair; needed for a PIN sign-in",
        },
        merchantKey: {
          type: "http",
          scheme: "bearer",
          description: "MERCHANT_API_KEY: mk_test_… on a sandbox Malipo, mk_live_… on a live one",
        },
      },
    },
    webhooks: merchantWebhooks,
    paths: {
      "/api/payments": {
        post: {
          summary: "Create a payment at the register",
          description:
            'A cash sale (provider and method "cash", optional tendered) is completed at once; no provider is called.',
          security: staffSession,
          requestParams: { header: z.object({ "Idempotency-Key": idempotencyKey(true) }) },
          requestBody: { content: json(z.union([requests.createPayment, requests.cashPayment])) },
          responses: { ...paymentCreated, "401": errors.unauthenticated },
        },
        get: {
          summary:
            "Search the payments, newest first (a cashier: the register's, payment-link sales included)",
          description: merchantReadable,
          security: [...staffSession, ...merchantKey],
          requestParams: { query: listPaymentsQuerySchema, header: apiVersionHeader },
          responses: {
            "200": { description: "One page", headers: versionEcho, content: json(paymentListSchema) },
            "400": errors.validation,
            "401": errors.unauthenticated,
          },
        },
      },
      "/api/payments/{id}": {
        get: {
          ...readPayment,
          description: merchantReadable,
          security: [...staffSession, ...merchantKey, {}],
          requestParams: { path: idPath, query: viewer, header: apiVersionHeader },
        },
      },
      "/api/payments/{id}/refresh": {
        post: {
          ...readPayment,
          summary: "Ask the provider about a payment now",
          description:
            "The provider is asked at most once per payment every 5 s across all instances; a call " +
            "within that interval answers the stored state.",
          responses: { ...readPayment.responses, "502": errors.providerUnavailable },
        },
      },
      "/api/payments/{id}/cancel": {
        post: {
          summary: "Withdraw an open SplashPay TANQR so it can no longer be paid",
          description:
            "Answers the payment as SplashPay leaves it: cancelled, or the outcome it reached meanwhile " +
            "(money that landed first stays paid). PayGrid documents no cancel: its payments expire.",
          security: staffSession,
          requestParams: { path: idPath },
          responses: {
            "200": { description: "The payment afterwards", content: json(paymentSchema) },
            "401": errors.unauthenticated,
            "403": errors.forbidden,
            "404": errors.notFound,
            "409": error("PAYMENT_NOT_CANCELLABLE: the payment is no longer open"),
            "422": error("CANCEL_NOT_SUPPORTED: the payment's provider has no cancel (PayGrid)"),
            "502": errors.providerUnavailable,
          },
        },
      },
      "/api/payments/{id}/events": {
        get: {
          summary: "Live status as server-sent events",
          description:
            "A `retry:` hint, the current payment at once (or a replay after Last-Event-ID), then one " +
            "`event: payment` frame per change whose `data` is a Payment and whose `id` is the event " +
            "sequence; a comment ping every 15 s; the stream ends after a terminal status, or after its " +
            "maximum lifetime with a retry hint (the browser reconnects with Last-Event-ID). Open " +
            "streams are capped per payment and per client address (429 beyond).",
          security: [...staffSession, {}],
          requestParams: {
            path: idPath,
            query: viewer.extend({ lastEventId: z.string().optional() }),
            header: z.object({ "Last-Event-ID": z.string().optional() }),
          },
          responses: {
            "200": {
              description: "The event stream",
              content: { "text/event-stream": { schema: paymentSchema } },
            },
            "401": errors.unauthenticated,
            "404": errors.notFound,
            "429": errors.rateLimited,
          },
        },
      },
      ...refundPaths,
      "/api/checkout-sessions/{id}/payments": {
        post: {
          summary: "A shopper pays a checkout session",
          description:
            "The amount, currency and reference come from the session; the body never carries them.",
          requestParams: { path: idPath, header: z.object({ "Idempotency-Key": idempotencyKey(true) }) },
          requestBody: { content: json(requests.sessionPayment) },
          responses: { ...paymentCreated, "404": errors.notFound },
        },
      },
      ...merchantPaths,
      ...staffPaths,
      ...dayPaths,
      ...displayPaths,
      ...fiscalPaths,
      ...brandPaths,
      "/api/webhooks/paygrid": {
        post: webhook(
          "PayGrid status webhooks and callbacks",
          z.union([requests.payGridWebhook, requests.payGridCallback]),
          "x-meetpay",
        ),
      },
      "/api/webhooks/splashpay": {
        post: webhook("SplashPay status webhooks", requests.splashPayWebhook, "x-splashpay"),
      },
      "/api/health": {
        get: {
          summary: "Liveness: the process answers (nothing about the database or the mode)",
          responses: {
            "200": { description: "Up", content: json(healthSchema) },
            "503": error("SHUTTING_DOWN: a graceful shutdown has begun"),
          },
        },
      },
      "/api/ready": {
        get: {
          summary: "Readiness for a load balancer",
          description:
            "503 names the reason: db, migrations, listen (the LISTEN connection) or shutting_down.",
          responses: {
            "200": { description: "Ready to serve", content: json(readinessSchema) },
            "503": { description: "Not ready", content: json(readinessSchema) },
          },
        },
      },
      "/api/metrics": {
        get: {
          summary: "Prometheus metrics (Authorization: Bearer METRICS_TOKEN)",
          responses: {
            "200": {
              description: "Prometheus text format",
              content: { "text/plain": { schema: z.string() } },
            },
            "401": error("UNAUTHENTICATED: no or a wrong METRICS_TOKEN"),
            "404": error("NOT_FOUND: METRICS_TOKEN is not set, metrics are off"),
          },
        },
      },
      "/api/webhook-deliveries": {
        get: {
          summary: "The merchant's webhook deliveries by status (merchant key)",
          security: [{ merchantKey: [] }],
          requestParams: {
            query: z.object({
              status: z
                .enum(["failed", "pending", "delivered"])
                .optional()
                .meta({ description: "Default failed" }),
              limit: z.number().int().min(1).max(200).optional().meta({ description: "Default 50" }),
            }),
          },
          responses: {
            "200": {
              description: "Newest first",
              content: json(z.object({ data: z.array(webhookDeliverySchema) })),
            },
            "400": errors.validation,
            "401": errors.unauthenticated,
          },
        },
      },
      "/api/webhook-deliveries/{id}/retry": {
        post: {
          summary: "Queue a failed delivery again, same webhook-id (merchant key)",
          security: [{ merchantKey: [] }],
          requestParams: { path: idPath },
          responses: {
            "202": { description: "Queued again", content: json(webhookDeliverySchema) },
            "200": { description: "Not failed: answered as it is", content: json(webhookDeliverySchema) },
            "401": errors.unauthenticated,
            "404": errors.notFound,
          },
        },
      },
      "/api/openapi.json": {
        get: {
          summary: "This document",
          responses: {
            "200": { description: "OpenAPI 3.1", content: json(z.record(z.string(), z.unknown())) },
          },
        },
      },
    },
  });
}

/** The document as docs/openapi.json holds it. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
