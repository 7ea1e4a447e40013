import { ControlError, type SimulatorControl } from '../control.js';
import type { JsonAnswer } from './io.js';

/** Control endpoints under `/_simulator`, a prefix the real API does not have. */
export const controlPrefix = '/_simulator';

export async function handleControl(
  control: SimulatorControl,
  info: () => object,
  method: string,
  path: string,
  rawBody: string,
): Promise<JsonAnswer> {
  let body: any = {};
  try {
    body = rawBody.trim() ? JSON.parse(rawBody) : {};
  } catch {
    return { status: 400, body: { error: 'control request body is not valid JSON' } };
  }
  const route = `${method} ${path.slice(controlPrefix.length) || '/'}`;
  try {
    const stored = /^GET \/stored\/([^/]+)$/.exec(route);
    if (stored) return ok(await control.storedFile(decodeURIComponent(stored[1]!)));
    switch (route) {
      case 'GET /':
        return ok(info());
      case 'GET /clock':
        return ok({ now: control.now() });
      case 'POST /clock':
        if (body.set !== undefined) return ok({ now: control.setClock(body.set) });
        return ok({ now: control.advanceClock(Number(body.advanceMs ?? 0) + Number(body.advanceDays ?? 0) * 86_400_000) });
      case 'GET /config':
        return ok(control.getConfig());
      case 'PATCH /config':
        return ok(control.updateConfig(body));
      case 'GET /faults':
        return ok({ items: control.faults() });
      case 'POST /faults':
        return ok(control.addFault(body));
      case 'DELETE /faults':
        control.clearFaults();
        return { status: 204 };
      case 'GET /requests':
        return ok({ items: control.requests() });
      case 'DELETE /requests':
        control.clearRequests();
        return { status: 204 };
      case 'POST /tokens/expire':
        return ok({ expired: control.expireTokens() });
      case 'GET /outbox':
        return ok({ items: control.outbox() });
      case 'POST /reset':
        control.reset();
        return { status: 204 };
      default:
        return { status: 404, body: { error: `no control endpoint ${route}` } };
    }
  } catch (error) {
    if (error instanceof ControlError) return { status: 400, body: { error: error.message } };
    throw error;
  }
}

const ok = (body: unknown): JsonAnswer => ({ status: 200, body });
