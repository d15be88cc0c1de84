import "server-only";
import { z } from "zod";
import { apiErrorBodySchema } from "@/lib/api-contract";

// Pieces every part of the OpenAPI document shares (lib/server/openapi/openapi-document.ts).

export const json = (schema: z.ZodType) => ({ "application/json": { schema } });

export const error = (description: string) => ({ description, content: json(apiErrorBodySchema) });

export const errors = {
  validation: error("VALIDATION_ERROR (bad body, query or header) or IDEMPOTENCY_KEY_REQUIRED"),
  unauthenticated: error("UNAUTHENTICATED: no valid staff session or merchant key"),
  forbidden: error("FORBIDDEN: wrong origin, or the checkout is paid or expired"),
  managersOnly: error("FORBIDDEN: wrong origin, or the signed-in person is a cashier"),
  notFound: error("NOT_FOUND: no such resource for this caller"),
  rateLimited: error("RATE_LIMITED: too many attempts; the Retry-After header says when to try again"),
  providerUnavailable: error("PROVIDER_UNAVAILABLE: retry with the same Idempotency-Key (retryable: true)"),
  providerNotConfigured: error("PROVIDER_NOT_CONFIGURED: that provider is off on this Malipo"),
};

export const idPath = z.object({ id: z.string() });

/** The person's session cookie (malipo_session), the only way to call the back office. */
export const staffSession = [{ staffSession: [] }];
