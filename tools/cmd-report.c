/* cmd-report.c: klynge report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-tool.h"

static const char description[] =
  "Writes the landscape on a date as one self-contained HTML page, to read in\n"
  "a browser or print: the headline figures (those of klynge summary), the\n"
  "organisations active per year by kind, the consolidation as a picture\n"
  "(each body a bar over its life, the mergers, transfers and renames between\n"
  "them), funding per source and year with the coverage of the envelopes,\n"
  "and the national clusters with their areas, locations, programmes and\n"
  "contracts. Every chart has a text alternative and the table of its\n"
  "numbers. The page has no scripts and loads nothing from elsewhere.\n"
  "\n"
  "Without --as-of the date is that of klynge summary: today, moved into the\n"
  "span of the dates in the data when it lies outside. Without --output the\n"
  "page goes to standard output; a file is replaced all or nothing.\n"
  "\n"
  "Examples:\n"
  "  klynge report --output report.html\n"
  "  klynge report --as-of 2019-12-31 -o 2019.html\n"
  "  klynge report --landscape my-landscape.xml > report.html";

int
tool_report (Tool  *tool,
             int    argc,
             char **argv)
{
  const ToolCommand *command = tool_find_command ("report");
  g_autofree char *as_of = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of,
      "The figures on DATE (YYYY, YYYY-MM or YYYY-MM-DD; default today)", "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeDate date;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tool_usage_error (command, "unexpected argument “%s”", argv[1]);
  if (as_of != NULL && !tool_parse_date (command, "--as-of", as_of, &date))
    return TOOL_EXIT_USAGE;

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  if (tool_output_is_file (output))
    {
      if (!klynge_landscape_write_report_file (landscape, as_of != NULL ? &date : NULL, output, NULL, &error))
        return tool_fail (error);
      return TOOL_EXIT_OK;
    }
  stream = tool_open_output (output, &error);
  if (stream == NULL)
    return tool_fail (error);
  if (!klynge_landscape_write_report (landscape, as_of != NULL ? &date : NULL, stream, NULL, &error)
      || !tool_close_output (stream, &error))
    return tool_fail (error);
  return TOOL_EXIT_OK;
}
