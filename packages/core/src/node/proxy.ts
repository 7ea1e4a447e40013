/**
 * Node's fetch ignores HTTPS_PROXY / HTTP_PROXY / NO_PROXY on its own (before Node 24's opt-in); route it through
 * undici's agent that honours them whenever one is set. undici is loaded only then: it is large. The command-line
 * hosts (the CLI, the MCP server) call it once, before their first request; true when a proxy is set.
 */
export async function honourProxyEnvironment(env: NodeJS.ProcessEnv): Promise<boolean> {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
  if (!names.some((name) => env[name])) return false;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  setGlobalDispatcher(new EnvHttpProxyAgent());
  return true;
}
