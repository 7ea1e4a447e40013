import type { ValidationIssue } from './errors.js';
import { methodOptions } from './method-options.js';
import { checks, isPlainObject, optionIssues, own, refuse, shown, type Check } from './options.js';

const modes = ['clientSecret', 'accessToken', 'tokenProvider', 'hostAuthenticates'] as const;

const credentialSpecs: Record<(typeof modes)[number], Record<string, Check>> = {
  clientSecret: { baseUrl: checks.string, clientId: checks.string, clientSecret: checks.string },
  accessToken: { baseUrl: checks.string, accessToken: checks.string, clientId: checks.string },
  tokenProvider: { baseUrl: checks.string, tokenProvider: checks.function, clientId: checks.string },
  hostAuthenticates: { baseUrl: checks.string, hostAuthenticates: checks.literalTrue, clientId: checks.string },
};

const runtimeSpec: Record<string, Check> = { sleep: checks.function, now: checks.function, random: checks.function, startTimer: checks.function };
const retrySpec: Record<string, Check> = { maxRetries: checks.count, budgetMs: checks.nonNegative, baseDelayMs: checks.nonNegative, maxDelayMs: checks.nonNegative };

const optionSpec: Record<string, Check> = {
  runtime: checks.object,
  fetch: checks.function,
  retry: (value) => (value === false || isPlainObject(value) ? null : `must be false or retry settings, got ${shown(value)}`),
  timeoutMs: checks.nonNegative,
  wait: checks.object,
  recoverLostCreates: checks.boolean,
  ownTenantId: checks.string,
  onRequest: checks.function,
};

/** The credentials' issues: an object, exactly one way to authenticate, the fields of that way and no others. */
function credentialIssues(credentials: unknown): ValidationIssue[] {
  if (!isPlainObject(credentials)) return [{ field: 'credentials', message: `must be an object with baseUrl and a way to authenticate, got ${shown(credentials)}` }];
  const given = modes.filter((mode) => own(credentials, mode) !== undefined);
  if (given.length > 1) return [{ field: 'credentials', message: `must give one way to authenticate, got ${given.join(' and ')}` }];
  const mode = given[0] ?? 'clientSecret';
  const issues = optionIssues(credentials, 'credentials', credentialSpecs[mode]!);
  if (own(credentials, 'baseUrl') === undefined) issues.push({ field: 'credentials.baseUrl', message: 'is required: the data center URL' });
  return issues;
}

/** Everything `createReportsClient` and `requestAccessToken` are given, checked before anything is built or sent. */
export function checkClientArguments(credentials: unknown, options: unknown, { runtimeRequired = true } = {}): void {
  const issues = credentialIssues(credentials);
  const optionProblems = optionIssues(options, 'options', optionSpec, true);
  issues.push(...optionProblems);
  if (optionProblems.length === 0 && isPlainObject(options)) {
    const runtime = own(options, 'runtime');
    if (runtime === undefined && runtimeRequired) issues.push({ field: 'options.runtime', message: 'is required: sleep, now and random (the Node entry supplies them)' });
    // a runtime is an object of the host's, which may carry more than core uses: only what core calls is checked
    if (isPlainObject(runtime)) {
      for (const [key, check] of Object.entries(runtimeSpec)) {
        const value = (runtime as Record<string, unknown>)[key];
        if (value === undefined && key !== 'startTimer') issues.push({ field: `options.runtime.${key}`, message: 'is required' });
        const problem = value === undefined ? null : check(value);
        if (problem) issues.push({ field: `options.runtime.${key}`, message: problem });
      }
    }
    const retry = own(options, 'retry');
    if (isPlainObject(retry)) issues.push(...optionIssues(retry, 'options.retry', retrySpec));
    issues.push(...optionIssues(own(options, 'wait'), 'options.wait', methodOptions.waitDefaults));
  }
  refuse(issues);
}
