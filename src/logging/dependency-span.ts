// A call to a store or service as an OpenTelemetry CLIENT span. With Application
// Insights configured the Azure Monitor exporter sends it as a dependency under
// the active span (the turn's request), so it carries the turn's operation id.
// Attributes name the system, target and operation only: never keys, values,
// user ids or error messages.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';

export interface DependencySpanOptions {
  /** Trace the call only inside a parent span (a turn); outside one it runs untraced. */
  requireParent?: boolean;
  /** Whether an error marks the dependency failed (an expected outcome, e.g. a lost compare-and-swap, does not). */
  failed?: (err: unknown) => boolean;
  /** A short, non-sensitive code for the error (default: its class name). */
  errorType?: (err: unknown) => string;
}

const errorName = (err: unknown) => (err instanceof Error ? err.name : 'Error');

export async function traceDependency<T>(tracer: Tracer, name: string, attributes: Attributes, work: () => Promise<T>, options: DependencySpanOptions = {}): Promise<T> {
  const parent = context.active();
  if (options.requireParent && !trace.getSpan(parent)) return work();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
  try {
    return await work();
  } catch (err) {
    span.setAttribute('error.type', (options.errorType ?? errorName)(err).slice(0, 64));
    if (options.failed?.(err) ?? true) span.setStatus({ code: SpanStatusCode.ERROR });
    throw err;
  } finally {
    span.end();
  }
}
