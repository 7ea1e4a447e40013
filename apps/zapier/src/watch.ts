// The polling triggers' one core call a poll, and where its state lives between polls: Zapier's cache.
import { giveUpAfterMs, type Report, type ReportsClient, type WatchedFile, type WatchOptions } from '@acronis-reports/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

/** Requests of one poll at most, the tenant's list included; a first poll adds a sample of at most `sampleBudget`. */
export const pollBudget = 30;
export const sampleBudget = 10;
const sampleSize = 3;
/** A Zap that does not poll for this long starts again from a baseline. */
const stateSeconds = 30 * 24 * 60 * 60;

/** Said in each trigger's description and in the README. */
export const boundNote = `Each poll makes at most ${pollBudget} requests however many reports the tenant has (a first poll, or one after Zapier lost the trigger's memory, up to ${pollBudget + sampleBudget}: it records what exists and shows the newest as samples); a tenant's history is looked at over the following polls. Monthly reports are watched for ${giveUpAfterMs / 3_600_000} h from the 1st.`;

/** One cache entry per Zap, connection and input: two Zaps, or an edited trigger, never share a state. */
function stateKey(z: ZObject, bundle: Bundle, trigger: string, options: WatchOptions): string {
  const zap = String((bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id ?? 'no-zap');
  const connection = `${String(bundle.authData['dataCenterUrl'] ?? '')} ${String(bundle.authData['clientId'] ?? '')}`;
  const inputs = JSON.stringify([options.event, options.tenantId ?? '', options.reportId ?? '', options.formats ?? []]);
  return `watch:${trigger}:${zap}:${z.hash('sha256', `${connection} ${inputs}`).slice(0, 32)}`;
}

/**
 * What a poll hands Zapier, newest first. "Test trigger" and a poll without a kept state get the newest existing
 * items: Zapier dedupes by id, so the ones it has seen do not fire again.
 */
export async function watchStep(z: ZObject, bundle: Bundle, client: ReportsClient, trigger: string, options: WatchOptions): Promise<{ files: WatchedFile[]; reports: Report[] }> {
  const sample = () => client.sampleWatch({ ...options, budget: sampleBudget, limit: sampleSize });
  if (bundle.meta?.isLoadingSample) return sample();
  const key = stateKey(z, bundle, trigger, options);
  const state: unknown = await z.cache.get(key);
  const result = await client.pollWatch({ ...options, budget: pollBudget, state });
  try {
    await z.cache.set(key, result.state, stateSeconds);
  } catch (error) {
    // the poll's items still go out; the next poll takes a new baseline
    z.console.log(`Could not keep the trigger's state (${JSON.stringify(result.state).length} bytes): ${(error as Error).message}`);
  }
  if (result.baseline) return sample();
  return { files: [...result.files].reverse(), reports: [...result.reports].reverse() };
}
