import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/server/http/api-error";
import { parseStrictQuery } from "@/lib/server/http/strict-query";
import type { StoredLogo } from "./logo-store";

// Serving the uploaded logo. The bytes were recognised as PNG, JPEG or WebP at upload, and the answer says
// so explicitly (nosniff, inline, a CSP that lets nothing run), so even a file crafted to look like HTML
// past its first bytes is only ever an image. Pages link it as ?v=<etag>: that URL never changes content,
// so it is cached for a year; any other request revalidates with the ETag.

const query = z.object({ v: z.string().max(64).optional() });

const EXTENSION: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

export function serveLogo(request: Request, logo: StoredLogo | null): Response {
  const { v } = parseStrictQuery(query, new URL(request.url).searchParams);
  if (!logo) throw new ApiError("NOT_FOUND", "No logo has been uploaded.");
  const etag = `"${logo.etag}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": v === logo.etag ? "public, max-age=31536000, immutable" : "public, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": `inline; filename="logo.${EXTENSION[logo.contentType] ?? "img"}"`,
  };
  const known = request.headers.get("if-none-match") ?? "";
  if (known.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(logo.bytes), {
    headers: { ...headers, "Content-Type": logo.contentType, "Content-Length": String(logo.size) },
  });
}
