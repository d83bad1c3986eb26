/* cmd-merge.c: klynge merge
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Merges the predecessors ID... into the organisation --into on --date and\n"
  "writes the resulting landscape to --output. The merger is recorded as a\n"
  "completed merger; the predecessors are dissolved the day before --date,\n"
  "their current memberships carried over to the successor (one per member,\n"
  "the earliest since and latest until), their contracts that run on or after\n"
  "--date moved to it, and their focus areas and locations added to it (as a\n"
  "set: one secretariat, the successor's). A rename does the same for its one\n"
  "predecessor; a transfer is only recorded: its givers live on and keep\n"
  "everything, since the record does not say which part moved.\n"
  "\n"
  "  --into ID       the successor: an organisation of the landscape, or with\n"
  "                  --name a new one, founded on --date\n"
  "  --date DATE     the date the merger takes effect\n"
  "  --kind KIND     merger (into a new successor), absorption (into an\n"
  "                  existing one), transfer (part of the predecessors'\n"
  "                  activity to an existing one) or rename (one predecessor\n"
  "                  goes on as a new successor); the default is absorption\n"
  "                  when --into exists and merger otherwise. A transfer or a\n"
  "                  rename makes a format version 2 landscape\n"
  "  --name NAME     the name of a new successor (a cluster), for a merger\n"
  "                  or a rename\n"
  "  --id ID         the merger's id (default: merger-DATE-INTO)\n"
  "  --output FILE   where to write the landscape (“-” for standard output);\n"
  "                  written to a temporary file and renamed into place, so\n"
  "                  that a failure leaves FILE as it was\n"
  "  --dry-run       check and say what would change; write nothing\n"
  "\n"
  "A refused merger writes nothing and exits with status 1, listing every\n"
  "problem on standard error.\n"
  "\n"
  "Examples:\n"
  "  klynge merge --landscape in.xml --into ab --name \"Klynge AB\" \\\n"
  "      --date 2025-01-01 a b --output out.xml\n"
  "  klynge merge --landscape in.xml --into a --date 2025-01-01 b --dry-run";

static void
print_problems (GPtrArray *problems)
{
  g_printerr ("klynge merge: the merger is refused:\n");
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("  %s\n", klynge_problem_get_message (g_ptr_array_index (problems, i)));
}

static gboolean
member_list_is_complete (KlyngeLandscape *landscape,
                         const char      *organisation)
{
  KlyngeRecord *record = klynge_landscape_lookup (landscape, organisation);

  return KLYNGE_IS_ORGANISATION (record)
         && klynge_organisation_get_member_list (KLYNGE_ORGANISATION (record)) == KLYNGE_MEMBER_LIST_COMPLETE;
}

/* The distinct members of @organisation, as "12", "at least 12" or "not
 * known": exact only when @complete says every member list that went
 * into them is complete. */
static char *
format_distinct_members (KlyngeLandscape *landscape,
                         const char      *organisation,
                         gboolean         complete)
{
  g_autoptr(GPtrArray) members = klynge_landscape_list_members_of (landscape, organisation, NULL);
  KlyngeCount count;

  klynge_count_init (&count, members != NULL ? members->len : 0, complete);
  return klynge_count_format (&count);
}

int
tool_merge (Tool  *tool,
            int    argc,
            char **argv)
{
  const ToolCommand *command = tool_find_command ("merge");
  g_autofree char *into = NULL, *date_text = NULL, *kind_text = NULL;
  g_autofree char *name = NULL, *merger_id = NULL, *output = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "into", 'i', 0, G_OPTION_ARG_STRING, &into, "The successor organisation", "ID" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, "The date the merger takes effect", "DATE" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text, "merger, absorption, transfer or rename", "KIND" },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, "The name of a new successor", "NAME" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &merger_id, "The merger's id (default: merger-DATE-INTO)", "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the landscape to FILE", "FILE" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, "Check and show what would change; write nothing", NULL },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeMerger) merger = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) moving = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_auto(GStrv) predecessors = NULL;
  g_autofree char *dissolved_text = NULL;
  gboolean ends;
  KlyngeMergerKind kind = KLYNGE_MERGER_KIND_MERGER;
  gboolean successor_exists;
  KlyngeOrganisation *first_predecessor;
  KlyngeDate date = { 0, };
  g_autofree char *members_before = NULL, *members_after = NULL;
  gboolean all_complete;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (into == NULL)
    return tool_usage_error (command, "--into ID is required: the successor");
  if (date_text == NULL)
    return tool_usage_error (command, "--date DATE is required: when the merger takes effect");
  if (!tool_parse_date (command, "--date", date_text, &date))
    return TOOL_EXIT_USAGE;
  if (argc < 2)
    return tool_usage_error (command, "give the ids of the predecessors");
  if (output == NULL && !dry_run)
    return tool_usage_error (command, "--output FILE is required (or --dry-run)");
  if (kind_text != NULL && !klynge_enum_from_nick (KLYNGE_TYPE_MERGER_KIND, kind_text, (int *) &kind))
    return tool_usage_error (command, "--kind: “%s” is not merger, absorption, transfer or rename", kind_text);
  if (!klynge_id_is_valid (into))
    return tool_usage_error (command, "--into: “%s” is not a valid id", into);
  if (merger_id != NULL && !klynge_id_is_valid (merger_id))
    return tool_usage_error (command, "--id: “%s” is not a valid id", merger_id);
  predecessors = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    {
      if (!klynge_id_is_valid (argv[i]))
        return tool_usage_error (command, "“%s” is not a valid id", argv[i]);
      predecessors[i - 1] = g_strdup (argv[i]);
    }

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  successor_exists = klynge_landscape_contains (landscape, into);
  if (kind_text == NULL)
    kind = successor_exists ? KLYNGE_MERGER_KIND_ABSORPTION : KLYNGE_MERGER_KIND_MERGER;
  if (!successor_exists && klynge_merger_kind_forms_successor (kind) && name == NULL)
    return tool_usage_error (command, "--into “%s” is not in the landscape: give --name NAME to create it", into);
  if (successor_exists && name != NULL)
    return tool_usage_error (command, "--name creates a new successor, but “%s” already exists", into);
  if (merger_id == NULL)
    {
      g_autofree char *d = klynge_date_to_string (&date);
      merger_id = g_strdup_printf ("merger-%s-%s", d, into);
    }

  /* check everything before changing anything */
  problems = klynge_landscape_check_merger_of (landscape, kind,
                                               successor_exists || !klynge_merger_kind_forms_successor (kind) ? into : NULL,
                                               (const char * const *) predecessors, &date);
  if (klynge_landscape_contains (landscape, merger_id))
    g_ptr_array_add (problems, klynge_problem_new (KLYNGE_ERROR_DUPLICATE_ID, NULL, 0, 0, merger_id,
                                                   "the merger id is already used in the landscape"));
  if (!successor_exists && g_strv_contains ((const char * const *) predecessors, into))
    g_ptr_array_add (problems, klynge_problem_new (KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR, NULL, 0, 0, into,
                                                   "the successor is also named as a predecessor"));
  if (problems->len > 0)
    {
      print_problems (problems);
      return TOOL_EXIT_DATA;
    }

  if (!successor_exists)
    {
      g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (into, KLYNGE_ORGANISATION_KIND_CLUSTER, name);

      if (!klynge_organisation_set_founded (organisation, &date, &error)
          || !klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error))
        return tool_fail (error);
    }
  merger = klynge_merger_new (merger_id, kind, into, &date);
  for (guint i = 0; predecessors[i] != NULL; i++)
    if (!klynge_merger_add_predecessor (merger, predecessors[i], &error))
      return tool_fail (error);

  /* what will move, for the summary */
  /* a successor made here has no members of its own: its count before is
   * exactly 0, and after it holds just the predecessors' */
  all_complete = !successor_exists || member_list_is_complete (landscape, into);
  members_before = format_distinct_members (landscape, into, all_complete);
  for (guint i = 0; predecessors[i] != NULL; i++)
    all_complete = all_complete && member_list_is_complete (landscape, predecessors[i]);
  moving = g_ptr_array_new_with_free_func (g_object_unref);
  ends = klynge_merger_kind_ends_predecessors (kind);
  {
    g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);

    /* a transfer moves nothing */
    for (guint i = 0; ends && i < contracts->len; i++)
      {
        KlyngeContract *contract = g_ptr_array_index (contracts, i);
        if (klynge_contract_moves_to_successor (contract, (const char * const *) predecessors, &date))
          g_ptr_array_add (moving, g_object_ref (contract));
      }
  }

  if (!klynge_landscape_apply_merger (landscape, merger, &error))
    {
      problems = klynge_landscape_check_merger (landscape, merger);
      if (problems->len > 0)
        print_problems (problems);
      else
        tool_fail (error);
      return TOOL_EXIT_DATA;
    }

  {
    static const char * const verbs[] = {
      [KLYNGE_MERGER_KIND_MERGER] = "merge into",
      [KLYNGE_MERGER_KIND_ABSORPTION] = "are absorbed by",
      [KLYNGE_MERGER_KIND_TRANSFER] = "transfer part of their activity to",
      [KLYNGE_MERGER_KIND_RENAME] = "goes on as",
    };
    g_autofree char *list = g_strjoinv (", ", predecessors);

    g_string_append_printf (summary, "%s%s: %s %s %s on %s (%s)\n", dry_run ? "would apply " : "",
                            merger_id, list, verbs[kind], into, date_text,
                            klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, kind));
    if (ends)
      {
        /* the last day applying the merger gave the predecessors */
        first_predecessor = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, predecessors[0]));
        dissolved_text = klynge_date_to_string (klynge_organisation_get_dissolved (first_predecessor));
        g_string_append_printf (summary, "  dissolved on %s: %s\n", dissolved_text, list);
      }
    else
      g_string_append_printf (summary, "  still active: %s\n", list);
  }
  members_after = format_distinct_members (landscape, into, all_complete);
  g_string_append_printf (summary, "  %s: %s members (before: %s)\n", into,
                          members_after, members_before);
  g_string_append (summary, "  contracts moved:");
  if (moving->len == 0)
    g_string_append (summary, " none");
  for (guint i = 0; i < moving->len; i++)
    g_string_append_printf (summary, "%s %s", i > 0 ? "," : "",
                            klynge_record_get_id (g_ptr_array_index (moving, i)));
  g_string_append_c (summary, '\n');

  if (!dry_run && tool_output_is_file (output))
    {
      if (!klynge_landscape_save_file (landscape, output, &error))
        return tool_fail (error);
    }
  else if (!dry_run)
    {
      g_autoptr(GOutputStream) stream = tool_open_output (output, &error);

      if (stream == NULL
          || !klynge_landscape_save_stream (landscape, stream, NULL, &error)
          || !tool_close_output (stream, &error))
        return tool_fail (error);
    }

  /* the summary goes where it does not mix with the landscape */
  if (!dry_run && output != NULL && strcmp (output, "-") == 0)
    g_printerr ("%s", summary->str);
  else
    g_print ("%s", summary->str);
  return TOOL_EXIT_OK;
}
