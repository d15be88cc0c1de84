import { z } from "zod";
import { LOGO_TYPES } from "@/lib/image-type";

// The uploaded logo as the back office's API answers it (docs/api.md "Branding"): where the pages load it,
// its type as read from its bytes, and its size; null once removed or before any upload.

export const brandLogoSchema = z
  .object({
    logo: z
      .object({
        url: z.string().meta({
          example: "/api/brand/logo?v=3q2-7wEjR0iY5vUo8kT1nA",
          description: "Changes with the image, so it may be cached for good",
        }),
        content_type: z.enum(LOGO_TYPES),
        size: z.number().int().meta({ description: "Bytes, at most 204800" }),
        updated_at: z.string().meta({ format: "date-time" }),
      })
      .nullable(),
  })
  .meta({ id: "BrandLogo" });

export type BrandLogoJson = z.infer<typeof brandLogoSchema>;
