import "server-only";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  meSchema,
  registerCreatedSchema,
  registerListSchema,
  registerPairedSchema,
  registerSchema,
  sessionListSchema,
  staffListSchema,
  staffMemberSchema,
} from "@/lib/api-contract";
import { pairSchema, registerNameSchema } from "@/lib/server/auth/register-service";
import { signInSchema } from "@/lib/server/auth/sign-in";
import { setupSchema } from "@/lib/server/staff/bootstrap-accounts";
import { createStaffSchema, updateStaffSchema } from "@/lib/server/staff/staff-schema";
import { error, errors, idPath, json, staffSession } from "./openapi-parts";

// Sign-in, the owner's first setup, and the back office (staff, registers, sessions): docs/api.md
// "Staff, registers and sessions". Every back-office call needs the owner or a manager.

const requests = {
  signIn: signInSchema.meta({ id: "SignInRequest" }),
  setup: setupSchema.meta({ id: "SetupRequest" }),
  pair: pairSchema.meta({ id: "PairRegisterRequest" }),
  registerName: registerNameSchema.meta({ id: "RegisterNameRequest" }),
  createStaff: createStaffSchema.meta({ id: "CreateStaffRequest" }),
  updateStaff: updateStaffSchema.meta({ id: "UpdateStaffRequest" }),
};

const managers = { security: staffSession, description: "The owner or a manager (a cashier gets 403)." };

const backOffice = {
  "401": errors.unauthenticated,
  "403": errors.managersOnly,
};

const writeErrors = { "400": errors.validation, ...backOffice };

export const staffPaths: ZodOpenApiPathsObject = {
  "/api/session": {
    post: {
      summary: "Sign in: email + password (owner, manager) or staff_id + PIN on a paired register",
      description:
        "Sets the session cookie; a password sign-in on an unpaired device also pairs it as a register. " +
        "Wrong attempts are throttled per account and per client address (429 with Retry-After).",
      security: [{ registerPairing: [] }, {}],
      requestBody: { content: json(requests.signIn) },
      responses: {
        "201": { description: "Signed in; sets the session cookie", content: json(meSchema) },
        "400": errors.validation,
        "401": error("UNAUTHENTICATED: the email and password, or the PIN, do not match"),
        "403": error("FORBIDDEN: wrong origin, or a PIN sign-in on a device that is not a paired register"),
        "429": errors.rateLimited,
      },
    },
    delete: {
      summary: "Sign out: the session row is revoked and the cookie cleared",
      responses: { "204": { description: "Signed out" }, "403": errors.forbidden },
    },
  },
  "/api/me": {
    get: {
      summary: "Who is signed in, at which register",
      security: staffSession,
      responses: {
        "200": { description: "The signed-in person", content: json(meSchema) },
        "401": errors.unauthenticated,
        "403": errors.forbidden,
      },
    },
  },
  "/api/setup": {
    post: {
      summary: "Make the owner account with the one-time setup code from the server's log",
      description: "Live mode without OWNER_EMAIL only; wrong codes are throttled per client address.",
      requestBody: { content: json(requests.setup) },
      responses: {
        "201": { description: "The owner exists; sign in with the email and password" },
        "400": errors.validation,
        "401": error("UNAUTHENTICATED: wrong setup code"),
        "403": errors.forbidden,
        "404": error("NOT_FOUND: the shop already has an owner"),
        "429": errors.rateLimited,
      },
    },
  },
  "/api/staff": {
    get: {
      ...managers,
      summary: "List staff members",
      responses: { "200": { description: "Everyone", content: json(staffListSchema) }, ...backOffice },
    },
    post: {
      ...managers,
      summary: "Add a manager (owner only) or a cashier",
      requestBody: { content: json(requests.createStaff) },
      responses: {
        "201": { description: "The new staff member", content: json(staffMemberSchema) },
        ...writeErrors,
      },
    },
  },
  "/api/staff/{id}": {
    patch: {
      ...managers,
      summary: "Rename, change the role or PIN of, or disable a staff member",
      description:
        "A manager changes cashiers only; nobody changes the owner here. A new PIN, a new role or " +
        "disabling signs the person out everywhere.",
      requestParams: { path: idPath },
      requestBody: { content: json(requests.updateStaff) },
      responses: {
        "200": { description: "The staff member", content: json(staffMemberSchema) },
        ...writeErrors,
        "404": errors.notFound,
      },
    },
  },
  "/api/registers": {
    get: {
      ...managers,
      summary: "List registers",
      responses: {
        "200": { description: "Every register", content: json(registerListSchema) },
        ...backOffice,
      },
    },
    post: {
      ...managers,
      summary: "Add a register and get its one-time pairing code",
      requestBody: { content: json(requests.registerName) },
      responses: {
        "201": { description: "The register with its pairing code", content: json(registerCreatedSchema) },
        ...writeErrors,
      },
    },
  },
  "/api/registers/{id}": {
    patch: {
      ...managers,
      summary: "Rename a register",
      requestParams: { path: idPath },
      requestBody: { content: json(requests.registerName) },
      responses: {
        "200": { description: "The register", content: json(registerSchema) },
        ...writeErrors,
        "404": errors.notFound,
      },
    },
    delete: {
      ...managers,
      summary: "Revoke a register: its pairing and every session on it end at once",
      requestParams: { path: idPath },
      responses: {
        "200": { description: "The revoked register", content: json(registerSchema) },
        ...backOffice,
        "404": errors.notFound,
      },
    },
  },
  "/api/registers/pair": {
    post: {
      summary: "Pair this device as a register with a pairing code (or { demo: true } in sandbox mode)",
      description:
        "Sets the register cookie (malipo_register). Wrong codes are throttled per client address.",
      requestBody: { content: json(requests.pair) },
      responses: {
        "201": { description: "Paired; sets the register cookie", content: json(registerPairedSchema) },
        "400": errors.validation,
        "401": error("UNAUTHENTICATED: the code is mistyped, used or expired"),
        "403": errors.forbidden,
        "404": error("NOT_FOUND: demo pairing outside sandbox mode"),
        "429": errors.rateLimited,
      },
    },
  },
  "/api/sessions": {
    get: {
      ...managers,
      summary: "Open staff sessions, newest first",
      responses: { "200": { description: "Open sessions", content: json(sessionListSchema) }, ...backOffice },
    },
  },
  "/api/sessions/{id}": {
    delete: {
      ...managers,
      summary: "Sign a session out remotely",
      requestParams: { path: idPath },
      responses: {
        "204": { description: "Revoked" },
        ...backOffice,
        "404": error("NOT_FOUND: no such open session"),
      },
    },
  },
};
