import { createSimulator, type Simulator } from '@acronis-reports/simulator';
import nock from 'nock';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import { authentication } from '../src/auth.js';
import App from '../src/index.js';

export const appTester = createAppTester(App);

export async function startSimulator(config: Record<string, unknown> = {}): Promise<Simulator> {
  return createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 2000, listDelayMs: 200, ...config } });
}

/** The authData a connection holds after Zapier ran the session exchange. */
export async function connect(sim: Simulator): Promise<Bundle['authData']> {
  const authData = { dataCenterUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret };
  const session = await appTester(authentication.sessionConfig.perform as never, { authData });
  return { ...authData, ...(session as Record<string, string>) };
}

export const apiRequests = (sim: Simulator) => sim.control.requests().filter((entry) => !entry.path.startsWith('/_simulator'));

/**
 * Zapier's file stash cannot run here: the RPC that hands out an upload form and the upload itself are mocked.
 * Returns what was uploaded.
 */
export function mockStash(times = 1) {
  process.env['ZAPIER_DEPLOY_KEY'] = 'fake-deploy-key-for-tests';
  const uploads: { body: string }[] = [];
  nock('https://rpc.zapier.com')
    .post('/cli')
    .times(times)
    .reply(200, (_uri, body) => {
      const { id } = (typeof body === 'string' ? JSON.parse(body) : body) as { id: string };
      return { id, result: { url: 'https://stash.example.test/', fields: { key: `stash/${uploads.length}/file` } } };
    });
  nock('https://stash.example.test')
    .post('/')
    .times(times)
    .reply(204, (_uri, body) => {
      uploads.push({ body: String(body) });
      return '';
    });
  return uploads;
}

export function allowLoopback() {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
}
