import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { brandLogoSchema } from "@/lib/brand-logo-contract";
import { error, errors, json, staffSession } from "./openapi-parts";

// The shop's uploaded logo (docs/api.md "Branding"): read by anyone, since every shopper's page shows it;
// replaced or removed by the owner only.

const image = (description: string) => ({
  description,
  content: Object.fromEntries(
    ["image/png", "image/jpeg", "image/webp"].map((type) => [
      type,
      { schema: z.string().meta({ format: "binary" }) },
    ]),
  ),
});

export const brandPaths: ZodOpenApiPathsObject = {
  "/api/brand/logo": {
    get: {
      summary: "The shop's uploaded logo, as the shopper's pages load it",
      description:
        "No sign-in. Answers with an `ETag` (`If-None-Match` → 304), `X-Content-Type-Options: nosniff` and " +
        "`Content-Disposition: inline`. With `v` equal to the current version (the URL the pages use) it may " +
        "be cached for a year; otherwise the browser revalidates.",
      requestParams: { query: z.object({ v: z.string().max(64).optional() }) },
      responses: {
        "200": image("The image, with the type read from its bytes at upload"),
        "304": { description: "Not modified: the ETag still matches" },
        "400": errors.validation,
        "404": errors.notFound,
      },
    },
    put: {
      summary: "Upload the shop's logo (owner only); it replaces any earlier one and MERCHANT_LOGO_URL",
      description:
        "The body is the image itself: PNG, JPEG or WebP, recognised by its first bytes whatever the " +
        "`Content-Type` says; SVG is refused. At most 200 KiB. A refused upload leaves the stored logo as it was.",
      security: staffSession,
      requestBody: image("The image file's bytes"),
      responses: {
        "200": { description: "The stored logo", content: json(brandLogoSchema) },
        "400": error("VALIDATION_ERROR: the body is empty"),
        "401": errors.unauthenticated,
        "403": error("FORBIDDEN: wrong origin, or the signed-in person is not the owner"),
        "413": error("PAYLOAD_TOO_LARGE: the image is over 200 KiB"),
        "415": error("UNSUPPORTED_MEDIA_TYPE: the bytes are not a PNG, JPEG or WebP image"),
      },
    },
    delete: {
      summary: "Remove the uploaded logo (owner only); the pages fall back to MERCHANT_LOGO_URL or none",
      security: staffSession,
      responses: {
        "200": { description: "No uploaded logo any more", content: json(brandLogoSchema) },
        "401": errors.unauthenticated,
        "403": error("FORBIDDEN: wrong origin, or the signed-in person is not the owner"),
      },
    },
  },
};
