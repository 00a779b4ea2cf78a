"""The cores both doors (web and API) and the CLI call: reads, writes, printouts, calendars."""
