"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { PinField } from "@/components/ui/pin-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSignInPost } from "./use-sign-in-post";

// "Who is selling?": this shop's staff by name, then the person's own PIN. Works on a paired register only.

export interface PinPadPerson {
  id: string;
  name: string;
}

export function PinPad({ people, next }: { people: PinPadPerson[]; next: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<string | null>(people.length === 1 ? people[0]!.id : null);
  const [pin, setPin] = useState("");
  const { post, problem, busy } = useSignInPost({ 401: "signIn.wrongPin", 429: "signIn.locked" });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    if (await post("/api/session", { staff_id: chosen, pin })) {
      router.replace(next);
      router.refresh();
    } else {
      setPin("");
    }
  }

  if (people.length === 0) return <p className="text-ink-muted">{t("signIn.noStaff")}</p>;
  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-4"
      noValidate
      data-hydrated={hydrated ? "true" : undefined}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{t("signIn.title")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {people.map((person) => (
            <Button
              key={person.id}
              variant={chosen === person.id ? "primary" : "secondary"}
              aria-pressed={chosen === person.id}
              data-staff-name={person.name}
              onClick={() => setChosen(person.id)}
            >
              {person.name}
            </Button>
          ))}
        </div>
      </fieldset>
      <PinField
        id="pin"
        label={t("signIn.pin")}
        autoComplete="off"
        value={pin}
        onValue={setPin}
        hint={chosen ? undefined : t("signIn.chooseName")}
        error={problem ? t(problem.key, { minutes: problem.minutes ?? 1 }) : undefined}
      />
      <Button type="submit" disabled={busy || !chosen || pin.length < 4}>
        {busy ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
