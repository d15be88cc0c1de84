import "server-only";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { fiscalOverviewSchema, fiscalReceiptSchema } from "@/lib/fiscal-receipt";
import { error, errors, idPath, json, staffSession } from "./openapi-parts";

// Fiscal receipts through TRA's VFD API (README "Fiscal receipts").

const receipt = fiscalReceiptSchema.meta({ id: "FiscalReceipt" });
const overview = fiscalOverviewSchema.meta({ id: "FiscalOverview" });

export const fiscalPaths: ZodOpenApiPathsObject = {
  "/api/payments/{id}/fiscal": {
    get: {
      summary: "The fiscal receipt of a completed payment: the block a receipt shows",
      description:
        "Issued by the fiscal worker within a second or two of completion and shown at once; `status` says " +
        "whether TRA has acknowledged it yet. 404 until it is issued, or when fiscal receipts are off. A " +
        "shopper reads it with `?session=cs_…` like the payment itself.",
      security: [...staffSession, {}],
      requestParams: { path: idPath },
      responses: {
        "200": { description: "The fiscal receipt", content: json(receipt) },
        "401": errors.unauthenticated,
        "403": errors.forbidden,
        "404": errors.notFound,
      },
    },
  },
  "/api/fiscal": {
    get: {
      summary:
        "The device's TRA registration and its queue (pending, acknowledged, rejected with TRA's code)",
      security: staffSession,
      responses: {
        "200": { description: "Registration and queue", content: json(overview) },
        "401": errors.unauthenticated,
        "403": errors.managersOnly,
      },
    },
  },
  "/api/fiscal/registration": {
    post: {
      summary: "Register the device with TRA (again): TRA resends its data; counters are kept",
      security: staffSession,
      responses: {
        "200": { description: "Registered", content: json(overview) },
        "401": errors.unauthenticated,
        "403": error("FORBIDDEN: wrong origin, or the signed-in person is not the owner"),
        "422": errors.providerNotConfigured,
        "502": error("PROVIDER_UNAVAILABLE: TRA refused or did not answer; the message names the problem"),
      },
    },
  },
};
