/* cmd-due-diligence.c: klynge due-diligence
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "The due-diligence report on merging two or more organisations into a new\n"
  "one on a date, before anything is applied: their members (those with a\n"
  "membership active on the date given by --date, today without it), the\n"
  "overlap of every pair (shared members and Jaccard index) and the members\n"
  "they share, members by kind and size class, what each funding source pays\n"
  "them together in the year before and the year after the date (DKK), the\n"
  "contracts that would move to the successor, end within the year or\n"
  "conflict, their focus areas and cities, and the problems that would block\n"
  "the merger.\n"
  "Member counts are exact only where every member list counted is stated\n"
  "complete; otherwise they read \"at least N\" (the members recorded, others\n"
  "may be missing) or \"not known\" (none recorded), and the Jaccard index is\n"
  "not known.\n"
  "The exit status is 0 even when problems block the merger.\n"
  "\n"
  "  --date DATE     the date the merger would take effect (default: today)\n"
  "\n"
  "Examples:\n"
  "  klynge due-diligence house-of-energy eic --date 2020-07-01\n"
  "  klynge due-diligence a b c --date 2025-01-01 --landscape my.xml";

int
tool_due_diligence (Tool  *tool,
                    int    argc,
                    char **argv)
{
  const ToolCommand *command = tool_find_command ("due-diligence");
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, "The date the merger would take effect (default: today)", "DATE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeDueDiligence) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) ids = NULL;
  KlyngeDate date = { 0, };
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  /* argv[0] is the command: the ids follow it */
  if ((guint) argc - 1 < klynge_merger_kind_min_predecessors (KLYNGE_MERGER_KIND_MERGER))
    return tool_usage_error (command, "give the ids of at least two organisations");
  if (date_text != NULL && !tool_parse_date (command, "--date", date_text, &date))
    return TOOL_EXIT_USAGE;

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  ids = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    ids[i - 1] = g_strdup (argv[i]);
  report = klynge_landscape_due_diligence (landscape, (const char * const *) ids,
                                           date_text != NULL ? &date : NULL, &error);
  if (report == NULL)
    return tool_fail (error);

  text = klynge_due_diligence_to_text (report);
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    {
      g_printerr ("klynge: cannot write the output: %s\n", g_strerror (errno));
      return TOOL_EXIT_DATA;
    }
  return TOOL_EXIT_OK;
}
