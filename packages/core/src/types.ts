import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

export type Report = Schemas['Report'];
export type ReportCreateRequest = Schemas['ReportCreateRequest'];
export type ReportUpdateRequest = Schemas['ReportUpdateRequest'];
export type ReportParameters = Schemas['ReportParameters'];
export type StoredReport = Schemas['StoredReport'];
export type Period = Schemas['Period'];
export type ApiClientInfo = Schemas['Client'];
export type TokenResponse = Schemas['TokenResponse'];
export type {
  ReportFormat,
  ReportKind,
  ReportLevel,
  ResultAction,
  ScheduleType,
  StoredReportStatus,
} from './generated/enums.js';
