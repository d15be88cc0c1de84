import "server-only";
import { z } from "zod";

// Bodies of POST /api/staff and PATCH /api/staff/:id. The owner is made at first start, never here.

const name = z.string().trim().min(1, "Enter a name.").max(60, "At most 60 characters.");
const pin = z.string().regex(/^\d{4,6}$/, "A PIN is 4 to 6 digits.");
const role = z.enum(["manager", "cashier"], { error: "The role is manager or cashier." });

export const createStaffSchema = z
  .object({
    name,
    role,
    pin,
    email: z.email("Enter an email address.").max(200).optional(),
    password: z.string().min(10, "At least 10 characters.").max(200).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.email === undefined) !== (value.password === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: "Give both an email and a password, or neither.",
      });
    }
    if (value.email !== undefined && value.role !== "manager") {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Only a manager signs in with a password." });
    }
  });

export const updateStaffSchema = z
  .object({
    name: name.optional(),
    role: role.optional(),
    pin: pin.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Send at least one of name, role, pin, active.");

export type CreateStaffCommand = z.infer<typeof createStaffSchema>;
export type UpdateStaffCommand = z.infer<typeof updateStaffSchema>;
