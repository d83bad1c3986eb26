/* cmd-list.c: klynge list: organisations, or the programmes'
 * designations, filtered
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Prints one line per organisation, in the landscape's order: its id, kind,\n"
  "founding and dissolution dates and name. Every filter that is given must\n"
  "hold. --focus and --city match as you type: a value matches when it is\n"
  "part of a focus area or city, in any case; a focus area also matches by\n"
  "the Danish and English labels of the area it names in klynge's vocabulary\n"
  "(see --areas), so “--focus energy” finds a focus area “Energiteknologi”.\n"
  "A value that names nothing in the landscape or the vocabulary is an error\n"
  "that lists the known values.\n"
  "\n"
  "With --active-on, the organisations known to be active that day come first;\n"
  "those whose status that day is not known follow apart, under “Not known to\n"
  "be active on DATE”: a partial founding or dissolution date (“2014”) is a\n"
  "span in which the day may fall, and an organisation with no founding date is\n"
  "not known to be active before the first date the landscape states for it.\n"
  "One with no dissolution date but a last day the sources show it active\n"
  "(its known-until date, printed with “?” where the dissolution date goes:\n"
  "“2013–2019-06-30?”) is not known to be active after that day.\n"
  "\n"
  "Kinds: cluster, innovation-network, support-body, agency, other.\n"
  "Roles: national-cluster, innovation-network, support-body, other.\n"
  "Regions (NUTS 2021): DK01 Hovedstaden, DK02 Sjælland, DK03 Syddanmark,\n"
  "DK04 Midtjylland, DK05 Nordjylland. Municipalities: the three-digit code\n"
  "of Danmarks Statistik, such as 101 København or 851 Aalborg. A location\n"
  "that states only its municipality lies in that municipality's region.\n"
  "\n"
  "With --designated, prints one line per designation instead: which\n"
  "organisation a programme designated, as what, when, for which area (as\n"
  "the source words it): its id, role, period, programme, area and name.\n"
  "--area matches as --focus does.\n"
  "Programmes come in the landscape's order and each programme's\n"
  "designations in its order. --active-on keeps those in force on every day\n"
  "of DATE for certain: a partial date is uncertain, so a designation from\n"
  "2021 is known to be in force only from 2021-12-31.\n"
  "\n"
  "With --areas, prints klynge's vocabulary of business and technology areas\n"
  "instead: scheme, id, kind (stronghold, emerging or not-stated), Danish and\n"
  "English label; a “*” marks an English label that is klynge's own\n"
  "translation, not a source's wording.\n"
  "\n"
  "Examples:\n"
  "  klynge list --kind cluster --active-on 2021-06-30\n"
  "  klynge list --city aalborg\n"
  "  klynge list --region DK05 --municipality 851\n"
  "  klynge list --focus energy --landscape my-landscape.xml\n"
  "  klynge list --areas\n"
  "  klynge list --designated --role national-cluster --active-on 2021-06-01";

/* "DK01 Hovedstaden, DK02 Sjælland, …" or, without names, "101, 147, …":
 * what a usage error offers instead of an unknown code */
static char *
join_codes (const char * const  *codes,
            const char        *(*get_name) (const char *code))
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_string_append (text, i > 0 ? ", " : "");
      g_string_append (text, codes[i]);
      if (get_name != NULL)
        g_string_append_printf (text, " %s", get_name (codes[i]));
    }
  return g_string_free (text, FALSE);
}

/* "2014-05-09–2020-06-30", "2014–", "?–2020-05", "2013–2019-06-30?" (known
 * until, with no dissolution date) */
static char *
format_span (KlyngeOrganisation *organisation)
{
  const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
  const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
  const KlyngeDate *known_until = klynge_organisation_get_known_until (organisation);
  g_autofree char *from = founded != NULL && klynge_date_is_set (founded)
                          ? klynge_date_to_string (founded) : g_strdup ("?");
  g_autofree char *to = NULL;

  if (klynge_date_is_set (dissolved))
    to = klynge_date_to_string (dissolved);
  else if (klynge_date_is_set (known_until))
    {
      g_autofree char *last = klynge_date_to_string (known_until);
      to = g_strconcat (last, "?", NULL);
    }
  return g_strconcat (from, "–", to != NULL ? to : "", NULL);
}

/* "2021-01-01–2024-12-31", "2021–" */
static char *
format_designation_span (const KlyngeDesignation *designation)
{
  const KlyngeDate *end = klynge_designation_get_end (designation);
  g_autofree char *from = klynge_date_to_string (klynge_designation_get_start (designation));
  g_autofree char *to = end != NULL && klynge_date_is_set (end) ? klynge_date_to_string (end)
                                                               : g_strdup ("");

  return g_strconcat (from, "–", to, NULL);
}

/* Column widths in characters: ids are ASCII, areas and spans need not be. */
static int
text_width (const char *text)
{
  return text != NULL ? (int) g_utf8_strlen (text, -1) : 0;
}

static void
print_padded (const char *text,
              int         width)
{
  g_print ("%s%*s  ", text != NULL ? text : "", width - text_width (text), "");
}

static int
list_designations (KlyngeLandscape         *landscape,
                   KlyngeDesignationFilter *filter)
{
  g_autoptr(GPtrArray) designations = klynge_landscape_designations (landscape, filter);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);
  int widths[5] = { 0, };

  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      char *span = format_designation_span (designation);

      g_ptr_array_add (spans, span);
      widths[0] = MAX (widths[0], text_width (klynge_designation_get_organisation (designation)));
      widths[1] = MAX (widths[1], text_width (klynge_enum_to_nick (KLYNGE_TYPE_DESIGNATION_ROLE,
                                                                   klynge_designation_get_role (designation))));
      widths[2] = MAX (widths[2], text_width (span));
      widths[3] = MAX (widths[3], text_width (klynge_designation_get_programme (designation)));
      widths[4] = MAX (widths[4], text_width (klynge_designation_get_area (designation)));
    }
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      const char *id = klynge_designation_get_organisation (designation);
      KlyngeRecord *organisation = klynge_landscape_lookup (landscape, id);
      /* an area is optional: a dash keeps the columns readable */
      const char *area = klynge_designation_get_area (designation);

      print_padded (id, widths[0]);
      print_padded (klynge_enum_to_nick (KLYNGE_TYPE_DESIGNATION_ROLE,
                                         klynge_designation_get_role (designation)), widths[1]);
      print_padded (g_ptr_array_index (spans, i), widths[2]);
      print_padded (klynge_designation_get_programme (designation), widths[3]);
      print_padded (area != NULL ? area : "-", MAX (widths[4], 1));
      g_print ("%s\n", KLYNGE_IS_ORGANISATION (organisation)
                       ? klynge_organisation_get_name (KLYNGE_ORGANISATION (organisation))
                       : "(no such organisation)");
    }
  return TOOL_EXIT_OK;
}

/* The vocabulary: one line per area of every scheme klynge ships. */
static int
list_areas (void)
{
  const char * const *schemes = klynge_list_area_schemes ();
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_area_unref);
  int widths[4] = { 0, };

  for (guint s = 0; schemes[s] != NULL; s++)
    {
      g_autoptr(GPtrArray) of_scheme = klynge_list_areas (schemes[s]);

      for (guint i = 0; i < of_scheme->len; i++)
        g_ptr_array_add (areas, klynge_area_ref (g_ptr_array_index (of_scheme, i)));
    }
  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      widths[0] = MAX (widths[0], text_width (klynge_area_get_scheme (area)));
      widths[1] = MAX (widths[1], text_width (klynge_area_get_id (area)));
      widths[2] = MAX (widths[2], text_width (klynge_enum_to_nick (KLYNGE_TYPE_AREA_KIND,
                                                                   klynge_area_get_kind (area))));
      widths[3] = MAX (widths[3], text_width (klynge_area_get_label (area)));
    }
  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      print_padded (klynge_area_get_scheme (area), widths[0]);
      print_padded (klynge_area_get_id (area), widths[1]);
      print_padded (klynge_enum_to_nick (KLYNGE_TYPE_AREA_KIND, klynge_area_get_kind (area)), widths[2]);
      print_padded (klynge_area_get_label (area), widths[3]);
      g_print ("%s%s\n", klynge_area_get_label_en (area),
               klynge_area_is_label_en_translated (area) ? " *" : "");
    }
  g_print ("\n* klynge's own translation: no source read gives an English wording.\n"
           "Scheme “%s” is free text and has no list.\n", KLYNGE_AREA_SCHEME_OTHER);
  return TOOL_EXIT_OK;
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
  g_autofree char *region = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *active_on = NULL;
  g_autofree char *role_nick = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *area = NULL;
  gboolean designated = FALSE;
  gboolean areas = FALSE;
  GOptionEntry entries[] = {
    { "areas", 0, 0, G_OPTION_ARG_NONE, &areas,
      "Print klynge's vocabulary of areas instead", NULL },
    { "designated", 'd', 0, G_OPTION_ARG_NONE, &designated,
      "List the programmes' designations instead of organisations", NULL },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role_nick,
      "With --designated: only designations as ROLE", "ROLE" },
    { "programme", 'p', 0, G_OPTION_ARG_STRING, &programme,
      "With --designated: only designations of the programme PROGRAMME", "PROGRAMME" },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area,
      "With --designated: only designations for an area that AREA is part of", "AREA" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_nick, "Only organisations of KIND", "KIND" },
    { "focus", 'f', 0, G_OPTION_ARG_STRING, &focus,
      "Only organisations with a focus area that AREA is part of, in Danish or English", "AREA" },
    { "city", 'c', 0, G_OPTION_ARG_STRING, &city,
      "Only organisations with a location in a city that CITY is part of", "CITY" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      "Only organisations with a location in the region REGION (DK01 to DK05)", "REGION" },
    { "municipality", 0, 0, G_OPTION_ARG_STRING, &municipality,
      "Only organisations with a location in the municipality CODE (such as 851)", "CODE" },
    { "active-on", 'a', 0, G_OPTION_ARG_STRING, &active_on,
      "Only organisations active on DATE (YYYY, YYYY-MM or YYYY-MM-DD); those not known to be follow apart", "DATE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeDate date;
  int kind;
  int id_width = 0, span_width = 0;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tool_usage_error (command, "unexpected argument “%s”", argv[1]);
  if (active_on != NULL && !tool_parse_date (command, "--active-on", active_on, &date))
    return TOOL_EXIT_USAGE;
  if (areas)
    {
      if (designated || kind_nick != NULL || focus != NULL || city != NULL || active_on != NULL
          || role_nick != NULL || programme != NULL || area != NULL
          || region != NULL || municipality != NULL)
        return tool_usage_error (command, "--areas prints the vocabulary; it takes no filters");
      return list_areas ();
    }
  if (region != NULL && !klynge_region_is_known (region))
    {
      g_autofree char *known = join_codes (klynge_list_regions (), klynge_region_get_name);

      return tool_usage_error (command, "--region: “%s” is not a region; the regions are %s",
                               region, known);
    }
  if (municipality != NULL && !klynge_municipality_is_known (municipality))
    {
      g_autofree char *known = join_codes (klynge_list_municipalities (), NULL);

      return tool_usage_error (command, "--municipality: “%s” is not a municipality code; "
                               "the codes are %s", municipality, known);
    }

  if (designated && (region != NULL || municipality != NULL))
    return tool_usage_error (command, "--region and --municipality list organisations; "
                             "they do not go with --designated");
  if (designated)
    {
      g_autoptr(KlyngeDesignationFilter) conditions = klynge_designation_filter_new ();

      if (kind_nick != NULL || focus != NULL || city != NULL)
        return tool_usage_error (command, "--kind, --focus and --city list organisations; "
                                 "they do not go with --designated");
      if (role_nick != NULL)
        {
          if (!klynge_enum_from_nick (KLYNGE_TYPE_DESIGNATION_ROLE, role_nick, &kind))
            return tool_usage_error (command, "--role: “%s” is not a role "
                                     "(national-cluster, innovation-network, support-body, other)",
                                     role_nick);
          klynge_designation_filter_set_role (conditions, kind);
        }
      klynge_designation_filter_set_programme (conditions, programme);
      klynge_designation_filter_set_area (conditions, area);
      if (active_on != NULL)
        klynge_designation_filter_set_active_on (conditions, &date);

      landscape = tool_load_landscape (tool);
      if (landscape == NULL)
        return TOOL_EXIT_DATA;
      if (!klynge_designation_filter_check (conditions, landscape, &error))
        return tool_usage_error (command, "--area: %s", error->message);
      return list_designations (landscape, conditions);
    }
  if (role_nick != NULL || programme != NULL || area != NULL)
    return tool_usage_error (command, "--role, --programme and --area need --designated");

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
  klynge_filter_set_region (filter, region);
  klynge_filter_set_municipality (filter, municipality);
  if (active_on != NULL)
    klynge_filter_set_active_on (filter, &date);

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;
  /* an unknown value is the user's mistake, never an empty listing */
  if (!klynge_filter_check (filter, landscape, &error))
    return tool_usage_error (command, "%s", error->message);

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

              g_print ("\nNot known to be active on %s (an uncertain date, or the sources stop):\n", when);
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
