// Stored report files: listing them newest first, handing them on as dehydrated files, and stashing them.
import { Transform } from 'node:stream';
import { type Report, type StoredReport, type StoredReportDownload } from '@acronis-reports/core';
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
    // the stored item and its report go with the file, so that hydrating it is one request (the file itself)
    file: item.status === 'saved' ? z.dehydrateFile(hydrateStoredReport, { reportId, storedReportId: item.id, storedReport: item, ...(report ? { report } : {}) }) : null,
  };
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
 * Streams a download (decompressed, real file name) into Zapier's file stash. Memory stays flat: the stash spools
 * the stream to a temporary file before it uploads.
 */
export async function stashDownload(z: ZObject, download: StoredReportDownload) {
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

/**
 * The hydrator behind every dehydrated file of this app. Files dehydrated with their stored item and report are
 * one request; those dehydrated with ids only (by an earlier version of the app) are found by core first.
 */
export async function hydrateStoredReport(z: ZObject, bundle: Bundle) {
  const { reportId, storedReportId, storedReport, report } = bundle.inputData as { reportId: string; storedReportId: string; storedReport?: StoredReport; report?: Report };
  return withClient(z, bundle, async (client) => {
    const download =
      storedReport && report && storedReport.id === storedReportId
        ? await client.downloadStoredReport(reportId, storedReport, { report })
        : await client.downloadStoredFile(reportId, { storedReportId });
    return (await stashDownload(z, download)).url;
  });
}
