// One side of the instruction-count measurement (run by instructions.mjs under valgrind): a warm-up, then `calls`
// getReport calls, through core ("client") or through openapi-fetch with one bearer middleware ("bearer").
import createClient from 'openapi-fetch';
import { createSimulator } from '@acronis-reports/simulator';
import { createReportsClient } from '../dist/node/index.js';
import { bareToken, credentialsOf, midday, reportBody } from './common.mjs';

const [side, callsText] = process.argv.slice(2);
const calls = Number(callsText);
const sim = await createSimulator({ now: midday });
const client = createReportsClient(credentialsOf(sim));
const report = await client.createReport(reportBody(sim.tenantId, ['csv_v2_0']));
const token = await bareToken(sim);
const typed = createClient({ baseUrl: sim.apiBaseUrl });
typed.use({
  onRequest({ request }) {
    request.headers.set('Authorization', `Bearer ${token}`);
  },
});
const call =
  side === 'bearer'
    ? async () => {
        const { data } = await typed.GET('/reports/{report_id}', { params: { path: { report_id: report.id } } });
        if (!data) throw new Error('openapi-fetch GET gave no data');
      }
    : () => client.getReport(report.id);
for (let i = 0; i < 300 + calls; i += 1) await call();
await sim.close();
