import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { refundListSchema, refundSchema } from "@/lib/api-contract";
import { createRefundSchema } from "@/lib/refund-schema";
import { error, errors, idPath, json, staffSession } from "./openapi-parts";

// Refunds (docs/api.md#refunds): a payment's money given back, in part or in full.

const createRefund = createRefundSchema.meta({ id: "CreateRefundRequest" });
const callers = [{ merchantKey: [] }, ...staffSession];

export const refundPaths: ZodOpenApiPathsObject = {
  "/api/payments/{id}/refunds": {
    post: {
      summary: "Give back part or all of a completed payment",
      description:
        "The owner, a manager, or the merchant key (checkout payments only). A cashier must send " +
        "`approval`: a manager's or the owner's staff_id + PIN, or email + password, checked and " +
        "throttled like a sign-in. The amount is held under the payment's lock before the provider " +
        "is asked, so parallel refunds never give back more than was paid. The payment becomes " +
        "partially_refunded or refunded; its event log and live stream carry the change, and a " +
        "checkout payment's merchant gets checkout.payment.refunded.",
      security: callers,
      requestParams: {
        path: idPath,
        header: z.object({
          "Idempotency-Key": z
            .string()
            .min(1)
            .max(255)
            .meta({ description: "One new key per refund, resent unchanged on every retry of it." }),
        }),
      },
      requestBody: { content: json(createRefund) },
      responses: {
        "200": {
          description: "A replay of the refund with this Idempotency-Key",
          content: json(refundSchema),
        },
        "201": { description: "The money was given back", content: json(refundSchema) },
        "400": errors.validation,
        "401": errors.unauthenticated,
        "403": error("FORBIDDEN: a cashier without a manager's approval, a wrong approval, or wrong origin"),
        "404": errors.notFound,
        "409": error("PAYMENT_NOT_REFUNDABLE: the payment is not completed or already given back in full"),
        "422": error(
          "REFUND_EXCEEDS_BALANCE (more than is left), REFUND_NOT_SUPPORTED (SplashPay) or " +
            "IDEMPOTENCY_KEY_REUSED",
        ),
        "429": errors.rateLimited,
        "502": errors.providerUnavailable,
      },
    },
    get: {
      summary: "A payment's refunds, oldest first",
      security: callers,
      requestParams: { path: idPath },
      responses: {
        "200": { description: "The refunds", content: json(refundListSchema) },
        "401": errors.unauthenticated,
        "404": errors.notFound,
      },
    },
  },
};
