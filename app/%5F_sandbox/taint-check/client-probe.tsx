"use client";

/** Receives a value from the server: only a value that may reach the browser ever arrives. */
export function ClientProbe({ value }: { value: string }) {
  return <p data-testid="client-probe">{value.length} characters arrived</p>;
}
