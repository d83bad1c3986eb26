/* cmd-lineage.c: klynge lineage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "The predecessors and successors of an organisation through completed\n"
  "mergers of every kind (merger, absorption, transfer, rename), with each\n"
  "merger's id, kind and effective date, or the whole consolidation it was\n"
  "part of as a picture (Graphviz DOT, or SVG drawn by klynge itself).\n"
  "Without ID, --format dot and svg draw every lineage: all organisations a\n"
  "completed merger names. A transfer's giver lives on; cancelled mergers\n"
  "are left out.\n"
  "\n"
  "  --format text   a tree: the organisation, then its predecessors (and\n"
  "                  theirs, indented; past 32 levels, numbered) and its\n"
  "                  successors (the default)\n"
  "  --format dot    a DOT digraph of every organisation linked to ID by\n"
  "                  mergers, labelled with names and dates, merger edges\n"
  "                  labelled with the effective date (dashed: absorption;\n"
  "                  dotted: transfer; bold: rename, both also named)\n"
  "  --on DATE       also say what the organisation was on DATE: itself, or\n"
  "                  where its successors led (text only)\n"
  "\n"
  "Examples:\n"
  "  klynge lineage ecd\n"
  "  klynge lineage eic --on 2020-12-31\n"
  "  klynge lineage ecd --format dot | dot -Tsvg > ecd.svg\n"
  "  klynge lineage ecd --format svg > ecd.svg\n"
  "  klynge lineage --format svg > consolidation.svg";

static void
append_organisation (GString         *out,
                     KlyngeLandscape *landscape,
                     const char      *id)
{
  KlyngeOrganisation *organisation = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, id));
  const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
  const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
  g_autofree char *f = klynge_date_is_set (founded) ? klynge_date_to_string (founded) : g_strdup ("?");
  g_autofree char *d = klynge_date_is_set (dissolved) ? klynge_date_to_string (dissolved) : g_strdup ("");

  g_string_append_printf (out, "%s  %s  (%s –%s%s)", id, klynge_organisation_get_name (organisation),
                          f, *d != '\0' ? " " : "", d);
}

/* links deeper than this are indented as much as this, and numbered */
#define MAX_INDENTED_DEPTH 32

static void
append_links (GString         *out,
              KlyngeLandscape *landscape,
              const char      *title,
              GPtrArray       *links)
{
  g_string_append_printf (out, "%s:\n", title);
  if (links->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < links->len; i++)
    {
      KlyngeLineageLink *link = g_ptr_array_index (links, i);
      g_autofree char *effective = klynge_date_to_string (klynge_lineage_link_get_effective (link));

      guint depth = klynge_lineage_link_get_depth (link);

      /* indent by depth, but only so far: a history of 100,000 mergers
       * would otherwise need 10 GB of spaces; deeper links say their
       * depth instead */
      for (guint d = 0; d < MIN (depth, MAX_INDENTED_DEPTH); d++)
        g_string_append (out, "  ");
      if (depth > MAX_INDENTED_DEPTH)
        g_string_append_printf (out, "(depth %u) ", depth);
      append_organisation (out, landscape, klynge_lineage_link_get_organisation (link));
      g_string_append_printf (out, "  [%s, %s, effective %s]\n", klynge_lineage_link_get_merger (link),
                              klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, klynge_lineage_link_get_kind (link)),
                              effective);
    }
}

int
tool_lineage (Tool  *tool,
              int    argc,
              char **argv)
{
  const ToolCommand *command = tool_find_command ("lineage");
  g_autofree char *format = NULL;
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default), dot or svg", "FORMAT" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, "Also say what the organisation was on DATE", "DATE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  KlyngeDate date = { 0, };
  gboolean dot = FALSE, svg = FALSE;
  const char *id;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return tool_usage_error (command, "unexpected argument “%s”", argv[2]);
  if (format != NULL)
    {
      if (strcmp (format, "dot") == 0)
        dot = TRUE;
      else if (strcmp (format, "svg") == 0)
        svg = TRUE;
      else if (strcmp (format, "text") != 0)
        return tool_usage_error (command, "--format: “%s” is not text, dot or svg", format);
    }
  /* a picture can show every lineage; the text is of one organisation */
  if (argc < 2 && !dot && !svg)
    return tool_usage_error (command, "which organisation? Give its ID (or --format dot or svg for every lineage)");
  if (on != NULL && (dot || svg))
    return tool_usage_error (command, "--on applies only to --format text");
  if (on != NULL && !tool_parse_date (command, "--on", on, &date))
    return TOOL_EXIT_USAGE;
  id = argc > 1 ? argv[1] : NULL;

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;
  if (id != NULL && !KLYNGE_IS_ORGANISATION (klynge_landscape_lookup (landscape, id)))
    {
      g_printerr ("klynge: “%s” is not an organisation of the landscape\n", id);
      return TOOL_EXIT_DATA;
    }

  if (dot || svg)
    {
      g_autofree char *text = dot ? klynge_landscape_lineage_to_dot (landscape, id)
                                  : klynge_landscape_lineage_to_svg (landscape, id);
      g_string_append (out, text);
    }
  else
    {
      g_autoptr(GPtrArray) ancestors = klynge_landscape_list_ancestors (landscape, id);
      g_autoptr(GPtrArray) descendants = klynge_landscape_list_descendants (landscape, id);

      append_organisation (out, landscape, id);
      g_string_append (out, "\n");
      append_links (out, landscape, "Predecessors", ancestors);
      append_links (out, landscape, "Successors", descendants);
      if (on != NULL)
        {
          const char *what = klynge_landscape_resolve_on (landscape, id, &date);
          const char *merged_into = NULL;
          KlyngeOrganisationStatus st = klynge_landscape_get_status (landscape, id, &date, &merged_into);

          g_string_append_printf (out, "On %s: ", on);
          if (what != NULL && strcmp (what, id) == 0)
            g_string_append (out, "active itself\n");
          else if (what != NULL)
            {
              g_string_append (out, "merged; it was ");
              append_organisation (out, landscape, what);
              g_string_append (out, "\n");
            }
          else if (st == KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED)
            g_string_append (out, "not yet founded\n");
          else if (st == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN)
            g_string_append (out, "not known to be active (a partial or missing date)\n");
          else if (st == KLYNGE_ORGANISATION_STATUS_MERGED)
            g_string_append_printf (out, "merged into %s, which was not %s then\n", merged_into,
                                    klynge_landscape_get_status (landscape, merged_into, &date, NULL)
                                    == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN ? "known to be active" : "active");
          else
            g_string_append (out, "dissolved, with no successor\n");
        }
    }

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr ("klynge: cannot write the output: %s\n", g_strerror (errno));
      return TOOL_EXIT_DATA;
    }
  return TOOL_EXIT_OK;
}
