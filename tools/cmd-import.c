/* cmd-import.c: klynge import
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Makes a landscape from the tables in the directory DIR, one <table>.csv\n"
  "per table, as “klynge export --format csv --all” writes them, and writes\n"
  "it to --output as a landscape document. Tables written by hand may leave\n"
  "out the columns that are optional and give the others in any order;\n"
  "organisation.csv, member.csv and membership.csv alone make a landscape.\n"
  "Files in DIR that are not .csv, such as datapackage.json, are ignored.\n"
  "\n"
  "  --format FORMAT  the format of the tables: csv (the only one, and the\n"
  "                   default)\n"
  "  --output FILE    where to write the landscape (“-” for standard output);\n"
  "                   written to a temporary file and renamed into place, so\n"
  "                   that a failure leaves FILE as it was\n"
  "\n"
  "Tables with any problem write nothing and exit with status 1, listing\n"
  "every problem on standard error as FILE.csv:LINE:COLUMN: MESSAGE.\n"
  "\n"
  "Examples:\n"
  "  klynge import --format csv members/ --output landscape.xml\n"
  "  klynge due-diligence --landscape landscape.xml klynge-a klynge-b";

int
tool_import (Tool  *tool,
             int    argc,
             char **argv)
{
  const ToolCommand *command = tool_find_command ("import");
  g_autofree char *format = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format, "The format of the tables: csv", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the landscape to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (format != NULL && strcmp (format, "csv") != 0)
    return tool_usage_error (command, "unknown --format “%s”: tables are read as csv", format);
  if (argc != 2)
    return tool_usage_error (command, argc < 2 ? "give the directory of tables"
                                               : "give one directory of tables");
  if (output == NULL)
    return tool_usage_error (command, "--output FILE is required");
  if (!g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    return tool_usage_error (command, "“%s” is not a directory", argv[1]);

  landscape = klynge_landscape_load_tables (argv[1], NULL, NULL, &error);
  if (landscape == NULL)
    {
      /* one problem a line, as compilers list them */
      lines = g_strsplit (error->message, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        g_printerr ("%s\n", lines[i]);
      return TOOL_EXIT_DATA;
    }
  if (tool_output_is_file (output))
    {
      if (!klynge_landscape_save_file (landscape, output, &error))
        return tool_fail (error);
    }
  else
    {
      g_autoptr(GOutputStream) stream = tool_open_output (output, &error);

      if (stream == NULL
          || !klynge_landscape_save_stream (landscape, stream, NULL, &error)
          || !tool_close_output (stream, &error))
        return tool_fail (error);
    }
  return TOOL_EXIT_OK;
}
