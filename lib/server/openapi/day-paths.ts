import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { currentShiftSchema, dayReportSchema, zReportSchema } from "@/lib/day-contract";
import { dayQuerySchema } from "@/lib/server/day/day-report";
import { closeShiftSchema, openShiftSchema } from "@/lib/server/day/shift-schema";
import { error, errors, idPath, json, staffSession } from "./openapi-parts";

// Shifts, Z reports and the day report (docs/api.md#the-merchants-day).

const requests = {
  openShift: openShiftSchema.meta({ id: "OpenShiftRequest" }),
  closeShift: closeShiftSchema.meta({ id: "CloseShiftRequest" }),
};

const signedIn = { "401": errors.unauthenticated, "403": errors.forbidden };
const managersOnly = { "401": errors.unauthenticated, "403": errors.managersOnly };

export const dayPaths: ZodOpenApiPathsObject = {
  "/api/shifts": {
    post: {
      summary: "Open a shift on the signed-in register with a cash float",
      description: "Shifts are optional; the register's sales attach to its open shift at creation.",
      security: staffSession,
      requestBody: { content: json(requests.openShift) },
      responses: {
        "201": { description: "The shift, with its (empty) report", content: json(zReportSchema) },
        "400": errors.validation,
        ...signedIn,
        "409": error("SHIFT_ALREADY_OPEN: this register already has an open shift"),
      },
    },
  },
  "/api/shifts/current": {
    get: {
      summary: "The signed-in register's open shift and its report so far (nulls when none)",
      security: staffSession,
      responses: { "200": { description: "The open shift", content: json(currentShiftSchema) }, ...signedIn },
    },
  },
  "/api/shifts/{id}": {
    get: {
      summary: "A shift's Z report: frozen at close, as of now while open",
      description: "A cashier reads their register's shifts only; the owner and managers any.",
      security: staffSession,
      requestParams: { path: idPath },
      responses: {
        "200": { description: "The Z report", content: json(zReportSchema) },
        ...signedIn,
        "404": errors.notFound,
      },
    },
  },
  "/api/shifts/{id}/close": {
    post: {
      summary: "Close a shift with the cash counted → its Z report",
      security: staffSession,
      requestParams: { path: idPath },
      requestBody: { content: json(requests.closeShift) },
      responses: {
        "200": { description: "The frozen Z report", content: json(zReportSchema) },
        "400": errors.validation,
        ...signedIn,
        "404": errors.notFound,
        "409": error("SHIFT_CLOSED: the shift is already closed"),
      },
    },
  },
  "/api/reports/day": {
    get: {
      summary: "The day report: per currency and channel, across registers or one (owner, managers)",
      description:
        "Days are calendar days in Africa/Dar_es_Salaam. A channel counts only money confirmed by the " +
        "provider's webhook or our poll (and cash); 400 for a malformed date.",
      security: staffSession,
      requestParams: { query: dayQuerySchema },
      responses: {
        "200": { description: "The day report", content: json(dayReportSchema) },
        "400": errors.validation,
        ...managersOnly,
      },
    },
  },
  "/api/reports/day.csv": {
    get: {
      summary: "The day's payments as CSV, one row per payment (owner, managers)",
      description:
        "RFC 4180 with CRLF line ends and a UTF-8 byte-order mark, so a spreadsheet opens it as is.",
      security: staffSession,
      requestParams: { query: dayQuerySchema },
      responses: {
        "200": { description: "text/csv", content: { "text/csv": { schema: z.string() } } },
        "400": errors.validation,
        ...managersOnly,
      },
    },
  },
};
