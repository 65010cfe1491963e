import "server-only";
// Runs first among the span processors: by the time an exporter sees a span, its name, its
// attributes and its events' names and attributes have been through scrubText. A processor's
// onEnd is the last moment a span can be changed; @vercel/otel adds its own attributes there too.
import type { Attributes, AttributeValue } from "@opentelemetry/api";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { scrubText } from "./scrub-text";

type Writable = { name: string; attributes: Attributes; events: { name: string; attributes?: Attributes }[] };

function scrubValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === "string" ? scrubText(item) : item)) as AttributeValue;
  return value;
}

function scrubAttributes(attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    const scrubbed = scrubValue(value);
    if (scrubbed !== value) attributes[name] = scrubbed;
  }
}

export class ScrubSpanProcessor implements SpanProcessor {
  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const writable = span as unknown as Writable;
    writable.name = scrubText(writable.name);
    scrubAttributes(writable.attributes);
    for (const event of writable.events) {
      event.name = scrubText(event.name);
      if (event.attributes !== undefined) scrubAttributes(event.attributes);
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
