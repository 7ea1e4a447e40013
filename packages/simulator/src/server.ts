import { apiBasePath } from '@acronis-reports/openapi';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedClock } from './clock.js';
import { SimulatorControl } from './control.js';
import { authenticate, handleOperation, type Answer, type ApiContext } from './http/api.js';
import { Contract, type Routed } from './http/contract.js';
import { controlPrefix, handleControl } from './http/control-routes.js';
import { readBody, writeAnswer } from './http/io.js';
import { deliver, type Delivery } from './http/respond.js';
import { OAuthError, VendorError } from './http/vendor-error.js';
import { defaultConfig, checkConfig, type SimulatorConfig } from './state/config.js';
import { FaultBook, type Fault } from './state/faults.js';
import { seedHistory } from './state/history.js';
import { ReportStore } from './state/reports.js';
import { RequestLog } from './state/request-log.js';
import { TokenIssuer, type ApiClient } from './state/tokens.js';
import { World } from './state/world.js';

export interface SimulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Seed of the tenant tree and usage numbers; the same seed gives the same files. */
  seed?: number;
  /** Start of the simulated clock (default: now). */
  now?: Date | string | number;
  clientId?: string;
  clientSecret?: string;
  /** Id of the demo client's own partner tenant. */
  tenantId?: string;
  config?: Partial<SimulatorConfig>;
  /**
   * Seed the demo client's own tenant with this many reports of past use (default 0): mostly one-time reports
   * saved long ago, a couple per cent monthly, a few `send`, one failed and a few generating now. Deterministic for
   * a given seed, count and `now`; their files are rendered only when first listed or downloaded.
   */
  historyReports?: number;
}

export interface Simulator {
  /** The data center URL, as a user would give it: `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** `baseUrl` + `/api/2`, the base of every endpoint (the vendor pages' `base_url`). */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The demo client's own tenant (a partner). */
  tenantId: string;
  tenants: ReturnType<World['tenantSummary']>;
  control: SimulatorControl;
  close(): Promise<void>;
}

export const defaultSeed = 20261122;

/** Starts a simulator of the reports API in this process. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const configProblem = checkConfig(options.config ?? {});
  if (configProblem) throw new Error(`Invalid simulator config: ${configProblem}`);
  const config: SimulatorConfig = { ...defaultConfig, ...options.config };
  const clock = new SimulatedClock(options.now);
  // One customer joins and one leaves in the last full month before the start, so billing that month and
  // comparing it with the one before shows new and gone lines, whatever day the simulator runs.
  const changesMonth = lastFullMonthBefore(clock.now());
  const world = new World({ seed: options.seed ?? defaultSeed, tenantId: options.tenantId, clientId: options.clientId, clientSecret: options.clientSecret, changesMonth });
  const faults = new FaultBook();
  const log = new RequestLog();
  const tokens = new TokenIssuer(clock, config);
  const reports = new ReportStore(world, clock, config, faults);
  seedHistory(options.historyReports ?? 0, { world, store: reports, config, now: clock.now() });
  const control = new SimulatorControl({ clock, config, faults, log, reports, tokens });
  const ctx: ApiContext = { world, tokens, reports, config };
  const contract = new Contract();

  let baseUrl = '';
  const info = () => ({
    baseUrl,
    apiBaseUrl: `${baseUrl}${apiBasePath}`,
    clientId: world.client.clientId,
    clientSecret: world.client.clientSecret,
    ...world.tenantSummary(),
    now: control.now(),
    config: control.getConfig(),
  });

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const work = url.pathname.startsWith(controlPrefix)
      ? readBody(request).then(async (raw) => writeAnswer(response, await handleControl(control, info, request.method ?? 'GET', url.pathname, raw)))
      : serveApi({ ctx, contract, faults, log, clock }, request, response, url);
    work.catch((error: unknown) => {
      console.error('simulator: unexpected error', error);
      if (!response.headersSent) writeAnswer(response, { status: 500, body: new VendorError(500, 'Internal simulator error.').body() });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    baseUrl,
    apiBaseUrl: `${baseUrl}${apiBasePath}`,
    clientId: world.client.clientId,
    clientSecret: world.client.clientSecret,
    tenantId: world.tree.root.id,
    tenants: world.tenantSummary(),
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface ApiDeps {
  ctx: ApiContext;
  contract: Contract;
  faults: FaultBook;
  log: RequestLog;
  clock: SimulatedClock;
}

async function serveApi(deps: ApiDeps, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const method = request.method ?? 'GET';
  const arrivedAt = new Date(deps.clock.now()).toISOString();
  const { delayMs, fault } = deps.faults.forRequest(method, url.pathname);
  const routing = routeRequest(deps.contract, method, url.pathname);
  const operationId = 'error' in routing ? null : routing.operation.operationId;
  let handlingStarted = performance.now();
  const record = (status: number) =>
    deps.log.record({
      at: arrivedAt,
      method,
      path: url.pathname + url.search,
      operationId,
      status,
      fault: fault ? describeFault(fault) : null,
      handlingMs: performance.now() - handlingStarted,
    });
  if (delayMs > 0) {
    if (!(await waitUnlessHungUp(delayMs, response))) {
      record(0); // the client gave up during the injected latency: nothing answered, nothing done
      return;
    }
    handlingStarted = performance.now();
  }

  if (fault?.type === 'drop' && fault.phase !== 'after') {
    request.resume();
    response.socket?.destroy();
    record(0);
    return;
  }

  let rawBody: string;
  try {
    rawBody = await readBody(request);
  } catch (error) {
    if (error instanceof VendorError) {
      record(error.status);
      await deliver(response, errorAnswer(error), { kind: 'whole' });
    } else {
      record(0); // the client went away while sending
    }
    return;
  }
  let answer: Answer;
  try {
    answer = await answerApi(deps, routing, url, request.headers, rawBody, fault);
  } catch (error) {
    answer = errorAnswer(error);
  }
  const delivery: Delivery =
    fault?.type === 'drop' ? { kind: 'drop' } : fault?.type === 'truncate' ? { kind: 'truncate', fraction: fault.fraction ?? 0.5 } : { kind: 'whole' };
  record(delivery.kind === 'drop' ? 0 : answer.status);
  await deliver(response, answer, delivery);
}

/** Waits out an injected latency; false when the client hung up first, or the simulator closed meanwhile. */
async function waitUnlessHungUp(ms: number, response: ServerResponse): Promise<boolean> {
  if (response.destroyed || response.socket?.destroyed) return false;
  const hungUp = new AbortController();
  const onClose = () => hungUp.abort();
  response.once('close', onClose);
  try {
    await sleep(ms, undefined, { signal: hungUp.signal });
    return true;
  } catch {
    return false;
  } finally {
    response.off('close', onClose);
  }
}

async function answerApi(
  deps: ApiDeps,
  routing: Routing,
  url: URL,
  headers: IncomingMessage['headers'],
  rawBody: string,
  fault: Fault | null,
): Promise<Answer> {
  if (fault?.type === 'status') {
    throw new VendorError(fault.status!, fault.message ?? statusMessages[fault.status!] ?? `Simulated error ${fault.status}.`, {
      headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
    });
  }
  if ('error' in routing) throw routing.error;
  const { operation, pathParams } = routing;
  const isTokenCall = operation.security.includes('basicAuth');
  const client: ApiClient | null = isTokenCall ? null : authenticate(deps.ctx, headers.authorization);
  let validated;
  try {
    validated = deps.contract.validate(operation, pathParams, url.searchParams, headers['content-type'], rawBody);
  } catch (error) {
    if (isTokenCall && error instanceof VendorError && error.status === 400) throw new OAuthError(400, 'invalid_request', error.message);
    throw error;
  }
  if (fault?.type === 'usage-history-late' && operation.operationId === 'createReport') {
    throw new VendorError(500, 'Usage history is not ready yet, although it should be by now.', {
      info: 'The data center is late preparing usage history; try again later.',
    });
  }
  return handleOperation(deps.ctx, validated, client, headers.authorization);
}

const statusMessages: Record<number, string> = {
  429: 'Too many requests.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

function errorAnswer(error: unknown): Answer {
  if (error instanceof VendorError) return { status: error.status, body: error.body(), headers: error.options.headers ?? {} };
  if (error instanceof OAuthError) return { status: error.status, body: error.body(), headers: { 'cache-control': 'no-store' } };
  console.error('simulator: unexpected error', error);
  return { status: 500, body: new VendorError(500, 'Internal simulator error.').body() };
}

/** What routing a request gave: its operation, or the error to answer once no fault answers first. */
type Routing = Routed | { error: unknown };

/**
 * Routes a request once, as it arrives, so that the request log can name its operation even when a fault answers
 * before the API does; a routing error is kept and answered later, after a status fault has had its say.
 */
function routeRequest(contract: Contract, method: string, path: string): Routing {
  if (!path.startsWith(`${apiBasePath}/`)) {
    return { error: new VendorError(404, `No endpoint ${path}; the API lives under ${apiBasePath}.`) };
  }
  try {
    return contract.route(method, path.slice(apiBasePath.length));
  } catch (error) {
    return { error };
  }
}

function describeFault(fault: Fault): string {
  return fault.type === 'status' ? `status ${fault.status}` : fault.type;
}

function lastFullMonthBefore(now: number): string {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
