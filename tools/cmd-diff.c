/* cmd-diff.c: klynge diff OLD NEW: what changed between two landscapes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Compares two landscape files, OLD and NEW, as the tables of “klynge export”:\n"
  "rows added and removed, and each field of a row in both that changed, named\n"
  "by its column (name_en, known_until, amount_ore). Memberships come\n"
  "organisation by organisation; one that gained an until date has ended.\n"
  "Formats:\n"
  "  text  for reading (the default): table by table, with counts\n"
  "  csv   one row per change, with the columns change, table, record,\n"
  "        key, field, old and new (RFC 4180, UTF-8, header row)\n"
  "\n"
  "Exit status 0 when the landscapes hold the same rows, 1 when they\n"
  "differ, 2 on a usage error or when a file cannot be read or loaded.\n"
  "\n"
  "Examples:\n"
  "  klynge diff landscape-2025.xml landscape-2026.xml\n"
  "  klynge diff --format csv old.xml new.xml > changes.csv";

/* Loads @path as tool_load_landscape() loads --landscape. */
static KlyngeLandscape *
load (Tool       *tool,
      const char *path)
{
  KlyngeLandscape *landscape;

  tool->landscape_path = g_strdup (path);
  landscape = tool_load_landscape (tool);
  g_clear_pointer (&tool->landscape_path, g_free);
  return landscape;
}

int
tool_diff (Tool  *tool,
           int    argc,
           char **argv)
{
  const ToolCommand *command = tool_find_command ("diff");
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format, "Write FORMAT: text (the default) or csv", "FORMAT" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) before = NULL;
  g_autoptr(KlyngeLandscape) after = NULL;
  g_autoptr(KlyngeDiff) diff = NULL;
  g_autofree char *text = NULL;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return tool_usage_error (command, "which files? Name the old and the new landscape");
  if (argc > 3)
    return tool_usage_error (command, "unexpected argument “%s”; name two files", argv[3]);
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "csv") != 0)
    return tool_usage_error (command, "--format: “%s” is not a format (text or csv)", format);

  /* 1 means "they differ": a file that cannot be loaded is trouble, 2 */
  before = load (tool, argv[1]);
  if (before == NULL)
    return TOOL_EXIT_USAGE;
  after = load (tool, argv[2]);
  if (after == NULL)
    return TOOL_EXIT_USAGE;

  diff = klynge_landscape_diff (before, after);
  text = format != NULL && strcmp (format, "csv") == 0 ? klynge_diff_to_csv (diff) : klynge_diff_to_text (diff);
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    {
      g_printerr ("klynge: cannot write the differences: %s\n", g_strerror (errno));
      return TOOL_EXIT_USAGE;
    }
  return klynge_diff_is_empty (diff) ? TOOL_EXIT_OK : TOOL_EXIT_DATA;
}
