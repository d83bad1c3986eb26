/* klynge-xml-writer.c: the canonical writer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Output is canonical (docs/format.md): UTF-8, fixed attribute order,
 * two-space indent, records in landscape order, values as they were read
 * (dates keep their precision, amounts their decimals). A hand-written
 * buffered emitter keeps it fast on millions of memberships. Saving to a
 * file goes through klynge-file-output.c, which writes a temporary file
 * beside it, fsyncs and renames it, so the old file stays whole whatever
 * happens.
 */
#include "config.h"

#include <string.h>

#include "klynge-file-output-private.h"
#include "klynge-reloadable-private.h"
#include "klynge-xml-private.h"


typedef struct {
  KlyngeOutput out;
  const char *kind_nicks[8];  /* member kinds, by value, as met */
  const char *size_nicks[8];  /* member sizes */
} Writer;

/* The bytes put_escaped() must look at: C0 controls (refused, or escaped
 * in places), the characters it escapes, and every byte outside ASCII
 * (checked as UTF-8). Text without any of them is written as it is. */
static const guchar text_marks[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Escapes @text for an attribute value (in_attribute) or element text.
 * Tab, newline and carriage return are escaped in attributes so they
 * survive attribute-value normalisation; carriage return also in text. */
static void
put_escaped (Writer     *writer,
             const char *text,
             gboolean    in_attribute)
{
  const char *p;

  /* the usual case, plain ASCII: one pass, one copy */
  for (p = text; !text_marks[(guchar) *p]; p++)
    ;
  if (*p == '\0')
    {
      _klynge_output_put (&writer->out, text, (gsize) (p - text));
      return;
    }

  if (G_UNLIKELY (!klynge_text_is_valid (text, -1)))
    {
      if (writer->out.error == NULL)
        g_set_error (&writer->out.error, KLYNGE_ERROR, KLYNGE_ERROR_ENCODING,
                     "a value is not UTF-8 text that XML can carry; nothing was saved");
      return;
    }
  _klynge_output_put_escaped (&writer->out, text, in_attribute);
}

static void
put_attribute (Writer     *writer,
               const char *name,
               const char *value)
{
  if (value == NULL)
    return;
  _klynge_output_put (&writer->out, " ", 1);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, "=\"", 2);
  put_escaped (writer, value, TRUE);
  _klynge_output_put (&writer->out, "\"", 1);
}

/* Names and enum nicks need no escaping. */
static void
put_attribute_raw (Writer     *writer,
                   const char *name,
                   const char *value,
                   gsize       length)
{
  _klynge_output_put (&writer->out, " ", 1);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, "=\"", 2);
  _klynge_output_put (&writer->out, value, length);
  _klynge_output_put (&writer->out, "\"", 1);
}

static void
put_enum (Writer     *writer,
          const char *name,
          GType       type,
          int         value)
{
  const char *nick = _klynge_enum_to_nick (type, value);

  put_attribute_raw (writer, name, nick, strlen (nick));
}

static void
put_date (Writer           *writer,
          const char       *name,
          const KlyngeDate *date)
{
  char buf[10];
  gsize length = _klynge_date_format (date, buf);

  if (length > 0)
    put_attribute_raw (writer, name, buf, length);
}

static void
put_text_element (Writer     *writer,
                  const char *indent,
                  const char *name,
                  const char *text)
{
  if (text == NULL)
    return;
  _klynge_output_put_str (&writer->out, indent);
  _klynge_output_put (&writer->out, "<", 1);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, ">", 1);
  put_escaped (writer, text, FALSE);
  _klynge_output_put (&writer->out, "</", 2);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, ">\n", 2);
}

static void
put_provenance (Writer       *writer,
                KlyngeRecord *record)
{
  GPtrArray *sources = klynge_record_get_sources (record);

  for (guint i = 0; i < sources->len; i++)
    {
      KlyngeSource *source = g_ptr_array_index (sources, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <source");
      put_attribute (writer, "href", klynge_source_get_href (source));
      put_date (writer, "accessed", klynge_source_get_accessed (source));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_text_element (writer, "      ", "note", klynge_record_get_note (record));
}

static void
put_record_start (Writer       *writer,
                  KlyngeRecord *record)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    <");
  _klynge_output_put_str (&writer->out, klynge_record_get_kind_name (record));
  put_attribute (writer, "id", klynge_record_get_id (record));
}

static void
put_record_end (Writer       *writer,
                KlyngeRecord *record)
{
  put_provenance (writer, record);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    </");
  _klynge_output_put_str (&writer->out, klynge_record_get_kind_name (record));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
}

/* The <identifier> elements of an organisation or funding source. */
static void
put_identifiers (Writer       *writer,
                 KlyngeRecord *record)
{
  GPtrArray *identifiers = _klynge_record_get_identifiers (record);

  for (guint i = 0; i < identifiers->len; i++)
    {
      KlyngeIdentifier *identifier = g_ptr_array_index (identifiers, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <identifier");
      put_enum (writer, "scheme", KLYNGE_TYPE_IDENTIFIER_SCHEME, klynge_identifier_get_scheme (identifier));
      put_attribute (writer, "value", klynge_identifier_get_value (identifier));
      put_date (writer, "since", klynge_identifier_get_since (identifier));
      put_date (writer, "until", klynge_identifier_get_until (identifier));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
}

static void
write_funding_source (Writer   *writer,
                     gpointer  record)
{
  KlyngeFundingSource *source = record;
  put_record_start (writer, KLYNGE_RECORD (source));
  put_enum (writer, "kind", KLYNGE_TYPE_FUNDING_SOURCE_KIND, klynge_funding_source_get_kind (source));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", klynge_funding_source_get_name (source));
  put_text_element (writer, "      ", "parent", klynge_funding_source_get_parent (source));
  put_identifiers (writer, KLYNGE_RECORD (source));
  put_record_end (writer, KLYNGE_RECORD (source));
}

/* The nick of a member's kind or size, looked up once per save. */
static const char *
member_nick (const char **cache,
             guint        n_cache,
             GType        type,
             int          value)
{
  if (value < 0 || (guint) value >= n_cache)
    return _klynge_enum_to_nick (type, value);
  if (cache[value] == NULL)
    cache[value] = _klynge_enum_to_nick (type, value);
  return cache[value];
}

static void
write_member (Writer          *writer,
              KlyngeLandscape *landscape,
              guint32          index)
{
  const KlyngeMemberSlot *slot = _klynge_membership_store_member_slot (&landscape->store, index);
  /* a member has an object only once the API has handed it out */
  KlyngeMember *object = _klynge_landscape_peek_member_object (landscape, index);
  KlyngeMemberSize size;
  KlyngeMemberKind kind;
  const char *name, *cvr, *nick;
  char cvr_buf[9];

  if (object != NULL)
    {
      size = _klynge_landscape_member_size (landscape, index);
      kind = _klynge_landscape_member_kind (landscape, index);
      name = _klynge_landscape_member_name (landscape, index);
      cvr = _klynge_landscape_member_cvr (landscape, index, cvr_buf);
    }
  else
    {
      /* what those give for a member without an object */
      size = slot->size;
      kind = slot->kind;
      name = slot->name;
      cvr = NULL;
      if (slot->cvr != 0)
        {
          /* "%08u" */
          guint32 v = slot->cvr;

          for (int i = 7; i >= 0; i--, v /= 10)
            cvr_buf[i] = (char) ('0' + v % 10);
          cvr_buf[8] = '\0';
          cvr = cvr_buf;
        }
    }

  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    <member id=\"");
  put_escaped (writer, _klynge_landscape_member_id (landscape, index), TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "\"");
  if (cvr != NULL)
    put_attribute_raw (writer, "cvr", cvr, strlen (cvr));
  nick = member_nick (writer->kind_nicks, G_N_ELEMENTS (writer->kind_nicks), KLYNGE_TYPE_MEMBER_KIND, kind);
  put_attribute_raw (writer, "kind", nick, strlen (nick));
  if (size != KLYNGE_MEMBER_SIZE_UNKNOWN)
    {
      nick = member_nick (writer->size_nicks, G_N_ELEMENTS (writer->size_nicks), KLYNGE_TYPE_MEMBER_SIZE, size);
      put_attribute_raw (writer, "size", nick, strlen (nick));
    }
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", name);
  if (object != NULL)
    put_provenance (writer, KLYNGE_RECORD (object));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    </member>\n");
}

/* Free text is written without a scheme, as version 1 has it. */
static const char *
stated_scheme (const char *scheme)
{
  return g_strcmp0 (scheme, KLYNGE_AREA_SCHEME_OTHER) != 0 ? scheme : NULL;
}

static void
put_focus_area (Writer     *writer,
                const char *focus_area,
                const char *scheme)
{
  if (stated_scheme (scheme) == NULL)
    {
      put_text_element (writer, "      ", "focus-area", focus_area);
      return;
    }
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <focus-area");
  put_attribute (writer, "scheme", scheme);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">");
  put_escaped (writer, focus_area, FALSE);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "</focus-area>\n");
}

static void
write_organisation (Writer          *writer,
                    KlyngeLandscape *landscape,
                    KlyngeOrgEntry  *entry)
{
  KlyngeOrganisation *organisation = entry->organisation;
  const char * const *focus_areas = klynge_organisation_get_focus_areas (organisation);
  const char * const *focus_area_schemes = klynge_organisation_get_focus_area_schemes (organisation);
  GPtrArray *locations = klynge_organisation_get_locations (organisation);
  GPtrArray *labels = klynge_organisation_get_labels (organisation);
  const KlyngeMembershipSlot *slots;
  guint n_slots;

  put_record_start (writer, KLYNGE_RECORD (organisation));
  put_enum (writer, "kind", KLYNGE_TYPE_ORGANISATION_KIND, klynge_organisation_get_kind (organisation));
  put_date (writer, "founded", klynge_organisation_get_founded (organisation));
  put_date (writer, "dissolved", klynge_organisation_get_dissolved (organisation));
  put_attribute (writer, "cvr", klynge_organisation_get_cvr (organisation));
  /* only when stated: a document that never states it keeps its bytes */
  if (klynge_organisation_is_member_list_stated (organisation))
    put_enum (writer, "member-list", KLYNGE_TYPE_MEMBER_LIST,
              klynge_organisation_get_member_list (organisation));
  put_date (writer, "known-until", klynge_organisation_get_known_until (organisation));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", klynge_organisation_get_name (organisation));
  put_text_element (writer, "      ", "name-en", klynge_organisation_get_name_en (organisation));
  put_text_element (writer, "      ", "website", klynge_organisation_get_website (organisation));
  put_identifiers (writer, KLYNGE_RECORD (organisation));
  for (guint i = 0; i < locations->len; i++)
    {
      KlyngeLocation *location = g_ptr_array_index (locations, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <location");
      put_attribute (writer, "city", klynge_location_get_city (location));
      put_attribute (writer, "address", klynge_location_get_address (location));
      put_attribute (writer, "role", klynge_location_get_role (location));
      put_attribute (writer, "region", klynge_location_get_region (location));
      put_attribute (writer, "municipality", klynge_location_get_municipality (location));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  for (guint i = 0; focus_areas[i] != NULL; i++)
    put_focus_area (writer, focus_areas[i], focus_area_schemes[i]);
  for (guint i = 0; i < labels->len; i++)
    {
      KlyngeLabel *label = g_ptr_array_index (labels, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <label");
      put_enum (writer, "level", KLYNGE_TYPE_LABEL_LEVEL, klynge_label_get_level (label));
      put_date (writer, "awarded", klynge_label_get_awarded (label));
      put_date (writer, "valid-until", klynge_label_get_valid_until (label));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  slots = _klynge_membership_store_org_slots (entry, &n_slots);
  for (guint i = 0; i < n_slots; i++)
    {
      const KlyngeMembershipSlot *slot = &slots[i];
      KlyngeDate since, until;

      /* each membership reads its member's id, anywhere in memory: fetch
       * it a few memberships ahead */
      if (i + KLYNGE_MEMBER_ID_PREFETCH_AHEAD < n_slots)
        _klynge_membership_store_prefetch_member_id (&landscape->store, slots[i + KLYNGE_MEMBER_ID_PREFETCH_AHEAD].member);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <membership member=\"");
      put_escaped (writer, _klynge_landscape_member_id (landscape, slot->member), TRUE);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "\"");
      _klynge_membership_slot_get_dates (slot, &since, &until);
      put_date (writer, "since", &since);
      put_date (writer, "until", &until);
      /* version 2; the defaults are never written */
      if (_klynge_membership_slot_get_role (slot) != KLYNGE_MEMBERSHIP_ROLE_MEMBER)
        put_enum (writer, "role", KLYNGE_TYPE_MEMBERSHIP_ROLE, _klynge_membership_slot_get_role (slot));
      if (_klynge_membership_slot_get_end (slot) != KLYNGE_MEMBERSHIP_END_NONE)
        put_enum (writer, "end", KLYNGE_TYPE_MEMBERSHIP_END, _klynge_membership_slot_get_end (slot));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_record_end (writer, KLYNGE_RECORD (organisation));
}

static void
write_contract (Writer   *writer,
               gpointer  record)
{
  KlyngeContract *contract = record;
  const KlyngePeriod *period = klynge_contract_get_period (contract);
  GPtrArray *shares = klynge_contract_get_shares (contract);
  /* an unknown amount is left out (version 2) */
  g_autofree char *amount = klynge_contract_has_amount (contract)
                            ? klynge_money_to_string (klynge_contract_get_amount (contract),
                                                      _klynge_contract_get_amount_decimals (contract))
                            : NULL;

  put_record_start (writer, KLYNGE_RECORD (contract));
  put_attribute (writer, "holder", klynge_contract_get_holder (contract));
  put_date (writer, "start", &period->start);
  put_date (writer, "end", &period->end);
  if (amount != NULL)
    put_attribute_raw (writer, "amount", amount, strlen (amount));
  put_attribute (writer, "renews", klynge_contract_get_renews (contract));
  put_attribute (writer, "programme", klynge_contract_get_programme (contract));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  for (guint i = 0; i < shares->len; i++)
    {
      KlyngeShare *share = g_ptr_array_index (shares, i);
      g_autofree char *percent = klynge_percent_to_string (klynge_share_get_basis_points (share),
                                                           _klynge_share_get_decimals (share));

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <share");
      put_attribute (writer, "source", klynge_share_get_source (share));
      put_attribute_raw (writer, "percent", percent, strlen (percent));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_record_end (writer, KLYNGE_RECORD (contract));
}

static void
write_programme (Writer   *writer,
                 gpointer  record)
{
  KlyngeProgramme *programme = record;
  GPtrArray *envelopes = klynge_programme_get_envelopes (programme);
  GPtrArray *designations = klynge_programme_get_designations (programme);

  put_record_start (writer, KLYNGE_RECORD (programme));
  put_enum (writer, "kind", KLYNGE_TYPE_PROGRAMME_KIND, klynge_programme_get_kind (programme));
  put_date (writer, "start", klynge_programme_get_start (programme));
  put_date (writer, "end", klynge_programme_get_end (programme));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", klynge_programme_get_name (programme));
  for (guint i = 0; i < envelopes->len; i++)
    {
      KlyngeEnvelope *envelope = g_ptr_array_index (envelopes, i);
      const KlyngePeriod *period = klynge_envelope_get_period (envelope);
      g_autofree char *amount = klynge_money_to_string (klynge_envelope_get_amount (envelope),
                                                        _klynge_envelope_get_amount_decimals (envelope));

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <envelope");
      put_attribute (writer, "source", klynge_envelope_get_source (envelope));
      put_date (writer, "start", &period->start);
      put_date (writer, "end", &period->end);
      put_attribute_raw (writer, "amount", amount, strlen (amount));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <designation");
      put_attribute (writer, "organisation", klynge_designation_get_organisation (designation));
      put_enum (writer, "role", KLYNGE_TYPE_DESIGNATION_ROLE, klynge_designation_get_role (designation));
      put_attribute (writer, "area", klynge_designation_get_area (designation));
      put_attribute (writer, "area-scheme", stated_scheme (klynge_designation_get_area_scheme (designation)));
      put_date (writer, "start", klynge_designation_get_start (designation));
      put_date (writer, "end", klynge_designation_get_end (designation));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_record_end (writer, KLYNGE_RECORD (programme));
}

static void
write_refs (Writer             *writer,
            const char         *element,
            const char * const *refs)
{
  for (guint i = 0; refs[i] != NULL; i++)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <");
      _klynge_output_put_str (&writer->out, element);
      put_attribute (writer, "ref", refs[i]);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
}

static void
write_merger (Writer   *writer,
             gpointer  record)
{
  KlyngeMerger *merger = record;
  put_record_start (writer, KLYNGE_RECORD (merger));
  put_date (writer, "effective", klynge_merger_get_effective (merger));
  put_attribute (writer, "successor", klynge_merger_get_successor (merger));
  put_enum (writer, "kind", KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger));
  put_enum (writer, "status", KLYNGE_TYPE_MERGER_STATUS, klynge_merger_get_status (merger));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  write_refs (writer, "predecessor", klynge_merger_get_predecessors (merger));
  put_record_end (writer, KLYNGE_RECORD (merger));
}

static void
write_initiative (Writer   *writer,
                 gpointer  record)
{
  KlyngeInitiative *initiative = record;
  put_record_start (writer, KLYNGE_RECORD (initiative));
  put_enum (writer, "kind", KLYNGE_TYPE_INITIATIVE_KIND, klynge_initiative_get_kind (initiative));
  put_enum (writer, "theme", KLYNGE_TYPE_INITIATIVE_THEME, klynge_initiative_get_theme (initiative));
  put_attribute (writer, "host", klynge_initiative_get_host (initiative));
  put_date (writer, "start", klynge_initiative_get_start (initiative));
  put_date (writer, "end", klynge_initiative_get_end (initiative));
  put_attribute (writer, "replaces", klynge_initiative_get_replaces (initiative));
  if (klynge_initiative_get_participants_count (initiative) >= 0)
    {
      char count[24];
      gsize length = (gsize) g_snprintf (count, sizeof count, "%" G_GINT64_FORMAT,
                                         klynge_initiative_get_participants_count (initiative));

      put_attribute_raw (writer, "participants-count", count, length);
    }
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "title", klynge_initiative_get_title (initiative));
  write_refs (writer, "participant", klynge_initiative_get_participants (initiative));
  put_record_end (writer, KLYNGE_RECORD (initiative));
}

static void
write_section (Writer          *writer,
               const char      *section,
               GPtrArray       *records,
               void           (*write_one) (Writer *, gpointer))
{
  if (records->len == 0)
    return;
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  <");
  _klynge_output_put_str (&writer->out, section);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  for (guint i = 0; i < records->len && writer->out.error == NULL; i++)
    write_one (writer, g_ptr_array_index (records, i));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  </");
  _klynge_output_put_str (&writer->out, section);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
}

static void
raise_version (gpointer record,
               gpointer user_data)
{
  guint *version = user_data;

  *version = MAX (*version, _klynge_record_get_format_version (record));
}

/* The oldest version of the format that holds everything in @self, so
 * that a landscape using nothing newer is written as version 1 byte for
 * byte. Memberships are not records: the store says whether one has a
 * role or end reason, which need version 2. */
static guint
format_version (KlyngeLandscape *self)
{
  guint version = 1;

  _klynge_landscape_foreach_record (self, raise_version, &version);
  if (_klynge_membership_store_needs_version_2 (&self->store, self->organisations))
    version = MAX (version, 2);
  return version;
}

static void
write_landscape (Writer          *writer,
                 KlyngeLandscape *self)
{
  char version[16];
  gsize length;

  /* nothing is written that the loader would refuse */
  if (!_klynge_landscape_check_loadable (self, &writer->out.error))
    return;
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "<landscape xmlns=\"" KLYNGE_XML_NAMESPACE "\"");
  length = (gsize) g_snprintf (version, sizeof version, "%u", format_version (self));
  put_attribute_raw (writer, "version", version, length);
  if (klynge_landscape_count (self, KLYNGE_TYPE_RECORD) == 0)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
      return;
    }
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");

  write_section (writer, "funding-sources", self->funding_sources, write_funding_source);
  if (_klynge_membership_store_count_members (&self->store) > 0)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  <members>\n");
      for (guint32 i = 0; i < _klynge_membership_store_n_member_slots (&self->store)
                          && writer->out.error == NULL; i++)
        if (_klynge_membership_store_member_present (&self->store, i))
          write_member (writer, self, i);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  </members>\n");
    }
  if (self->organisations->len > 0)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  <organisations>\n");
      for (guint i = 0; i < self->organisations->len && writer->out.error == NULL; i++)
        write_organisation (writer, self, g_ptr_array_index (self->organisations, i));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  </organisations>\n");
    }
  write_section (writer, "contracts", self->contracts, write_contract);
  write_section (writer, "programmes", self->programmes, write_programme);
  write_section (writer, "mergers", self->mergers, write_merger);
  write_section (writer, "initiatives", self->initiatives, write_initiative);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "</landscape>\n");
}

/* --- bytes and streams -------------------------------------------------- */

/**
 * klynge_landscape_save_bytes:
 * @self: a landscape
 * @error: return location for a #GError
 *
 * Writes the landscape as a canonical document in memory. A landscape
 * whose records were edited after they were added so that the loader
 * would refuse them (a contract's shares cleared, a holder that names no
 * record) is not written: the save fails with the code the loader would
 * give, naming the record; klynge_landscape_validate() lists them all.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
GBytes *
klynge_landscape_save_bytes (KlyngeLandscape  *self,
                             GError          **error)
{
  GByteArray *array;
  Writer writer = { { 0, }, };

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  array = g_byte_array_new ();
  _klynge_output_init_bytes (&writer.out, array);
  write_landscape (&writer, self);
  if (!_klynge_output_finish (&writer.out, error))
    {
      g_byte_array_unref (array);
      return NULL;
    }
  return g_byte_array_free_to_bytes (array);
}

/**
 * klynge_landscape_save_stream:
 * @self: a landscape
 * @stream: where to write the document
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the landscape as a canonical document to @stream, which is left
 * open. On failure part of the document may have been written; use
 * klynge_landscape_save_file() for an all-or-nothing save. A landscape
 * that would not load again is refused before anything is written, as
 * klynge_landscape_save_bytes() says.
 *
 * Returns: %TRUE on success
 */
gboolean
klynge_landscape_save_stream (KlyngeLandscape  *self,
                              GOutputStream    *stream,
                              GCancellable     *cancellable,
                              GError          **error)
{
  Writer writer = { { 0, }, };

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _klynge_output_init_stream (&writer.out, stream, cancellable);
  write_landscape (&writer, self);
  return _klynge_output_finish (&writer.out, error);
}

/**
 * klynge_landscape_save_file:
 * @self: a landscape
 * @path: (type filename): where to save
 * @error: return location for a #GError
 *
 * Saves the landscape as a canonical document. The document is written to
 * a temporary file in the same directory, flushed to disk and renamed over
 * @path, so @path is at every moment either the old file or the whole new
 * one. An existing file keeps its permissions. A symbolic link is
 * followed: the file it names is replaced and the link kept. A @path that
 * names anything but a regular file (a device such as `/dev/null`, a FIFO,
 * a directory) is refused with %KLYNGE_ERROR_IO and left as it is; write
 * to such a target with klynge_landscape_save_stream(). A document of more than
 * 32 MiB is written with direct I/O where the platform and the file
 * system allow it, from a second thread: saving gigabytes then neither
 * waits for the page cache to drain nor pushes other files out of it.
 * Elsewhere it goes through the page cache; the file is the same. Failures are
 * %KLYNGE_ERROR_IO (or %KLYNGE_ERROR_ENCODING for a value XML cannot
 * carry), naming the file. A landscape that would not load again is
 * refused, and @path left as it is, as klynge_landscape_save_bytes() says.
 *
 * The temporary file is named `.NAME.XXXXXX` after the target's NAME (cut
 * so that the name fits: a NAME of up to the file system's limit, 255
 * bytes, saves). On any failure it is removed, and @path is as it was, or
 * still absent when it was new. A process killed while saving cannot
 * remove it; the next save of the same target (by this function or by an
 * export to a file, such as klynge_landscape_export_csv_file()) removes
 * such leftovers of its own naming, but never one that a save still
 * running in another thread or process is writing: a save holds a
 * flock() lock on its temporary file while it exists.
 *
 * Returns: %TRUE on success
 */
gboolean
klynge_landscape_save_file (KlyngeLandscape  *self,
                            const char       *path,
                            GError          **error)
{
  KlyngeFileOutput *file;
  Writer writer = { { 0, }, };

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = _klynge_file_output_open (path, &writer.out, error);
  if (file == NULL)
    return FALSE;
  write_landscape (&writer, self);
  return _klynge_file_output_commit (file, &writer.out, error);
}
