// A document pasted into a spreadsheet cell, or a CSV field holding JSON, has its
// quotation marks doubled (CSV escaping: He said ""stop"" -> He said "stop").
// Read that way, a JSON record or a quoted order inside the cell loses the quotes
// the structure reader and the mention reader look for. Undoubling restores them.
// An empty field ("") and a Python triple quote (""") are left as they are.

/** A doubled quote next to a word or bracket character on one side, not part of a run of three. */
const DOUBLED_QUOTE = /(?<!")""(?=[\p{L}\p{N}#<[{(@])(?!")|(?<=[\p{L}\p{N}.!?)\]}>])(?<!")""(?!")/gu;

/** The text with CSV-doubled quotation marks read as single ones; the text itself when it has none. */
export function undoubleCsvQuotes(text: string): string {
  return text.includes('""') ? text.replace(DOUBLED_QUOTE, '"') : text;
}
