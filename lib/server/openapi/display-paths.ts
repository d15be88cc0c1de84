import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  customerDisplayCreatedSchema,
  customerDisplayListSchema,
  customerDisplaySchema,
  displayStateSchema,
} from "@/lib/customer-display-contract";
import { errors, idPath, json, staffSession } from "./openapi-parts";

// Customer displays (docs/api.md "Customer display"): linked from the register, listed and revoked by the
// register and the back office, and the display's own stream, opened by its token without sign-in.

export const displayPaths: ZodOpenApiPathsObject = {
  "/api/customer-displays": {
    get: {
      summary:
        "Linked customer displays: every register's for the owner and managers, a cashier's own register's",
      security: staffSession,
      responses: {
        "200": { description: "The displays still linked", content: json(customerDisplayListSchema) },
        "401": errors.unauthenticated,
        "403": errors.forbidden,
      },
    },
    post: {
      summary: "Link a new customer display to the signed-in person's register",
      description: "The answer's `url` (/display/{token}) is shown once as a QR; only a keyed hash is kept.",
      security: staffSession,
      responses: {
        "201": { description: "The display and its address", content: json(customerDisplayCreatedSchema) },
        "401": errors.unauthenticated,
        "403": errors.forbidden,
      },
    },
  },
  "/api/customer-displays/{id}": {
    delete: {
      summary: "Disconnect a customer display (owner, manager, or a cashier of its register)",
      description: "Its open stream ends with a `revoked` frame; its token opens nothing any more.",
      security: staffSession,
      requestParams: { path: idPath },
      responses: {
        "200": { description: "The disconnected display", content: json(customerDisplaySchema) },
        "401": errors.unauthenticated,
        "403": errors.forbidden,
        "404": errors.notFound,
      },
    },
  },
  "/api/display/{token}/events": {
    get: {
      summary: "The customer display's live stream: the register's current sale as server-sent events",
      description:
        "No sign-in: the display's token is the key (unknown or revoked → 404). A `retry:` hint, then an " +
        "`event: state` frame whose `data` is a DisplayState at once and whenever what the customer sees " +
        "changes (`sale: null` between sales, 60 s after an outcome); `event: revoked` and the end once the " +
        "display or its register is revoked; a comment ping every 15 s. Capped like payment streams (429).",
      requestParams: { path: z.object({ token: z.string() }) },
      responses: {
        "200": {
          description: "The event stream",
          content: { "text/event-stream": { schema: displayStateSchema } },
        },
        "404": errors.notFound,
        "429": errors.rateLimited,
      },
    },
  },
};
