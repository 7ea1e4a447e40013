// Stored report files: listing them newest first, handing them on as dehydrated files, and stashing them.
import { Transform } from 'node:stream';
import { newestSavedFiles, type Report, type ReportsClient, type StoredReport } from '@acronis-reports/core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { toNodeStream, withClient } from './client.js';

/**
 * Zapier's limits for files (docs.zapier.com, "Hydration/dehydration limits"): a hard limit of 150 MB per
 * dehydrated file, with trouble possible above about 100 MB. Files are refused above `maxFileBytes`
 * (decompressed). Tests lower it.
 */
export const limits = { maxFileBytes: 100 * 1000 * 1000 };

const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

export function tooLargeMessage(fileName: string, bytes: number | null): string {
  return (
    `The file ${fileName}${bytes === null ? '' : ` (${megabytes(bytes)} or more)`} is larger than ${megabytes(limits.maxFileBytes)}, the largest file this Zapier app hands on ` +
    `(Zapier's limit for files is 150 MB). Download it with the acronis-reports command line or the n8n node instead, or make the report smaller (a narrower level or period, zero usage hidden).`
  );
}

/** A stored file as step output: the listing fields plus the file itself, dehydrated (fetched only when used). */
export function storedFileOutput(z: ZObject, reportId: string, item: StoredReport, report?: Report) {
  return {
    id: item.id,
    report_id: reportId,
    report_format: item.report_format,
    status: item.status,
    size: item.size,
    created_at: item.created_at,
    ...(report ? { report_kind: report.parameters.kind, report_level: report.parameters.level, tenant_id: report.parameters.tenant_id } : {}),
    file: item.status === 'saved' ? z.dehydrateFile(hydrateStoredReport, { reportId, storedReportId: item.id }) : null,
  };
}

/** Every saved file of the given reports, newest first, a few reports at a time. */
export async function savedFilesOf(client: ReportsClient, reports: Report[], format?: string): Promise<{ report: Report; item: StoredReport }[]> {
  const reportOf = new Map<StoredReport, Report>();
  const saving = reports.filter((report) => report.result_action === 'save');
  for (let start = 0; start < saving.length; start += 5) {
    const batch = saving.slice(start, start + 5);
    const lists = await Promise.all(batch.map((report) => client.listStoredReports(report.id)));
    lists.forEach((items, index) => {
      for (const item of items) reportOf.set(item, batch[index]!);
    });
  }
  return newestSavedFiles([...reportOf.keys()], format).map((item) => ({ report: reportOf.get(item)!, item }));
}

/** Counts bytes on their way through and fails the stream, with a message for people, past the limit. */
function sizeGuard(z: ZObject, fileName: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limits.maxFileBytes) callback(new z.errors.Error(tooLargeMessage(fileName, seen), 'file_too_large'));
      else callback(null, chunk);
    },
  });
}

/**
 * Downloads a stored report through core (decompressed, real file name) and streams it into Zapier's file stash.
 * Memory stays flat: the stash spools the stream to a temporary file before it uploads.
 */
export async function stashStoredReport(z: ZObject, client: ReportsClient, reportId: string, stored: StoredReport | string, report?: Report) {
  const download = await client.downloadStoredReport(reportId, stored, report ? { report } : {});
  // Compressed files are several times smaller than the file itself: one already past the limit is refused unread.
  if (download.compressedSize > limits.maxFileBytes) {
    await download.stream.cancel().catch(() => undefined);
    throw new z.errors.Error(tooLargeMessage(download.fileName, download.compressedSize), 'file_too_large');
  }
  // a file whose connection drops mid-way is downloaded and stashed again (core's retry budget)
  const url = await download.retrying(async (current) => {
    const source = toNodeStream(current.stream);
    const guard = sizeGuard(z, current.fileName);
    source.on('error', (error) => guard.destroy(error));
    return await z.stashFile(source.pipe(guard), undefined, current.fileName, current.contentType);
  });
  return { url, fileName: download.fileName, contentType: download.contentType, format: download.format, compressedSize: download.compressedSize, storedReport: download.storedReport };
}

/** The hydrator behind every dehydrated file of this app. */
export async function hydrateStoredReport(z: ZObject, bundle: Bundle) {
  const { reportId, storedReportId } = bundle.inputData as { reportId: string; storedReportId: string };
  return withClient(z, bundle, async (client) => (await stashStoredReport(z, client, reportId, storedReportId)).url);
}
