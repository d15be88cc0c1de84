import type { PaymentStatus } from "@/lib/payment-status";

// The JSON shapes of api.md as browsers receive them. Server code builds them in lib/server/*-json.ts.

export interface PaymentCustomer {
  firstname?: string;
  lastname?: string;
  email?: string;
  address?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
}

export interface Payment {
  id: string;
  provider: "paygrid" | "splashpay";
  method: "dynamic-qr" | "mobile" | "card" | "tanqr";
  status: PaymentStatus;
  amount: string;
  currency: string;
  reference: string;
  customer: PaymentCustomer;
  phone: string;
  network: string | null;
  qr_code: string | null;
  qr_image: string | null;
  qr_mismatch: boolean;
  payment_url: string | null;
  provider_payment_id: string | null;
  provider_reference: string | null;
  failure_code: string | null;
  failure_message: string | null;
  expires_at: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  paid_after_expiry: boolean;
  checkout_session_id: string | null;
  /** Who took the sale (null for a shopper's payment on a checkout link). */
  staff: { id: string; name: string } | null;
  register_id: string | null;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldIssue[]; retryable?: boolean };
}

export interface CheckoutLineItem {
  name: string;
  quantity: number;
  unit_amount: string;
}

export interface CheckoutSession {
  id: string;
  url: string;
  status: "open" | "completed" | "expired";
  amount: string;
  currency: string;
  reference: string;
  description: string | null;
  line_items: CheckoutLineItem[] | null;
  customer: (PaymentCustomer & { phone?: string }) | null;
  success_url: string;
  cancel_url: string;
  merchant_name: string;
  expires_at: string;
  created_at: string;
  payments?: Payment[];
}
