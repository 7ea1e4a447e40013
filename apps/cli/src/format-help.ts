// What the API description does not say about formats: monthly reports offer only csv and html (a vendor engineer's
// answer), so a script must not wait for a v2 file of a monthly report; and csv_v2_0 is the format to parse, its
// columns being the ones the vendor's own billing parser reads (json_v2_0's element fields are not published).

export const formatsHelp = `Formats:
  Monthly reports offer only csv and html; json_v1, csv_v2_0 and json_v2_0 are for one-time reports.
  For billing, run \`acronis-reports billing\` (a one-time usage summary over the month).
  For scripts use csv_v2_0: its columns are the ones the vendor's own billing parser reads.`;
