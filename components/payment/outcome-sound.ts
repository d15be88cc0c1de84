"use client";

// Opt-in outcome sounds for a noisy shop (off by default): two rising tones for paid, one low tone for
// anything else. Synthesised with Web Audio, so there is no file to fetch and nothing for the CSP to allow.

const KEY = "malipo.sound";

export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

const listeners = new Set<() => void>();

export function subscribeSound(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSoundEnabled(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? "on" : "off");
  } catch {
    // storage unavailable: nothing is remembered
  }
  listeners.forEach((listener) => listener());
}

export function playOutcome(kind: "success" | "failure"): void {
  if (!soundEnabled()) return;
  try {
    const context = new AudioContext();
    const tones = kind === "success" ? [660, 880] : [220];
    tones.forEach((frequency, i) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain).connect(context.destination);
      const start = context.currentTime + i * 0.18;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.3);
      oscillator.start(start);
      oscillator.stop(start + 0.3);
    });
    setTimeout(() => void context.close(), 1_000);
  } catch {
    // no audio on this device
  }
}
