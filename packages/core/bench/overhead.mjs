// 1. Per-call overhead: client.getReport(id) against openapi-fetch used the ordinary way (createClient and one
// middleware that adds the bearer token), the yardstick of the goal: core with all its middleware (auth, retry,
// a timeout with its own AbortSignal per attempt, error mapping) at most 1.10 times that. A bare fetch GET of the
// same endpoint is timed too, for information.
import createClient from 'openapi-fetch';
import { createReportsClient } from '../dist/node/index.js';
import { bareToken, credentialsOf, loggedTime, median, reportBody, round } from './common.mjs';

const sides = ['bare', 'bearer', 'client'];

export async function measureOverhead(sim, { rounds = 9, callsPerRound = 1500, warmupCalls = 2000 } = {}) {
  // the real defaults: Node runtime, retry and timeoutMs left unset
  const client = createReportsClient(credentialsOf(sim));
  const report = await client.createReport(reportBody(sim.tenantId, ['csv_v2_0']));
  const url = `${sim.apiBaseUrl}/reports/${report.id}`;
  const token = await bareToken(sim);
  const headers = { authorization: `Bearer ${token}` };
  const typed = createClient({ baseUrl: sim.apiBaseUrl });
  typed.use({
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${token}`);
    },
  });

  const call = {
    bare: async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`bare GET answered ${response.status}`);
      await response.json();
    },
    bearer: async () => {
      const { data, response } = await typed.GET('/reports/{report_id}', { params: { path: { report_id: report.id } } });
      if (!data) throw new Error(`openapi-fetch GET answered ${response.status}`);
    },
    client: () => client.getReport(report.id),
  };

  for (const side of sides) for (let i = 0; i < warmupCalls; i += 1) await call[side]();

  const usPerCall = Object.fromEntries(sides.map((side) => [side, []]));
  const simulator = Object.fromEntries(sides.map((side) => [side, { count: 0, handlingMs: 0 }]));
  for (let r = 0; r < rounds; r += 1) {
    // rotate which side goes first, so that drift (JIT, GC, heat) falls on all of them
    for (const side of sides.map((_, i) => sides[(i + r) % sides.length])) {
      sim.control.clearRequests();
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i += 1) await call[side]();
      const elapsedMs = performance.now() - started;
      const logged = loggedTime(sim, 'fetchReport');
      if (logged.count !== callsPerRound) throw new Error(`${side}: the simulator logged ${logged.count} fetchReport requests, expected ${callsPerRound}`);
      usPerCall[side].push((elapsedMs * 1000) / callsPerRound);
      simulator[side].count += logged.count;
      simulator[side].handlingMs += logged.handlingMs;
    }
  }
  sim.control.clearRequests();

  const figures = (name) => {
    const us = median(usPerCall[name]);
    const simulatorUs = (simulator[name].handlingMs * 1000) / simulator[name].count;
    return { medianUs: round(us, 1), roundsUs: usPerCall[name].map((v) => round(v, 1)), simulatorUs: round(simulatorUs, 1), clientSideUs: round(us - simulatorUs, 1) };
  };
  const [bare, bearerSide, clientSide] = sides.map(figures);
  return {
    rounds,
    callsPerRound,
    bare,
    bearer: bearerSide,
    client: clientSide,
    ratio: round(clientSide.medianUs / bearerSide.medianUs),
    clientBareRatio: round(clientSide.medianUs / bare.medianUs),
    bearerBareRatio: round(bearerSide.medianUs / bare.medianUs),
    goal: 1.1,
  };
}
