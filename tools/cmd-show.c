/* cmd-show.c: klynge show ID: every field and source of one record
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Prints every field of the record with that id, whatever its kind\n"
  "(organisation, member, funding source, contract, programme, merger or\n"
  "initiative): its values, locations, labels, focus areas, memberships, the\n"
  "records that refer to it, its sources and its note. An organisation shows\n"
  "its designations over time; a programme its period, envelopes,\n"
  "designations and, per funding source and year, how much of the envelope\n"
  "the contracts naming it cover; an initiative how many took part (as a\n"
  "source states it, or at least the participants listed), the organisations\n"
  "and then the members that did. An unknown id is a data problem (exit\n"
  "status 1).\n"
  "\n"
  "With --identifier SCHEME:VALUE instead of an id, shows the organisation or\n"
  "funding source that carries that identifier in an outside register, where\n"
  "SCHEME is cvr, p-number, lei, wikidata, eccp, org-id or other (an\n"
  "organisation's cvr attribute counts as a CVR identifier). With --on DATE,\n"
  "only an identifier certainly valid on DATE counts. No such record is a data\n"
  "problem (exit status 1).\n"
  "\n"
  "Examples:\n"
  "  klynge show ecd\n"
  "  klynge show merger-2020-ecd\n"
  "  klynge show ced-2019\n"
  "  klynge show --identifier cvr:13748136 --on 2021-06-01";

static void
field (const char *label,
       const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%-14s %s\n", label, value);
}

static void
date_field (const char       *label,
            const KlyngeDate *date)
{
  if (date != NULL && klynge_date_is_set (date))
    {
      g_autofree char *text = klynge_date_to_string (date);
      field (label, text);
    }
}

/* "ecd (Energy Cluster Denmark)" for a reference that resolves */
static char *
describe_ref (KlyngeLandscape *landscape,
              const char      *id)
{
  KlyngeRecord *record = id != NULL ? klynge_landscape_lookup (landscape, id) : NULL;
  const char *name = NULL;

  if (id == NULL)
    return NULL;
  if (KLYNGE_IS_ORGANISATION (record))
    name = klynge_organisation_get_name (KLYNGE_ORGANISATION (record));
  else if (KLYNGE_IS_MEMBER (record))
    name = klynge_member_get_name (KLYNGE_MEMBER (record));
  else if (KLYNGE_IS_FUNDING_SOURCE (record))
    name = klynge_funding_source_get_name (KLYNGE_FUNDING_SOURCE (record));
  else if (KLYNGE_IS_INITIATIVE (record))
    name = klynge_initiative_get_title (KLYNGE_INITIATIVE (record));
  else if (KLYNGE_IS_PROGRAMME (record))
    name = klynge_programme_get_name (KLYNGE_PROGRAMME (record));
  else if (record == NULL)
    return g_strdup_printf ("%s (no such record)", id);
  return name != NULL ? g_strdup_printf ("%s (%s)", id, name) : g_strdup (id);
}

static void
ref_field (KlyngeLandscape *landscape,
           const char      *label,
           const char      *id)
{
  g_autofree char *text = describe_ref (landscape, id);
  field (label, text);
}

static void
ref_list (KlyngeLandscape    *landscape,
          const char         *label,
          const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    ref_field (landscape, i == 0 ? label : "", ids[i]);
}

/* An organisation's memberships are listed up to this many. */
#define MAX_LISTED 50

/* "m-1 (Eksempel ApS), 2019-10-01–" under the organisation, or the
 * organisation under the member; a role other than member and an end
 * reason follow ("…, 2016–2018-12-31, partner, merged") */
static void
print_membership (KlyngeLandscape  *landscape,
                  KlyngeMembership *membership,
                  gboolean          of_member,
                  const char       *label)
{
  const KlyngeDate *since = klynge_membership_get_since (membership);
  const KlyngeDate *until = klynge_membership_get_until (membership);
  g_autofree char *other = describe_ref (landscape, of_member ? klynge_membership_get_organisation (membership)
                                                              : klynge_membership_get_member (membership));
  g_autofree char *since_text = since != NULL && klynge_date_is_set (since) ? klynge_date_to_string (since) : g_strdup ("?");
  g_autofree char *until_text = until != NULL && klynge_date_is_set (until) ? klynge_date_to_string (until) : g_strdup ("");
  KlyngeMembershipRole role = klynge_membership_get_role (membership);
  KlyngeMembershipEnd end = klynge_membership_get_end (membership);
  g_autofree char *text = g_strdup_printf ("%s, %s–%s%s%s%s%s", other, since_text, until_text,
                                           role != KLYNGE_MEMBERSHIP_ROLE_MEMBER ? ", " : "",
                                           role != KLYNGE_MEMBERSHIP_ROLE_MEMBER
                                           ? klynge_enum_to_nick (KLYNGE_TYPE_MEMBERSHIP_ROLE, role) : "",
                                           end != KLYNGE_MEMBERSHIP_END_NONE ? ", " : "",
                                           end != KLYNGE_MEMBERSHIP_END_NONE
                                           ? klynge_enum_to_nick (KLYNGE_TYPE_MEMBERSHIP_END, end) : "");

  field (label, text);
}

/* "2021-01-01–2024-12-31", "2021–" */
static char *
format_span (const KlyngeDate *start,
             const KlyngeDate *end)
{
  g_autofree char *from = start != NULL && klynge_date_is_set (start) ? klynge_date_to_string (start)
                                                                     : g_strdup ("?");
  g_autofree char *to = end != NULL && klynge_date_is_set (end) ? klynge_date_to_string (end)
                                                               : g_strdup ("");

  return g_strconcat (from, "–", to, NULL);
}

/* "national-cluster for Energiteknologi, 2021-01-01–2024-12-31: " and what
 * it was designated by (the programme under an organisation, the
 * organisation under a programme) */
static void
print_designation (KlyngeLandscape         *landscape,
                   const KlyngeDesignation *designation,
                   gboolean                 of_organisation,
                   const char              *label)
{
  const char *area = klynge_designation_get_area (designation);
  g_autofree char *span = format_span (klynge_designation_get_start (designation),
                                       klynge_designation_get_end (designation));
  g_autofree char *other = describe_ref (landscape, of_organisation
                                                    ? klynge_designation_get_programme (designation)
                                                    : klynge_designation_get_organisation (designation));
  g_autofree char *text = g_strdup_printf ("%s: %s%s%s, %s", other,
                                           klynge_enum_to_nick (KLYNGE_TYPE_DESIGNATION_ROLE,
                                                                klynge_designation_get_role (designation)),
                                           area != NULL ? " for " : "", area != NULL ? area : "",
                                           span);

  field (label, text);
}


/* "Aalborg (secretariat); municipality 851 Aalborg, region DK05
 * Nordjylland": a location's region is its municipality's when it states
 * only that (klynge_location_get_effective_region()) */
static char *
add_place (const KlyngeLocation *location,
           const char           *text)
{
  const char *municipality = klynge_location_get_municipality (location);
  const char *region = klynge_location_get_effective_region (location);
  GString *placed = g_string_new (text);

  if (municipality != NULL)
    g_string_append_printf (placed, "; municipality %s %s", municipality,
                            klynge_municipality_get_name (municipality));
  if (region != NULL)
    g_string_append_printf (placed, "%sregion %s %s", municipality != NULL ? ", " : "; ",
                            region, klynge_region_get_name (region));
  return g_string_free (placed, FALSE);
}

/* "lei 5493001KJTIIGC8Y1R12, 2015-03-01–2020-06-30", one per line */
static void
identifier_list (GPtrArray *identifiers)
{
  for (guint i = 0; i < identifiers->len; i++)
    {
      const KlyngeIdentifier *identifier = g_ptr_array_index (identifiers, i);
      const KlyngeDate *since = klynge_identifier_get_since (identifier);
      const KlyngeDate *until = klynge_identifier_get_until (identifier);
      g_autofree char *span = klynge_date_is_set (since) || klynge_date_is_set (until)
                              ? format_span (since, until) : NULL;
      g_autofree char *text = g_strdup_printf ("%s %s%s%s",
                                               klynge_enum_to_nick (KLYNGE_TYPE_IDENTIFIER_SCHEME,
                                                                    klynge_identifier_get_scheme (identifier)),
                                               klynge_identifier_get_value (identifier),
                                               span != NULL ? ", " : "", span != NULL ? span : "");

      field (i == 0 ? "identifier" : "", text);
    }
}

static void
show_organisation (KlyngeLandscape    *landscape,
                   KlyngeOrganisation *organisation)
{
  const char *id = klynge_record_get_id (KLYNGE_RECORD (organisation));
  const char * const *focus_areas = klynge_organisation_get_focus_areas (organisation);
  GPtrArray *locations = klynge_organisation_get_locations (organisation);
  GPtrArray *labels = klynge_organisation_get_labels (organisation);
  g_autoptr(GPtrArray) memberships = klynge_landscape_list_memberships_of_organisation (landscape, id);
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(KlyngeDesignationFilter) of_this = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  KlyngeMemberList member_list = klynge_organisation_get_member_list (organisation);
  KlyngeDate today;

  field ("kind", klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_KIND, klynge_organisation_get_kind (organisation)));
  field ("name", klynge_organisation_get_name (organisation));
  field ("name (en)", klynge_organisation_get_name_en (organisation));
  date_field ("founded", klynge_organisation_get_founded (organisation));
  date_field ("dissolved", klynge_organisation_get_dissolved (organisation));
  date_field ("known until", klynge_organisation_get_known_until (organisation));
  field ("cvr", klynge_organisation_get_cvr (organisation));
  field ("website", klynge_organisation_get_website (organisation));
  identifier_list (klynge_organisation_get_identifiers (organisation));
  for (guint i = 0; i < locations->len; i++)
    {
      KlyngeLocation *location = g_ptr_array_index (locations, i);
      const char *address = klynge_location_get_address (location);
      const char *role = klynge_location_get_role (location);
      g_autofree char *text = g_strdup_printf ("%s%s%s%s%s%s", klynge_location_get_city (location),
                                               address ? ", " : "", address ? address : "",
                                               role ? " (" : "", role ? role : "", role ? ")" : "");
      g_autofree char *placed = add_place (location, text);

      field (i == 0 ? "location" : "", placed);
    }
  for (guint i = 0; focus_areas[i] != NULL; i++)
    field (i == 0 ? "focus area" : "", focus_areas[i]);
  for (guint i = 0; i < labels->len; i++)
    {
      KlyngeLabel *label = g_ptr_array_index (labels, i);
      g_autofree char *awarded = klynge_date_to_string (klynge_label_get_awarded (label));
      const KlyngeDate *until = klynge_label_get_valid_until (label);
      g_autofree char *until_text = until != NULL && klynge_date_is_set (until)
                                    ? klynge_date_to_string (until) : NULL;
      g_autofree char *text = g_strdup_printf ("%s, awarded %s%s%s",
                                               klynge_enum_to_nick (KLYNGE_TYPE_LABEL_LEVEL, klynge_label_get_level (label)),
                                               awarded, until_text ? ", valid until " : "",
                                               until_text ? until_text : "");
      field (i == 0 ? "label" : "", text);
    }
  klynge_designation_filter_set_organisation (of_this, id);
  designations = klynge_landscape_designations (landscape, of_this);
  for (guint i = 0; i < designations->len; i++)
    print_designation (landscape, g_ptr_array_index (designations, i), TRUE,
                       i == 0 ? "designated by" : "");
  klynge_date_init_today (&today);
  active = klynge_landscape_list_members_of (landscape, id, &today);
  field ("member list", klynge_enum_to_nick (KLYNGE_TYPE_MEMBER_LIST, member_list));
  {
    KlyngeCount members;
    g_autofree char *members_text = NULL;
    g_autofree char *text = NULL;

    /* the recorded memberships are a count of records, exact; the members
     * are exact only when the list is complete */
    klynge_count_init (&members, active != NULL ? active->len : 0,
                       member_list == KLYNGE_MEMBER_LIST_COMPLETE);
    members_text = klynge_count_format (&members);
    text = g_strdup_printf ("%u recorded (members active today: %s)",
                            memberships != NULL ? memberships->len : 0, members_text);
    field ("memberships", text);
  }
  for (guint i = 0; memberships != NULL && i < memberships->len && i < MAX_LISTED; i++)
    print_membership (landscape, g_ptr_array_index (memberships, i), FALSE, "");
  if (memberships != NULL && memberships->len > MAX_LISTED)
    {
      g_autofree char *text = g_strdup_printf ("… and %u more (klynge export --format csv --kind membership)",
                                               memberships->len - MAX_LISTED);
      field ("", text);
    }
}

static void
show_member (KlyngeLandscape *landscape,
             KlyngeMember    *member)
{
  const char *id = klynge_record_get_id (KLYNGE_RECORD (member));
  g_autoptr(GPtrArray) memberships = klynge_landscape_list_memberships_of_member (landscape, id);
  KlyngeMemberSize size = klynge_member_get_size (member);

  field ("kind", klynge_enum_to_nick (KLYNGE_TYPE_MEMBER_KIND, klynge_member_get_kind (member)));
  field ("name", klynge_member_get_name (member));
  field ("cvr", klynge_member_get_cvr (member));
  if (size != KLYNGE_MEMBER_SIZE_UNKNOWN)
    field ("size", klynge_enum_to_nick (KLYNGE_TYPE_MEMBER_SIZE, size));
  for (guint i = 0; memberships != NULL && i < memberships->len; i++)
    print_membership (landscape, g_ptr_array_index (memberships, i), TRUE, i == 0 ? "membership" : "");
}

static void
show_funding_source (KlyngeFundingSource *source)
{
  field ("kind", klynge_enum_to_nick (KLYNGE_TYPE_FUNDING_SOURCE_KIND, klynge_funding_source_get_kind (source)));
  field ("name", klynge_funding_source_get_name (source));
  field ("parent", klynge_funding_source_get_parent (source));
  identifier_list (klynge_funding_source_get_identifiers (source));
}

static char *
kroner (gint64 ore)
{
  g_autofree char *money = klynge_money_to_grouped_string (ore);

  return g_strconcat (money, " DKK", NULL);
}

static void
show_contract (KlyngeLandscape *landscape,
               KlyngeContract  *contract)
{
  g_autofree char *period = klynge_period_to_string (klynge_contract_get_period (contract));
  gboolean known = klynge_contract_has_amount (contract);
  g_autofree char *amount = known ? kroner (klynge_contract_get_amount (contract)) : g_strdup ("not known");
  GPtrArray *shares = klynge_contract_get_shares (contract);

  ref_field (landscape, "holder", klynge_contract_get_holder (contract));
  field ("period", period);
  {
    g_autofree char *days = g_strdup_printf ("%u", klynge_period_get_length_days (klynge_contract_get_period (contract)));
    field ("days", days);
  }
  field ("amount", amount);
  ref_field (landscape, "renews", klynge_contract_get_renews (contract));
  ref_field (landscape, "programme", klynge_contract_get_programme (contract));
  for (guint i = 0; i < shares->len; i++)
    {
      KlyngeShare *share = g_ptr_array_index (shares, i);
      g_autofree char *source = describe_ref (landscape, klynge_share_get_source (share));
      g_autofree char *percent = klynge_percent_to_string (klynge_share_get_basis_points (share), 2);
      g_autofree char *paid = known ? kroner (klynge_contract_share_amount (contract, klynge_share_get_source (share)))
                                    : g_strdup ("amount not known");
      g_autofree char *text = g_strdup_printf ("%s: %s %% = %s", source, percent, paid);

      field (i == 0 ? "share" : "", text);
    }
}

static void
show_programme (KlyngeLandscape *landscape,
                KlyngeProgramme *programme)
{
  const char *id = klynge_record_get_id (KLYNGE_RECORD (programme));
  const KlyngeDate *start = klynge_programme_get_start (programme);
  const KlyngeDate *end = klynge_programme_get_end (programme);
  GPtrArray *envelopes = klynge_programme_get_envelopes (programme);
  GPtrArray *designations = klynge_programme_get_designations (programme);
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GError) error = NULL;

  field ("kind", klynge_enum_to_nick (KLYNGE_TYPE_PROGRAMME_KIND, klynge_programme_get_kind (programme)));
  field ("name", klynge_programme_get_name (programme));
  if (klynge_date_is_set (start) || klynge_date_is_set (end))
    {
      g_autofree char *span = format_span (start, end);
      field ("period", span);
    }
  for (guint i = 0; i < envelopes->len; i++)
    {
      const KlyngeEnvelope *envelope = g_ptr_array_index (envelopes, i);
      g_autofree char *source = describe_ref (landscape, klynge_envelope_get_source (envelope));
      g_autofree char *period = klynge_period_to_string (klynge_envelope_get_period (envelope));
      g_autofree char *amount = kroner (klynge_envelope_get_amount (envelope));
      g_autofree char *text = g_strdup_printf ("%s: %s, %s", source, period, amount);

      field (i == 0 ? "envelope" : "", text);
    }
  for (guint i = 0; i < designations->len; i++)
    print_designation (landscape, g_ptr_array_index (designations, i), FALSE,
                       i == 0 ? "designation" : "");

  /* recorded against planned, per source and year: how much of the
   * programme's money the landscape holds */
  coverage = klynge_landscape_coverage (landscape, id, &error);
  if (coverage == NULL)
    {
      g_autofree char *text = g_strdup_printf ("not known (%s)", error->message);
      field ("coverage", text);
    }
  for (guint i = 0; coverage != NULL && i < coverage->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (coverage, i);
      g_autofree char *recorded = kroner (klynge_coverage_get_recorded (row));
      g_autofree char *planned = kroner (klynge_coverage_get_envelope (row));
      g_autofree char *ratio = klynge_coverage_format_ratio (row);
      g_autofree char *unknown = tool_unknown_grants_text (klynge_coverage_get_n_unknown_amounts (row));
      /* grants of unknown amount make the recorded money a lower bound */
      g_autofree char *text = g_strdup_printf ("%s %u: %s recorded of %s planned (%s%s)%s",
                                               klynge_coverage_get_source (row),
                                               klynge_coverage_get_year (row), recorded, planned,
                                               ratio != NULL && *unknown != '\0' ? "at least " : "",
                                               ratio != NULL ? ratio : "no envelope", unknown);

      field (i == 0 ? "coverage" : "", text);
    }
}

static void
show_merger (KlyngeLandscape *landscape,
             KlyngeMerger    *merger)
{
  field ("kind", klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger)));
  field ("status", klynge_enum_to_nick (KLYNGE_TYPE_MERGER_STATUS, klynge_merger_get_status (merger)));
  date_field ("effective", klynge_merger_get_effective (merger));
  ref_field (landscape, "successor", klynge_merger_get_successor (merger));
  ref_list (landscape, "predecessor", klynge_merger_get_predecessors (merger));
}

static void
show_initiative (KlyngeLandscape  *landscape,
                 KlyngeInitiative *initiative)
{
  const char * const *participants = klynge_initiative_get_participants (initiative);
  g_autofree char *count = NULL;
  KlyngeCount participants_count;
  guint n_members = 0;

  field ("title", klynge_initiative_get_title (initiative));
  field ("kind", klynge_enum_to_nick (KLYNGE_TYPE_INITIATIVE_KIND, klynge_initiative_get_kind (initiative)));
  field ("theme", klynge_enum_to_nick (KLYNGE_TYPE_INITIATIVE_THEME, klynge_initiative_get_theme (initiative)));
  ref_field (landscape, "host", klynge_initiative_get_host (initiative));
  date_field ("start", klynge_initiative_get_start (initiative));
  date_field ("end", klynge_initiative_get_end (initiative));
  ref_field (landscape, "replaces", klynge_initiative_get_replaces (initiative));
  /* "120" when a source states it, else "at least N" for the N listed */
  klynge_initiative_count_participants (initiative, &participants_count);
  count = klynge_count_format (&participants_count);
  field ("participants", count);
  /* the organisations, then the members (companies) that took part */
  for (guint i = 0, n = 0; participants[i] != NULL; i++)
    if (!klynge_initiative_participant_is_member (initiative, i))
      ref_field (landscape, n++ == 0 ? "participant" : "", participants[i]);
  for (guint i = 0; participants[i] != NULL; i++)
    if (klynge_initiative_participant_is_member (initiative, i))
      ref_field (landscape, n_members++ == 0 ? "member" : "", participants[i]);
}

/* The note, wrapped at 78 columns on spaces and indented; its own line
 * breaks are kept. */
static void
print_note (const char *note)
{
  g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

  g_print ("note\n");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
      glong column = 0;

      g_print ("  ");
      for (guint j = 0; words[j] != NULL; j++)
        {
          glong length = g_utf8_strlen (words[j], -1);

          if (column > 0 && column + 1 + length > 76)
            {
              g_print ("\n  ");
              column = 0;
            }
          else if (j > 0)
            {
              g_print (" ");
              column++;
            }
          g_print ("%s", words[j]);
          column += length;
        }
      g_print ("\n");
    }
}

/* SCHEME:VALUE of --identifier into its parts; a usage error otherwise.
 * The value is checked by the lookup, not here: a value no scheme would
 * accept is simply found nowhere. */
static gboolean
parse_identifier (const ToolCommand      *command,
                  const char             *text,
                  KlyngeIdentifierScheme *scheme,
                  const char            **value,
                  int                    *status)
{
  const char *colon = strchr (text, ':');
  g_autofree char *nick = colon != NULL ? g_strndup (text, colon - text) : NULL;
  int parsed;

  if (colon == NULL || colon[1] == '\0')
    {
      *status = tool_usage_error (command, "--identifier: “%s” is not SCHEME:VALUE, such as cvr:13748136",
                                  text);
      return FALSE;
    }
  if (!klynge_enum_from_nick (KLYNGE_TYPE_IDENTIFIER_SCHEME, nick, &parsed))
    {
      *status = tool_usage_error (command, "--identifier: “%s” is not a scheme; the schemes are "
                                  "cvr, p-number, lei, wikidata, eccp, org-id and other", nick);
      return FALSE;
    }
  *scheme = parsed;
  *value = colon + 1;
  return TRUE;
}

int
tool_show (Tool  *tool,
           int    argc,
           char **argv)
{
  const ToolCommand *command = tool_find_command ("show");
  g_autofree char *identifier = NULL;
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "identifier", 0, 0, G_OPTION_ARG_STRING, &identifier,
      "Show the record with this identifier, such as lei:5493001KJTIIGC8Y1R12", "SCHEME:VALUE" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, "With --identifier: valid on DATE", "DATE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GPtrArray) referrers = NULL;
  KlyngeIdentifierScheme scheme = KLYNGE_IDENTIFIER_SCHEME_OTHER;
  const char *value = NULL;
  KlyngeDate date = { 0, };
  KlyngeRecord *record;
  GPtrArray *sources;
  const char *note;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (identifier != NULL)
    {
      if (argc > 1)
        return tool_usage_error (command, "unexpected argument “%s”; give an id or --identifier, not both",
                                 argv[1]);
      if (!parse_identifier (command, identifier, &scheme, &value, &status))
        return status;
    }
  else if (on != NULL)
    return tool_usage_error (command, "--on applies only to --identifier");
  else if (argc < 2)
    return tool_usage_error (command, "which record? Give its id");
  else if (argc > 2)
    return tool_usage_error (command, "unexpected argument “%s”; give one id", argv[2]);
  if (on != NULL && !tool_parse_date (command, "--on", on, &date))
    return TOOL_EXIT_USAGE;

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;
  if (identifier != NULL)
    {
      record = klynge_landscape_lookup_identifier (landscape, scheme, value, on != NULL ? &date : NULL);
      if (record == NULL)
        {
          if (on != NULL)
            g_printerr ("klynge: no record has the identifier “%s” on %s\n", identifier, on);
          else
            g_printerr ("klynge: no record has the identifier “%s”\n", identifier);
          return TOOL_EXIT_DATA;
        }
    }
  else if ((record = klynge_landscape_lookup (landscape, argv[1])) == NULL)
    {
      g_printerr ("klynge: no record has the id “%s”\n", argv[1]);
      return TOOL_EXIT_DATA;
    }

  field ("id", klynge_record_get_id (record));
  field ("record", klynge_record_get_kind_name (record));
  if (KLYNGE_IS_ORGANISATION (record))
    show_organisation (landscape, KLYNGE_ORGANISATION (record));
  else if (KLYNGE_IS_MEMBER (record))
    show_member (landscape, KLYNGE_MEMBER (record));
  else if (KLYNGE_IS_FUNDING_SOURCE (record))
    show_funding_source (KLYNGE_FUNDING_SOURCE (record));
  else if (KLYNGE_IS_CONTRACT (record))
    show_contract (landscape, KLYNGE_CONTRACT (record));
  else if (KLYNGE_IS_PROGRAMME (record))
    show_programme (landscape, KLYNGE_PROGRAMME (record));
  else if (KLYNGE_IS_MERGER (record))
    show_merger (landscape, KLYNGE_MERGER (record));
  else if (KLYNGE_IS_INITIATIVE (record))
    show_initiative (landscape, KLYNGE_INITIATIVE (record));

  /* a member's referrers are its organisations, listed above */
  referrers = KLYNGE_IS_MEMBER (record) ? NULL
              : klynge_landscape_list_referrers (landscape, klynge_record_get_id (record));
  for (guint i = 0; referrers != NULL && i < referrers->len; i++)
    {
      KlyngeRecord *referrer = g_ptr_array_index (referrers, i);
      g_autofree char *text = g_strdup_printf ("%s %s", klynge_record_get_kind_name (referrer),
                                               klynge_record_get_id (referrer));
      field (i == 0 ? "referred to by" : "", text);
    }

  sources = klynge_record_get_sources (record);
  for (guint i = 0; i < sources->len; i++)
    {
      KlyngeSource *source = g_ptr_array_index (sources, i);
      const KlyngeDate *accessed = klynge_source_get_accessed (source);
      g_autofree char *when = accessed != NULL && klynge_date_is_set (accessed)
                              ? klynge_date_to_string (accessed) : NULL;
      g_autofree char *text = when != NULL
                              ? g_strdup_printf ("%s (accessed %s)", klynge_source_get_href (source), when)
                              : g_strdup (klynge_source_get_href (source));
      field (i == 0 ? "source" : "", text);
    }
  note = klynge_record_get_note (record);
  if (note != NULL)
    print_note (note);
  return TOOL_EXIT_OK;
}
