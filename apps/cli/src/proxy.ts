import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';

/**
 * Node's fetch ignores HTTPS_PROXY / HTTP_PROXY / NO_PROXY on its own (before Node 24's opt-in); route it through
 * undici's agent that honours them whenever one is set.
 */
export function honourProxyEnvironment(env: NodeJS.ProcessEnv): boolean {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
  if (!names.some((name) => env[name])) return false;
  setGlobalDispatcher(new EnvHttpProxyAgent());
  return true;
}
