import { toFixedAmount } from "./amount";

// The simulated customers' pages (hosted checkout, the customer's phone) of every sandbox: plain HTML
// forms, so they work in any browser and in tests without JavaScript.

// The .qr rule sizes both an inline SVG and an <img>.
const STYLE = `
body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;padding:24px;color:#111827}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px #0002}
h1{font-size:1.2rem;margin:0 0 4px}.sub{color:#6b7280;font-size:.9rem;margin:0 0 16px}
.amount{font-size:1.8rem;font-weight:700;margin:8px 0}.status{font-weight:600;padding:8px 12px;border-radius:8px;background:#eef2ff}
label{display:block;margin:12px 0 4px;font-weight:600}input{width:100%;box-sizing:border-box;padding:10px;font-size:1rem;border:1px solid #d1d5db;border-radius:8px}
button{width:100%;padding:12px;margin-top:12px;font-size:1rem;border:0;border-radius:8px;cursor:pointer}
.primary{background:#047857;color:#fff}.danger{background:#b91c1c;color:#fff}.plain{background:#e5e7eb}
.error{color:#b91c1c;font-weight:600}.qr svg,.qr img{width:100%;max-width:280px;display:block;margin:0 auto}
.hint{color:#6b7280;font-size:.85rem}form{margin:0}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatDisplayAmount(p: { amount: number; currency: string }): string {
  const [whole = "0", cents = "00"] = toFixedAmount(p.amount).split(".");
  return `${p.currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function button(action: string, label: string, cls: string, fields = ""): string {
  return `<form method="post" action="${escapeHtml(action)}">${fields}<button type="submit" class="${cls}">${escapeHtml(label)}</button></form>`;
}

export const errorLine = (o: { error?: string }) =>
  o.error ? `<p class="error" role="alert">${escapeHtml(o.error)}</p>` : "";

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
