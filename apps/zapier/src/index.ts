// The Zapier app: session authentication, triggers, creates, searches and the file hydrator.
import { createRequire } from 'node:module';
import zapier, { defineApp } from 'zapier-platform-core';
import { addBearerToken, authentication } from './auth.js';
import createBillingReport from './creates/createBillingReport.js';
import createReport from './creates/createReport.js';
import deleteReport from './creates/deleteReport.js';
import downloadStoredReportFile from './creates/downloadStoredReportFile.js';
import updateReport from './creates/updateReport.js';
import { hydrateStoredReport } from './files.js';
import findBillingLines from './searches/findBillingLines.js';
import findReport from './searches/findReport.js';
import findStoredReportFile from './searches/findStoredReportFile.js';
import newReport from './triggers/newReport.js';
import newStoredReportFile from './triggers/newStoredReportFile.js';
import reportList from './triggers/reportList.js';
import storedFileList from './triggers/storedFileList.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

export default defineApp({
  version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [addBearerToken],
  hydrators: { hydrateStoredReport },
  triggers: {
    [newStoredReportFile.key]: newStoredReportFile,
    [newReport.key]: newReport,
    [reportList.key]: reportList,
    [storedFileList.key]: storedFileList,
  },
  creates: {
    [createReport.key]: createReport,
    [createBillingReport.key]: createBillingReport,
    [updateReport.key]: updateReport,
    [deleteReport.key]: deleteReport,
    [downloadStoredReportFile.key]: downloadStoredReportFile,
  },
  searches: {
    [findReport.key]: findReport,
    [findStoredReportFile.key]: findStoredReportFile,
    [findBillingLines.key]: findBillingLines,
  },
});
