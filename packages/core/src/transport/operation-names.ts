/**
 * The public method each API request belongs to, named as people call it, for errors and logs. Found from the
 * method and path, so the transport's layers need nothing from the caller to label what failed.
 */
const routes: [method: string, pattern: RegExp, operation: string][] = [
  ['POST', /\/idp\/token$/, 'requestAccessToken'],
  ['POST', /\/reports$/, 'createReport'],
  ['GET', /\/reports\/[^/]+\/stored\/[^/]+$/, 'downloadStoredReport'],
  ['GET', /\/reports\/[^/]+\/stored$/, 'listStoredReports'],
  ['GET', /\/reports\/[^/]+$/, 'getReport'],
  ['PUT', /\/reports\/[^/]+$/, 'updateReport'],
  ['DELETE', /\/reports\/[^/]+$/, 'deleteReport'],
  ['GET', /\/tenants\/[^/]+\/reports$/, 'listTenantReportIds'],
  ['GET', /\/clients\/[^/]+$/, 'getApiClient'],
];

export function operationOf(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  for (const [routeMethod, pattern, operation] of routes) if (routeMethod === method && pattern.test(path)) return operation;
  return `${method} ${path}`;
}

/** What each public method does, for messages. */
const subjects: Record<string, string> = {
  createReport: 'Creating the report',
  getReport: 'Fetching the report',
  updateReport: 'Updating the report',
  deleteReport: 'Deleting the report',
  listStoredReports: 'Listing the stored reports',
  downloadStoredReport: 'Downloading the stored report',
  listTenantReportIds: "Listing the tenant's reports",
  requestAccessToken: 'Requesting an access token',
  getApiClient: 'Looking up the API client',
};

export const subjectOf = (operation: string) => subjects[operation] ?? operation;
