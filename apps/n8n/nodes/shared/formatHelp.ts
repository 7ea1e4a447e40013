import type { ReportFormat, ScheduleType } from '@acronis-reports/core/web';

// What the API description does not say, added to its help texts: monthly reports offer only csv and html (a vendor
// engineer's answer), so a workflow must not wait for a v2 file of a monthly report; and csv_v2_0 is the format to
// parse, since its columns are the ones the vendor's own billing parser reads while json_v2_0's fields are unpublished.

export const MONTHLY_FORMATS_NOTE = 'Monthly reports offer only csv and html; json_v1, csv_v2_0 and json_v2_0 are for one-time reports.';
export const MACHINE_FORMAT_NOTE = "For machine use choose csv_v2_0: its columns are the ones the vendor's own billing parser reads.";
export const MONTHLY_FILES_NOTE = 'A monthly report makes only csv and html files.';

const ONE_TIME_ONLY = 'One-time reports only.';

export const formatNotes: Partial<Record<ReportFormat, string>> = {
	json_v1: ONE_TIME_ONLY,
	csv_v2_0: `Recommended for machine use. ${ONE_TIME_ONLY}`,
	json_v2_0: `${ONE_TIME_ONLY} Its element fields are not published by the vendor: prefer csv_v2_0 for machine use.`,
};

export const scheduleNotes: Partial<Record<ScheduleType, string>> = {
	monthly: 'Only csv and html files.',
};

/** For billing the vendor advises a one-time usage summary over the month, not a monthly report. */
export const SCHEDULE_NOTE = 'Monthly reports offer only csv and html files. For billing, create a one-time usage_summary over the month.';
