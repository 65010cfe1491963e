"use client";
// True once React runs in the browser; false in the server's HTML. Controls that need
// JavaScript show from then on, so a browser without it sees only what works there.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
