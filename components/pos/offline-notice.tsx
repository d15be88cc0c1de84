"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

// The register says when the network drops (docs/ux: "installable and resilient"). Nothing reloads, so
// the sale being typed stays on screen; open payment screens re-check their status on `online`.

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function OfflineNotice() {
  const { t } = useI18n();
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  return (
    <div role="status" aria-live="polite" className="px-4 print:hidden">
      {online ? null : (
        <p
          data-testid="offline-notice"
          className="rounded-lg border-2 border-warning bg-warning/10 px-3 py-2 font-medium"
        >
          {t("register.offline")}
        </p>
      )}
    </div>
  );
}
