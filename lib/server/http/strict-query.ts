import "server-only";
import { z } from "zod";
import { ApiError } from "./api-error";

/**
 * A query string parsed against `schema`, with every unknown parameter refused by name (a misspelt
 * `creatd_from` silently ignored would list the wrong orders). Zod's own errors keep their field paths.
 */
export function parseStrictQuery<S extends z.ZodObject>(
  schema: S,
  searchParams: URLSearchParams,
): z.output<S> {
  const known = new Set(Object.keys(schema.shape));
  const unknown = [...new Set(searchParams.keys())].filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new ApiError("VALIDATION_ERROR", "Unknown query parameters.", {
      fields: unknown.map((k) => ({
        path: k.slice(0, 60),
        message: `not a parameter; use ${[...known].join(", ")}`,
      })),
    });
  }
  return schema.parse(Object.fromEntries(searchParams));
}
