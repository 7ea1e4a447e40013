export { createdAtMs as createdAt } from '@acronis-reports/core/web';
export type { ReportsClient, StoredReport } from '@acronis-reports/core/web';
