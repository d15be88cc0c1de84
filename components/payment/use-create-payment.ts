"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiErrorBody, FieldIssue, Payment } from "@/lib/api-contract";
import { readPayment, wireObject } from "@/lib/wire-read";
import { newIdempotencyKey } from "@/lib/idempotency-key";

// Starts one payment attempt and never charges twice (docs/architecture.md#never-charge-twice): the attempt's
// Idempotency-Key is made once, kept while the answer is unknown (502, a dropped connection, a double
// tap) and resent unchanged on every retry; only a definite answer ends the attempt and its key.

const AUTO_RETRY_DELAYS_MS = [1_000, 2_000, 4_000];

export type CreateState =
  | { kind: "idle" }
  | { kind: "submitting" }
  | { kind: "retrying"; attempt: number }
  /** Gave up after the automatic retries; `key` names the attempt for a failover (failover_from). */
  | { kind: "unavailable"; key: string }
  | { kind: "declined" }
  | { kind: "duplicate-reference" }
  | { kind: "invalid"; fields: FieldIssue[] }
  | { kind: "signed-out" }
  | { kind: "closed" }
  | { kind: "failed" };

/** Our error shape ({ error: { code, message, ... } }), or null for anything else (a proxy's page). */
function errorBody(value: unknown): ApiErrorBody | null {
  const body = wireObject<ApiErrorBody>(value, []);
  return body && wireObject(body.error, ["code", "message"]) ? body : null;
}

export function useCreatePayment({ url, onCreated }: { url: string; onCreated: (payment: Payment) => void }) {
  const [state, setState] = useState<CreateState>({ kind: "idle" });
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const busy = useRef(false);
  const alive = useRef(true);
  const onCreatedRef = useRef(onCreated);
  useEffect(() => {
    onCreatedRef.current = onCreated;
  }, [onCreated]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const send = useCallback(async (): Promise<void> => {
    const current = attempt.current;
    if (!current) return;
    for (let retry = 0; ; retry += 1) {
      let response: Response | null = null;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": current.key },
          body: current.body,
        });
      } catch {
        response = null; // the network dropped: the outcome is unknown, so the key must be kept
      }
      if (!alive.current) return;
      if (response && (response.status === 200 || response.status === 201)) {
        attempt.current = null;
        setState({ kind: "idle" });
        onCreatedRef.current(readPayment(await response.json()));
        return;
      }
      const body = response ? (errorBody(await response.json().catch(() => null)) ?? undefined) : undefined;
      const unknownOutcome = !response || response.status >= 500 || body?.error.retryable === true;
      if (unknownOutcome) {
        const delay = AUTO_RETRY_DELAYS_MS[retry];
        if (delay === undefined) {
          setState({ kind: "unavailable", key: current.key });
          return;
        }
        setState({ kind: "retrying", attempt: retry + 1 });
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (!alive.current) return;
        continue;
      }
      // A definite "no": this attempt is over; the next tap is a new attempt with a new key.
      attempt.current = null;
      const code = body?.error.code;
      if (response!.status === 401) setState({ kind: "signed-out" });
      // A checkout that was paid or ran out while the shopper filled in the form.
      else if (response!.status === 403 && code === "FORBIDDEN") setState({ kind: "closed" });
      else if (code === "PAYMENT_DECLINED") setState({ kind: "declined" });
      else if (code === "DUPLICATE_REFERENCE") setState({ kind: "duplicate-reference" });
      else if (code === "VALIDATION_ERROR" && body?.error.fields?.length)
        setState({ kind: "invalid", fields: body.error.fields });
      else setState({ kind: "failed" });
      return;
    }
  }, [url]);

  const run = useCallback(async () => {
    if (busy.current) return; // a double tap while a request is out changes nothing
    busy.current = true;
    setState({ kind: "submitting" });
    try {
      await send();
    } finally {
      busy.current = false;
    }
  }, [send]);

  /** A new request body starts a new attempt (new key); the same body after an unknown outcome keeps it. */
  const submit = useCallback(
    (body: unknown) => {
      if (busy.current) return;
      const text = JSON.stringify(body);
      if (!attempt.current || attempt.current.body !== text) {
        attempt.current = { key: newIdempotencyKey(), body: text };
      }
      void run();
    },
    [run],
  );

  /** Retry the attempt whose outcome is unknown, with its key unchanged. */
  const retry = useCallback(() => void run(), [run]);

  /** Leave an attempt behind (a failover names it itself): the next submit starts afresh. */
  const reset = useCallback(() => {
    if (busy.current) return;
    attempt.current = null;
    setState({ kind: "idle" });
  }, []);

  const busyNow = state.kind === "submitting" || state.kind === "retrying";
  return { state, submit, retry, reset, busy: busyNow };
}
