import "server-only";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  checkoutSessionListSchema,
  checkoutSessionSchema,
  merchantEventListSchema,
} from "@/lib/api-contract";
import { API_VERSION_HEADER, API_VERSIONS, LATEST_API_VERSION } from "@/lib/api-version";
import { createCheckoutSessionSchema } from "@/lib/server/checkout/checkout-session-schema";
import { listCheckoutSessionsQuerySchema } from "@/lib/server/checkout/list-checkout-sessions";
import { listEventsQuerySchema } from "@/lib/server/checkout/list-events";
import { error, errors, idPath, json, staffSession } from "./openapi-parts";

// The merchant API (docs/api.md "Merchant API"): checkout sessions, their events, and what the merchant
// key may read. Every operation takes Malipo-Version and answers with the version it used.

export const merchantKey = [{ merchantKey: [] }];

export const apiVersionHeader = z.object({
  [API_VERSION_HEADER]: z
    .enum(API_VERSIONS)
    .optional()
    .meta({
      description: `The API version to answer in; ${LATEST_API_VERSION} when left out`,
      example: LATEST_API_VERSION,
    }),
});

/** The response header every merchant-API answer carries. */
export const versionEcho = {
  [API_VERSION_HEADER]: {
    description: "The API version this answer is in",
    schema: { type: "string" as const },
  },
};

const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: "Optional: the same key replays the session created first." });

const keyErrors = {
  "401": error(
    "UNAUTHENTICATED (no or a wrong merchant key) or KEY_MODE_MISMATCH (an mk_live_ key on a sandbox Malipo, or mk_test_ on a live one)",
  ),
};

const listOf = (summary: string, query: z.ZodObject, list: z.ZodType, description?: string) =>
  ({
    summary,
    ...(description ? { description } : {}),
    security: merchantKey,
    requestParams: { query, header: apiVersionHeader },
    responses: {
      "200": { description: "One page, newest first", headers: versionEcho, content: json(list) },
      "400": error(
        "VALIDATION_ERROR: an unknown parameter, limit over 100, a bad cursor or time (fields name them)",
      ),
      ...keyErrors,
    },
  }) satisfies ZodOpenApiOperationObject;

const createRequest = createCheckoutSessionSchema.meta({ id: "CreateCheckoutSessionRequest" });

export const merchantPaths: ZodOpenApiPathsObject = {
  "/api/checkout-sessions": {
    post: {
      summary: "Create a hosted checkout session",
      description:
        "success_url and cancel_url must be http(s) (within MERCHANT_REDIRECT_ORIGINS when set); " +
        "webhook_url is for the merchant key only and must resolve to a public address.",
      security: [...merchantKey, ...staffSession],
      requestParams: {
        header: apiVersionHeader.extend({ "Idempotency-Key": idempotencyKey }),
      },
      requestBody: { content: json(createRequest) },
      responses: {
        "200": {
          description: "A replay for this Idempotency-Key",
          headers: versionEcho,
          content: json(checkoutSessionSchema),
        },
        "201": {
          description: "The session was created",
          headers: versionEcho,
          content: json(checkoutSessionSchema),
        },
        "400": errors.validation,
        ...keyErrors,
        "403": error("FORBIDDEN: wrong origin, or webhook_url sent with a staff session"),
        "422": error("IDEMPOTENCY_KEY_REUSED"),
      },
    },
    get: listOf(
      "List the shop's checkout sessions",
      listCheckoutSessionsQuerySchema,
      checkoutSessionListSchema,
      "Sessions made with the merchant key (not a register's payment links); cursor pagination.",
    ),
  },
  "/api/checkout-sessions/{id}": {
    get: {
      summary: "Read a checkout session with its payments",
      security: [...merchantKey, ...staffSession],
      requestParams: { path: idPath, header: apiVersionHeader },
      responses: {
        "200": { description: "The session", headers: versionEcho, content: json(checkoutSessionSchema) },
        ...keyErrors,
        "404": errors.notFound,
      },
    },
  },
  "/api/checkout-sessions/{id}/expire": {
    post: {
      summary: "Expire an open checkout session now",
      description:
        "A live payment attempt is superseded first (cancelled at the provider where it can be); a " +
        "checkout.session.expired event follows. Money that landed meanwhile wins: the answer is 409.",
      security: merchantKey,
      requestParams: { path: idPath, header: apiVersionHeader },
      responses: {
        "200": {
          description: "The expired session",
          headers: versionEcho,
          content: json(checkoutSessionSchema),
        },
        ...keyErrors,
        "404": errors.notFound,
        "409": error("SESSION_NOT_OPEN: the session is already paid or expired; nothing changed"),
      },
    },
  },
  "/api/events": {
    get: listOf(
      "List the events of the last 30 days",
      listEventsQuerySchema,
      merchantEventListSchema,
      "The very bodies the webhooks carried (MerchantEvent), so a shop can recover missed ones.",
    ),
  },
};

/** Webhooks a shop receives (OpenAPI 3.1 `webhooks`). */
export const merchantWebhooks = {
  "checkout-event": {
    post: {
      summary: "A checkout event (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)",
      // A reference rather than the zod schema: as a request body it would be registered a second time in
      // its input form (MerchantEventOutput…) although shops only ever receive it.
      requestBody: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/MerchantEvent" } } },
      },
      responses: { "200": { description: "Any 2xx acknowledges; anything else is retried with backoff" } },
    },
  },
};
