import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { currentRequestId, log } from "@/lib/server/log";
import { ApiError } from "./api-error";
import { isDatabaseUnavailable } from "./database-unavailable";

/** Maps anything thrown in a route handler to the one error shape; unknown errors never leak their message. */
export function handleRouteError(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(error.toBody(), { status: error.status, headers: error.extra.headers });
  }
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return Response.json(
      new ApiError("VALIDATION_ERROR", "Some fields are not valid.", { fields }).toBody(),
      {
        status: 400,
      },
    );
  }
  if (isDatabaseUnavailable(error)) {
    log.warn("database unavailable", { error: error instanceof Error ? error.message : String(error) });
    const unavailable = new ApiError(
      "SERVICE_UNAVAILABLE",
      "The database is not reachable for a moment. Try again: it is safe.",
      { retryable: true, headers: { "retry-after": "1" } },
    );
    return Response.json(unavailable.toBody(), { status: 503, headers: unavailable.extra.headers });
  }
  // The request's own X-Request-Id (the log line carries it too); a fresh one outside a served request.
  const requestId = currentRequestId() ?? randomUUID();
  log.error("unhandled route error", {
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return Response.json(
    { error: { code: "INTERNAL", message: `Something went wrong on our side (request ${requestId}).` } },
    { status: 500 },
  );
}
