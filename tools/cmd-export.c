/* cmd-export.c: klynge export: the landscape as XML, CSV, GraphML or GEXF
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Writes the landscape to standard output or, with --output, to FILE (which\n"
  "is replaced only when the export succeeds; a FIFO or device such as\n"
  "/dev/stdout is written to directly). Formats:\n"
  "  xml      the canonical landscape document (docs/format.md)\n"
  "  csv      one table, chosen with --kind: organisation, member,\n"
  "           membership, funding-source, contract, share, programme,\n"
  "           envelope, designation, merger, initiative, location,\n"
  "           focus-area, label, predecessor, participant, source or\n"
  "           identifier (RFC 4180, UTF-8, header row; dates as their\n"
  "           first day plus a _precision column, money as amount_ore in\n"
  "           øre; plural columns such as focus_areas join their values\n"
  "           with “|”); with --all instead of --kind, every table into\n"
  "           the directory --output names (made if missing), as KIND.csv,\n"
  "           and datapackage.json, a Data Package 2.0 descriptor giving\n"
  "           each column's type and the tables' keys; all or nothing\n"
  "  graphml  organisations, members and funding sources as nodes;\n"
  "           memberships, mergers (with their kind) and funding (source to\n"
  "           holder, with amounts) as edges, with typed data, for Gephi,\n"
  "           NetworkX or igraph\n"
  "  gexf     the same graph as GEXF 1.3, each node and edge with the\n"
  "           start and end (founded to dissolved, since to until, the\n"
  "           effective date, the contract's period) of Gephi's timeline\n"
  "\n"
  "Examples:\n"
  "  klynge export --format xml --output denmark.xml\n"
  "  klynge export --format csv --kind organisation > organisations.csv\n"
  "  klynge export --format csv --all --output tables/\n"
  "  klynge export --format graphml --landscape big.xml --output big.graphml\n"
  "  klynge export --format gexf --output denmark.gexf";

int
tool_export (Tool  *tool,
             int    argc,
             char **argv)
{
  const ToolCommand *command = tool_find_command ("export");
  g_autofree char *format = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *output = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format, "Write FORMAT: xml, csv, graphml or gexf (required)", "FORMAT" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, "For csv: the table to write (this or --all)", "KIND" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, "For csv: every table and datapackage.json, into the directory --output", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (a directory with --all) instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tool_usage_error (command, "unexpected argument “%s”", argv[1]);
  if (format == NULL)
    return tool_usage_error (command, "--format is required (xml, csv, graphml or gexf)");
  if (strcmp (format, "xml") != 0 && strcmp (format, "csv") != 0 && strcmp (format, "graphml") != 0
      && strcmp (format, "gexf") != 0)
    return tool_usage_error (command, "--format: “%s” is not a format (xml, csv, graphml or gexf)", format);
  if (strcmp (format, "csv") == 0)
    {
      const char * const *kinds = klynge_landscape_export_csv_kinds ();

      if (all && kind != NULL)
        return tool_usage_error (command, "--all and --kind exclude each other");
      if (all && output == NULL)
        return tool_usage_error (command, "--all needs --output, the directory to write the tables into");
      if (kind == NULL && !all)
        return tool_usage_error (command, "--format csv needs --kind, the table to write, or --all");
      if (kind != NULL && !g_strv_contains (kinds, kind))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) kinds);
          return tool_usage_error (command, "--kind: “%s” is not a kind of table (%s)", kind, list);
        }
    }
  else if (kind != NULL)
    return tool_usage_error (command, "--kind applies only to --format csv");
  else if (all)
    return tool_usage_error (command, "--all applies only to --format csv");

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  if (all)
    {
      ok = klynge_landscape_export_tables (landscape, output, NULL, &error);
      return ok ? TOOL_EXIT_OK : tool_fail (error);
    }

  if (tool_output_is_file (output))
    {
      if (strcmp (format, "xml") == 0)
        ok = klynge_landscape_save_file (landscape, output, &error);
      else if (strcmp (format, "csv") == 0)
        ok = klynge_landscape_export_csv_file (landscape, kind, output, &error);
      else if (strcmp (format, "graphml") == 0)
        ok = klynge_landscape_export_graphml_file (landscape, output, &error);
      else
        ok = klynge_landscape_export_gexf_file (landscape, output, &error);
      return ok ? TOOL_EXIT_OK : tool_fail (error);
    }

  stream = tool_open_output (output, &error);
  if (stream == NULL)
    return tool_fail (error);
  if (strcmp (format, "xml") == 0)
    ok = klynge_landscape_save_stream (landscape, stream, NULL, &error);
  else if (strcmp (format, "csv") == 0)
    ok = klynge_landscape_export_csv (landscape, kind, stream, NULL, &error);
  else if (strcmp (format, "graphml") == 0)
    ok = klynge_landscape_export_graphml (landscape, stream, NULL, &error);
  else
    ok = klynge_landscape_export_gexf (landscape, stream, NULL, &error);
  if (!ok || !tool_close_output (stream, &error))
    return tool_fail (error);
  return TOOL_EXIT_OK;
}
