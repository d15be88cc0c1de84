// Generated from docs/openapi.json by scripts/generate-client-types.ts (npm run client). Do not edit.

export type CheckoutSession = {
  id: string;
  /** The hosted checkout page for the shopper */
  url: string;
  status: "open" | "completed" | "expired";
  amount: string;
  currency: string;
  reference: string;
  description: string | null;
  line_items: Array<CheckoutLineItem> | null;
  customer: {
    firstname?: string;
    lastname?: string;
    email?: string;
    address?: string;
    city?: string;
    state?: string;
    postcode?: string;
    country?: string;
    phone?: string;
  } | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  merchant_name: string;
  /** false on a sandbox Malipo (no real money moves) */
  livemode: boolean;
  expires_at: string;
  created_at: string;
  /** Only where the caller may see them */
  payments?: Array<Payment>;
};

export type CheckoutSessionList = {
  data: Array<CheckoutSession>;
  /** Pass as `cursor` for the next page */
  next_cursor: string | null;
};

export type CreateCheckoutSessionRequest = {
  amount: string;
  currency: "TZS" | "USD" | "KES" | "UGX";
  reference: string;
  description?: string;
  line_items?: Array<{
    name: string;
    quantity: number;
    unit_amount: string;
  }>;
  success_url: string;
  cancel_url: string;
  webhook_url?: string;
  /** Your own id for the order (free text); returned everywhere, webhooks included */
  client_reference_id?: string;
  /** Up to 20 keys (≤ 40 characters) with string values (≤ 500 characters) */
  metadata?: Record<string, string>;
  /** Between 5 minutes and 7 days from now; 24 hours when left out */
  expires_at?: string;
  customer?: {
    firstname?: string;
    lastname?: string;
    email?: string;
    phone?: string;
    address?: string;
    city?: string;
    state?: string;
    postcode?: string;
    country?: string;
  };
};

export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Array<FieldIssue>;
    retryable?: boolean;
  };
};

export type MerchantEvent = {
  id: string;
  /** One of checkout.session.completed, checkout.session.expired, checkout.session.failed, checkout.payment.completed, checkout.payment.failed, checkout.payment.cancelled, checkout.payment.expired, checkout.payment.refunded (more may come) */
  type: string;
  created: string;
  /** Same as created (the Standard Webhooks field) */
  timestamp: string;
  livemode: boolean;
  api_version: string;
  data: {
    checkout_session_id: string;
    reference: string;
    client_reference_id: string | null;
    metadata: Record<string, string>;
    status: "open" | "completed" | "expired";
    checkout_session: CheckoutSession;
    /** On checkout.payment.* events */
    payment?: Payment;
  };
};

export type MerchantEventList = {
  data: Array<MerchantEvent>;
  /** Pass as `cursor` for the next page */
  next_cursor: string | null;
};

export type Payment = {
  id: string;
  provider: "paygrid" | "splashpay" | "cash";
  method: "dynamic-qr" | "mobile" | "card" | "tanqr" | "cash";
  /** Where the money came through (mobile money by network) */
  channel:
    | "mpesa"
    | "mixx"
    | "airtel"
    | "halopesa"
    | "tpesa"
    | "mobile-other"
    | "paygrid-qr"
    | "card"
    | "tanqr"
    | "cash";
  status:
    | "creating"
    | "pending"
    | "processing"
    | "completed"
    | "failed"
    | "cancelled"
    | "expired"
    | "partially_refunded"
    | "refunded";
  /** Decimal string in major units */
  amount: string;
  currency: string;
  reference: string;
  customer: Customer;
  phone: string;
  network: string | null;
  /** EMV QR payload; null when it failed the check */
  qr_code: string | null;
  qr_image: string | null;
  /** The provider's QR did not match the sale */
  qr_mismatch: boolean;
  /** The provider reported another amount or currency; never completes the payment */
  amount_mismatch: boolean;
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
  /** Sum of succeeded refunds, decimal string in major units */
  amount_refunded: string;
  /** When another attempt replaced this one (method switch or failover); a completed payment with this set was paid after it was replaced */
  superseded_at: string | null;
  /** Who took the sale (null for a shopper's payment on a checkout link) */
  staff: {
    id: string;
    name: string;
  } | null;
  register_id: string | null;
  checkout_session_id: string | null;
  /** The register's shift open at the sale */
  shift_id: string | null;
  /** Cash: what the customer handed over */
  tendered: string | null;
  /** Cash: tendered minus amount */
  change_due: string | null;
  /** The provider's fee when it reports one (SplashPay) */
  fee: string | null;
  /** What the provider settles after its fee */
  net: string | null;
  /** The public digital receipt (`/r/{token}`, no sign-in) once paid; null before */
  receipt_url: string | null;
  /** false on a sandbox Malipo (no real money moved) */
  livemode: boolean;
};

export type PaymentList = {
  data: Array<Payment>;
  /** Pass as `cursor` for the next page */
  next_cursor: string | null;
};

export type CheckoutLineItem = {
  name: string;
  quantity: number;
  unit_amount: string;
};

export type Customer = {
  firstname?: string;
  lastname?: string;
  email?: string;
  address?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
};

export type FieldIssue = {
  path: string;
  message: string;
};
