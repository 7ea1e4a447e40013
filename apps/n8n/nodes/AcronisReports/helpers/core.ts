import type { StoredReport } from '@acronis-reports/core/web';

export type { ReportsClient, StoredReport } from '@acronis-reports/core/web';

/** `created_at` in milliseconds; the API may send it with or without an offset (no offset means UTC). */
export function createdAt(item: StoredReport): number {
	const text = item.created_at;
	const time = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
	return Number.isNaN(time) ? 0 : time;
}
