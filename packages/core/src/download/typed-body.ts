import { NetworkError } from '../errors.js';
import type { Secrets } from '../secrets.js';
import { connectionCode, isConnectionFailure } from '../transport/fetch-like.js';

/**
 * A file body whose read errors come out typed: a connection that drops after the headers arrived (the body cut
 * mid-way) is a `NetworkError`, retryable like any dropped connection. Other errors pass as they are.
 */
export function typedBody(body: ReadableStream<Uint8Array>, what: { storedId: string; baseUrl: string; secrets: Secrets }): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
          throw new NetworkError({
            operation: 'downloadStoredReport',
            message: `Downloading stored report ${what.storedId} failed: the connection to ${what.baseUrl} dropped before the whole file arrived (${connectionCode(error)}).`,
            hint: 'Download it again.',
            cause: what.secrets.error(error),
          });
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
