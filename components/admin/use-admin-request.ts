"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// One back-office call: send, then re-read the page's data from the server; a refusal becomes a flag the
// section shows in its own words.

export function useAdminRequest() {
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send<T = unknown>(method: string, url: string, body?: unknown): Promise<T | null> {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? undefined : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        setFailed(true);
        return null;
      }
      router.refresh();
      return response.status === 204 ? ({} as T) : ((await response.json()) as T);
    } catch {
      setFailed(true);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { send, failed, busy };
}
