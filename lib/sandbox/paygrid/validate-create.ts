import { canonicalNetwork, normalizeTzPhone, stripPhone } from "@/lib/phone";
import { failure, validationError, type FieldIssue } from "./envelope";
import { parseJsonAmount } from "../common/amount";
import {
  PAYMENT_TYPES,
  type PayGridSandboxSettings,
  type PaymentType,
  type SandboxNetwork,
} from "./settings";

// Body rules of POST /payments (§5.2–§5.5, S5–S9, S28). Two stages, as the provider documents them: field
// problems → 400 VALIDATION_ERROR; then the card/mobile business rules → 400 PAYMENT_FAILED.

export interface ValidCreate {
  type: PaymentType;
  amount: number;
  currency: string;
  phone: string;
  network?: SandboxNetwork;
  reference?: string;
  customer: Record<string, string>;
  metadata: Record<string, unknown>;
  webhookUrl?: string;
  callbackUrl?: string;
  redirectUrl?: string;
  cancelUrl?: string;
}

export type CreateCheck = { ok: true; value: ValidCreate } | { ok: false; response: Response };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TZ_MOBILE = /^255[67]\d{8}$/;
const BILLING_FIELDS = ["address", "city", "state", "postcode", "country"] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Absent, null and "" all mean "not given" for the optional string fields. */
const given = (v: unknown): boolean => v !== undefined && v !== null && v !== "";

function checkUrl(body: Record<string, unknown>, field: string, issues: FieldIssue[]): string | undefined {
  const value = body[field];
  if (!given(value)) return undefined;
  if (typeof value !== "string" || value.length > 2048) {
    issues.push({ field, message: "must be an http(s) URL of at most 2048 characters" });
    return undefined;
  }
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {
    // reported below
  }
  issues.push({ field, message: "must be an http(s) URL of at most 2048 characters" });
  return undefined;
}

export function detectSandboxNetwork(
  phone: string,
  settings: PayGridSandboxSettings,
): SandboxNetwork | undefined {
  if (!TZ_MOBILE.test(phone)) return undefined;
  return settings.networkPrefixes[phone.slice(3, 5)] ?? settings.defaultNetwork;
}

function checkPhone(
  raw: unknown,
  type: string | undefined,
  currency: string | undefined,
  issues: FieldIssue[],
): string | undefined {
  if (typeof raw !== "string" || raw.trim() === "") {
    issues.push({
      field: "phone",
      message: raw === undefined || raw === "" ? "is required" : "must be a string",
    });
    return undefined;
  }
  const stripped = stripPhone(raw);
  if (type === "mobile" && currency === "TZS") {
    const normalized = normalizeTzPhone(raw);
    if (normalized && TZ_MOBILE.test(normalized)) return normalized;
    issues.push({
      field: "phone",
      message: "must be a Tanzanian mobile number (255 followed by 6 or 7 and 8 digits)",
    });
    return undefined;
  }
  if (type === "mobile") {
    if (/^\d{10,15}$/.test(stripped)) return stripped;
    issues.push({ field: "phone", message: "must be a full international number of 10 to 15 digits" });
    return undefined;
  }
  if (!/^\d{9,15}$/.test(stripped)) {
    issues.push({ field: "phone", message: "must have 9 to 15 digits" });
    return undefined;
  }
  // S8: card/QR numbers are not TZ-validated, but a TZS number that fits §5.4 is stored normalized.
  const normalized = currency === "TZS" ? normalizeTzPhone(stripped) : null;
  return normalized && TZ_MOBILE.test(normalized) ? normalized : stripped;
}

export function validateCreate(input: unknown, settings: PayGridSandboxSettings): CreateCheck {
  if (!isObject(input)) {
    return { ok: false, response: validationError([{ field: "body", message: "must be a JSON object" }]) };
  }
  const issues: FieldIssue[] = [];

  const amount = parseJsonAmount(input.amount);
  if (typeof amount === "string") issues.push({ field: "amount", message: amount });

  const currency = typeof input.currency === "string" ? input.currency : undefined;
  if (currency === undefined || !settings.currencies.includes(currency)) {
    issues.push({
      field: "currency",
      message:
        input.currency === undefined ? "is required" : `must be one of ${settings.currencies.join(", ")}`,
    });
  }

  const typeValue = typeof input.type === "string" ? input.type : undefined;
  const known = (PAYMENT_TYPES as readonly string[]).includes(typeValue ?? "");
  const type =
    known && settings.enabledTypes.includes(typeValue as PaymentType)
      ? (typeValue as PaymentType)
      : undefined;
  if (!type) {
    const message =
      input.type === undefined
        ? "is required"
        : known
          ? "is not available for this merchant"
          : `must be one of ${settings.enabledTypes.join(", ")}`;
    issues.push({ field: "type", message });
  }

  const customer: Record<string, string> = {};
  const rawCustomer = isObject(input.customer) ? input.customer : {};
  if (input.customer !== undefined && !isObject(input.customer)) {
    issues.push({ field: "customer", message: "must be an object" });
  }
  for (const field of ["firstname", "lastname", "email"] as const) {
    const value = rawCustomer[field];
    if (typeof value !== "string" || value.trim() === "") {
      issues.push({ field: `customer.${field}`, message: "is required" });
    } else if (field === "email" && !EMAIL.test(value.trim())) {
      issues.push({ field: "customer.email", message: "must be a valid email" });
    } else {
      customer[field] = value.trim();
    }
  }

  const phone = checkPhone(input.phone, typeValue, currency, issues);

  let network: SandboxNetwork | undefined;
  if (given(input.network)) {
    const canonical = typeof input.network === "string" ? canonicalNetwork(input.network) : null;
    if (canonical) network = canonical;
    else issues.push({ field: "network", message: "must be one of vodacom, tigo, airtel, halotel, ttcl" });
  }

  let reference: string | undefined;
  if (given(input.reference)) {
    if (typeof input.reference !== "string") issues.push({ field: "reference", message: "must be a string" });
    else if (input.reference.length > settings.referenceMaxLength) {
      issues.push({
        field: "reference",
        message: `must be at most ${settings.referenceMaxLength} characters`,
      });
    } else reference = input.reference;
  }

  let metadata: Record<string, unknown> = {};
  if (input.metadata !== undefined && input.metadata !== null) {
    if (isObject(input.metadata)) metadata = input.metadata;
    else issues.push({ field: "metadata", message: "must be an object" });
  }

  const webhookUrl = checkUrl(input, "webhook_url", issues);
  const callbackUrl = checkUrl(input, "callback_url", issues);
  const redirectUrl = checkUrl(input, "redirect_url", issues);
  const cancelUrl = checkUrl(input, "cancel_url", issues);

  if (issues.length > 0 || typeof amount === "string" || !type || !currency || !phone) {
    return { ok: false, response: validationError(issues) };
  }

  const rules: FieldIssue[] = [];
  if (type === "card") {
    if (!redirectUrl && !given(input.redirect_url))
      rules.push({ field: "redirect_url", message: "is required for card" });
    if (!cancelUrl && !given(input.cancel_url))
      rules.push({ field: "cancel_url", message: "is required for card" });
    for (const field of BILLING_FIELDS) {
      const value = rawCustomer[field];
      if (typeof value === "string" && value.trim() !== "") customer[field] = value.trim();
      else rules.push({ field: `customer.${field}`, message: "is required for card" });
    }
  }
  const minimum = settings.minAmount[type]?.[currency];
  if (minimum !== undefined && amount < Math.round(minimum * 100)) {
    rules.push({ field: "amount", message: `must be at least ${minimum} ${currency}` });
  }
  if (rules.length > 0) {
    const message = rules.some((r) => r.field === "amount")
      ? `Amount is below the minimum of ${minimum} ${currency}`
      : "Card payments need redirect_url, cancel_url and the billing address";
    return { ok: false, response: failure(400, "PAYMENT_FAILED", message, rules) };
  }

  return {
    ok: true,
    value: {
      type,
      amount,
      currency,
      phone,
      network: network ?? detectSandboxNetwork(phone, settings),
      reference,
      customer,
      metadata,
      webhookUrl,
      callbackUrl,
      redirectUrl,
      cancelUrl,
    },
  };
}
