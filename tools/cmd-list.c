/* cmd-list.c: klynge list: organisations, filtered
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Prints one line per organisation, in the landscape's order: its id, kind,\n"
  "founding and dissolution dates and name. Every filter that is given must\n"
  "hold; focus areas and cities are compared exactly.\n"
  "\n"
  "With --active-on, the organisations known to be active that day come first;\n"
  "those whose status that day is not known follow apart, under “Not known to\n"
  "be active on DATE”: a partial founding or dissolution date (“2014”) is a\n"
  "span in which the day may fall, and an organisation with no founding date is\n"
  "not known to be active before the first date the landscape states for it.\n"
  "\n"
  "Kinds: cluster, innovation-network, support-body, agency, other.\n"
  "\n"
  "Examples:\n"
  "  klynge list --kind cluster --active-on 2021-06-30\n"
  "  klynge list --city Aalborg\n"
  "  klynge list --focus Energiteknologi --landscape my-landscape.xml";

/* "2014-05-09–2020-06-30", "2014–", "?–2020-05" */
static char *
format_span (KlyngeOrganisation *organisation)
{
  const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
  const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
  g_autofree char *from = founded != NULL && klynge_date_is_set (founded)
                          ? klynge_date_to_string (founded) : g_strdup ("?");
  g_autofree char *to = dissolved != NULL && klynge_date_is_set (dissolved)
                        ? klynge_date_to_string (dissolved) : g_strdup ("");

  return g_strconcat (from, "–", to, NULL);
}

int
tool_list (Tool  *tool,
           int    argc,
           char **argv)
{
  const ToolCommand *command = tool_find_command ("list");
  g_autofree char *kind_nick = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *city = NULL;
  g_autofree char *active_on = NULL;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_nick, "Only organisations of KIND", "KIND" },
    { "focus", 'f', 0, G_OPTION_ARG_STRING, &focus, "Only organisations with the focus area AREA", "AREA" },
    { "city", 'c', 0, G_OPTION_ARG_STRING, &city, "Only organisations with a location in CITY", "CITY" },
    { "active-on", 'a', 0, G_OPTION_ARG_STRING, &active_on,
      "Only organisations active on DATE (YYYY, YYYY-MM or YYYY-MM-DD); those not known to be follow apart", "DATE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  KlyngeDate date;
  int kind;
  int id_width = 0, span_width = 0;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tool_usage_error (command, "unexpected argument “%s”", argv[1]);
  if (kind_nick != NULL)
    {
      if (!klynge_enum_from_nick (KLYNGE_TYPE_ORGANISATION_KIND, kind_nick, &kind))
        return tool_usage_error (command, "--kind: “%s” is not a kind of organisation "
                                 "(cluster, innovation-network, support-body, agency, other)",
                                 kind_nick);
      klynge_filter_set_kind (filter, kind);
    }
  if (focus != NULL)
    klynge_filter_set_focus_area (filter, focus);
  if (city != NULL)
    klynge_filter_set_city (filter, city);
  if (active_on != NULL)
    {
      if (!tool_parse_date (command, "--active-on", active_on, &date))
        return TOOL_EXIT_USAGE;
      klynge_filter_set_active_on (filter, &date);
    }

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  if (active_on != NULL)
    klynge_filter_set_include_not_known (filter, TRUE);
  organisations = klynge_landscape_list_organisations (landscape, filter);
  spans = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < organisations->len; i++)
    {
      KlyngeOrganisation *organisation = g_ptr_array_index (organisations, i);
      KlyngeRecord *record = KLYNGE_RECORD (organisation);
      char *span = format_span (organisation);

      g_ptr_array_add (spans, span);
      id_width = MAX (id_width, (int) strlen (klynge_record_get_id (record)));
      span_width = MAX (span_width, (int) g_utf8_strlen (span, -1));
    }
  /* the known ones, then (with a date) the not-known ones apart */
  for (int pass = 0; pass < (active_on != NULL ? 2 : 1); pass++)
    {
      gboolean header = FALSE;

      for (guint i = 0; i < organisations->len; i++)
        {
          KlyngeOrganisation *organisation = g_ptr_array_index (organisations, i);
          const char *id = klynge_record_get_id (KLYNGE_RECORD (organisation));
          const char *span = g_ptr_array_index (spans, i);
          /* pad by characters, not bytes: the dash is three bytes */
          int pad = span_width - (int) g_utf8_strlen (span, -1);
          const char *kind_name = klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_KIND,
                                                       klynge_organisation_get_kind (organisation));
          gboolean not_known = active_on != NULL
            && klynge_landscape_get_status (landscape, id, &date, NULL) == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN;

          if (not_known != (pass == 1))
            continue;
          if (pass == 1 && !header)
            {
              g_autofree char *when = klynge_date_to_string (&date);

              g_print ("\nNot known to be active on %s (a partial or missing date):\n", when);
              header = TRUE;
            }
          g_print ("%-*s  %-*s  %s%*s  %s\n",
                   id_width, id,
                   (int) strlen ("innovation-network"), kind_name,
                   span, pad, "",
                   klynge_organisation_get_name (organisation));
        }
    }
  return TOOL_EXIT_OK;
}
