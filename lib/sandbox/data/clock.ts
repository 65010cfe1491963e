// Sandbox time is a real (or injected) clock plus an offset, so "advance a month" lets a
// developer watch trials end and renewals happen without waiting.
export interface SandboxClock {
  now(): number;
  advance(ms: number): void;
  offsetMs(): number;
  reset(): void;
}

export function createSandboxClock(base: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += ms;
    },
    offsetMs: () => offset,
    reset() {
      offset = 0;
    },
  };
}
