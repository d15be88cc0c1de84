import type { Created } from "./create";
import { sendWebhook } from "./paygrid-webhook";

// (c) throughput: every payment completed by a verified webhook, 20 in flight; persisted per second.

export async function measureIngest(payments: Created[]): Promise<number> {
  const tp0 = performance.now();
  let next = 0;
  let persisted = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < payments.length) {
        const p = payments[next++]!;
        const res = await sendWebhook(p, "completed");
        if (res.status === 200) persisted += 1;
      }
    }),
  );
  return persisted / ((performance.now() - tp0) / 1000);
}
