/* klynge-export.c: CSV exports of a landscape, and the DOT graph of its
 * lineage (the GraphML and GEXF graphs are in klynge-graph-export.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * CSV, GraphML and GEXF stream through one buffered emitter
 * (klynge-export-private.h) and read members and
 * memberships straight from the landscape's compact storage, so that a
 * landscape with millions of memberships is written without making an
 * object per row.
 */
#include "config.h"

#include <string.h>

#include "klynge-export-private.h"

/**
 * SECTION:klynge-export
 * @title: CSV exports
 * @short_description: a landscape as tables
 *
 * For analysts and their tools a landscape can be written as CSV tables
 * (and as a graph: see the GraphML and GEXF exports).
 *
 * ## CSV
 *
 * klynge_landscape_export_csv() writes one table per kind of row
 * (RFC 4180: UTF-8 without a byte-order mark, a header row, fields
 * separated by commas, rows ended by CRLF, fields holding a comma, a
 * double quote, a carriage return or a line feed enclosed in double
 * quotes with inner quotes doubled); klynge_landscape_export_tables()
 * writes every table into a directory with a Data Package descriptor,
 * `datapackage.json`, that gives each column's type and the keys. The
 * tables and their columns are listed in docs/format.md ("Tables");
 * column names are Python identifiers (`name_en`, `known_until`).
 *
 * An empty field is a value that is not stated. A date column `X` gives
 * the first day the date stands for, always `YYYY-MM-DD`, and the column
 * `X_precision` after it says how much of it is known: `year`, `month` or
 * `day` (founded `2014` is `2014-01-01,year`). Money is a whole number of
 * øre in `amount_ore` (8 000 000 kroner is `800000000`); percents are
 * written as the XML writes them (`50`, `50.00`, `87.5`). Enumerations
 * are the XML values, except that the value the XML leaves out (a
 * member's size `unknown`, a membership's end `none`) is an empty field;
 * an organisation's `member_list` is empty when the landscape does not
 * state it (which means `unknown`), as the XML leaves the attribute out,
 * so that tables read back give the same document.
 *
 * | kind | rows |
 * |---|---|
 * | `organisation` | cluster organisations, innovation networks and other bodies |
 * | `member` | companies and institutions that are members |
 * | `membership` | who is a member of which organisation, and when |
 * | `funding-source` | agencies and others that fund |
 * | `contract` | funding contracts |
 * | `share` | who funds which part of a contract |
 * | `programme` | funding and designation programmes |
 * | `envelope` | what a funding source sets aside for a programme |
 * | `designation` | organisations a programme designates |
 * | `merger` | mergers, transfers and renames |
 * | `initiative` | the support body's initiatives |
 * | `location` | where organisations are |
 * | `focus-area` | what organisations work on (scheme `other` for free text) |
 * | `label` | cluster excellence labels |
 * | `predecessor` | the predecessors of each merger |
 * | `participant` | who took part in each initiative (kind `organisation` or `member`) |
 * | `source` | the sources every record cites |
 * | `identifier` | identifiers in other registers |
 *
 * The plural columns (`cities`, `focus_areas`, `predecessors`,
 * `participants`, `sources`: the `href` of each citation) join the
 * values of repeated child elements, in document order, with
 * %KLYNGE_CSV_LIST_SEPARATOR. Within a value, a `|` is written as `\|`
 * and a backslash as `\\`, so `a|b` and `c` give `a\|b|c`. To split a
 * column, read it left to right: a backslash stands for the character
 * after it, and a `|` not so escaped ends a value. A value with neither
 * character is written as it is. The six tables from `location` to
 * `source` give the same values one per row, unescaped. `identifier`
 * gives the identifiers of funding sources and organisations in outside
 * registers (format version 2), one per row; an organisation's `cvr`
 * attribute stays in its own column.
 */

/* --- CSV ---------------------------------------------------------------- */

/* The tables' names, columns and their order are those of klynge-tables.c,
 * which also gives the header. Each writer below writes its values in
 * that order; the emitter counts the fields and checks each date and enum
 * against the column it goes in, so that a writer out of step with the
 * description fails loudly (and tests/test-export.c reads every table
 * back against it). */

static void
csv_field_len (Emitter    *emitter,
               const char *text,
               gsize       length)
{
  const char *run;
  const char *end;
  const char *p;

  if (emitter->fields > 0)
    _klynge_output_put (&emitter->out, ",", 1);
  emitter->fields++;
  if (text == NULL || length == 0)
    return;

  end = text + length;
  for (p = text; p < end; p++)
    if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
      break;
  if (p == end)
    {
      _klynge_output_put (&emitter->out, text, length);
      return;
    }

  _klynge_output_put (&emitter->out, "\"", 1);
  for (run = text, p = text; p < end; p++)
    if (*p == '"')
      {
        _klynge_output_put (&emitter->out, run, (gsize) (p - run) + 1);
        run = p;      /* the quote is written again: doubled */
      }
  _klynge_output_put (&emitter->out, run, (gsize) (end - run));
  _klynge_output_put (&emitter->out, "\"", 1);
}

static void
csv_field (Emitter    *emitter,
           const char *text)
{
  csv_field_len (emitter, text, text != NULL ? strlen (text) : 0);
}

/* The column the next field goes in. */
static inline const KlyngeColumn *
csv_next_column (Emitter *emitter)
{
  g_assert (emitter->fields < emitter->table->n_columns);
  return &emitter->table->columns[emitter->fields];
}

/* Two fields: the first day @date stands for, always YYYY-MM-DD, and its
 * precision; both empty for no date. */
static void
csv_date (Emitter          *emitter,
          const KlyngeDate *date)
{
  KlyngeDatePrecision precision;
  char buf[10];
  gsize length;

  g_assert (csv_next_column (emitter)->type == KLYNGE_COLUMN_DATE);
  length = _klynge_date_first_day (date, buf, &precision);
  csv_field_len (emitter, length > 0 ? buf : NULL, length);
  csv_field (emitter, precision != KLYNGE_DATE_PRECISION_NONE ? emitter->precisions[precision] : NULL);
}

/* The nick of @value; an empty field for the nick the column's empty
 * field stands for (a member's size `unknown`, a membership's end
 * `none`). */
static void
csv_enum (Emitter *emitter,
          GType    type,
          int      value)
{
  const KlyngeColumn *column = csv_next_column (emitter);
  CsvEnumMemo *memo = &emitter->memo[emitter->fields];

  if (!memo->valid || memo->value != value)
    {
      const char *nick = _klynge_enum_to_nick (type, value);

      g_assert (column->type == KLYNGE_COLUMN_ENUM && column->enum_type != NULL && column->enum_type () == type);
      if (column->absent != NULL && nick != NULL && strcmp (nick, column->absent) == 0)
        nick = NULL;
      memo->valid = TRUE;
      memo->value = value;
      memo->text = nick;
      memo->length = nick != NULL ? strlen (nick) : 0;
    }
  csv_field_len (emitter, memo->text, memo->length);
}

/* A whole number: an amount in øre, a count. */
static void
csv_integer (Emitter *emitter,
             gint64   value)
{
  char buf[24];

  csv_field_len (emitter, buf, (gsize) g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value));
}

/* Two fields: an amount in øre and the decimals it was written with,
 * empty for the usual two; both empty for an amount not known. */
static void
csv_amount (Emitter  *emitter,
            gboolean  known,
            gint64    ore,
            guint     decimals)
{
  g_assert (csv_next_column (emitter)->type == KLYNGE_COLUMN_ORE);
  if (known)
    csv_integer (emitter, ore);
  else
    csv_field (emitter, NULL);
  g_assert (csv_next_column (emitter)->type == KLYNGE_COLUMN_DECIMALS);
  if (known && decimals != 2)
    csv_integer (emitter, decimals);
  else
    csv_field (emitter, NULL);
}

static void
csv_row_end (Emitter *emitter)
{
  g_assert (emitter->fields == emitter->table->n_columns);
  _klynge_output_put (&emitter->out, "\r\n", 2);
  emitter->fields = 0;
}

static void
csv_header (Emitter           *emitter,
            const KlyngeTable *table)
{
  g_assert (table->n_columns <= CSV_MAX_COLUMNS);
  emitter->table = table;
  emitter->fields = 0;
  memset (emitter->memo, 0, sizeof emitter->memo);
  for (guint i = 0; i < table->n_columns; i++)
    csv_field (emitter, table->columns[i].name);
  csv_row_end (emitter);
}

/* Appends one value of a plural column to the scratch buffer. */
static void
csv_list_append (Emitter    *emitter,
                 guint       index,
                 const char *value)
{
  _klynge_table_list_append (emitter->scratch, index, value);
}

static void
csv_joined_strv (Emitter            *emitter,
                 const char * const *values)
{
  g_string_truncate (emitter->scratch, 0);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    csv_list_append (emitter, i, values[i]);
  csv_field_len (emitter, emitter->scratch->str, emitter->scratch->len);
}

static void
csv_sources (Emitter      *emitter,
             KlyngeRecord *record)
{
  GPtrArray *sources = record != NULL ? klynge_record_get_sources (record) : NULL;

  g_string_truncate (emitter->scratch, 0);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    csv_list_append (emitter, i, klynge_source_get_href (g_ptr_array_index (sources, i)));
  csv_field_len (emitter, emitter->scratch->str, emitter->scratch->len);
}

static void
csv_provenance (Emitter      *emitter,
                KlyngeRecord *record)
{
  csv_sources (emitter, record);
  csv_field (emitter, record != NULL ? klynge_record_get_note (record) : NULL);
}

static void
csv_funding_sources (Emitter         *emitter,
                     KlyngeLandscape *self)
{
  for (guint i = 0; i < self->funding_sources->len && emitter_ok (emitter); i++)
    {
      KlyngeFundingSource *source = g_ptr_array_index (self->funding_sources, i);

      csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (source)));
      csv_enum (emitter, KLYNGE_TYPE_FUNDING_SOURCE_KIND, klynge_funding_source_get_kind (source));
      csv_field (emitter, klynge_funding_source_get_name (source));
      csv_field (emitter, klynge_funding_source_get_parent (source));
      csv_provenance (emitter, KLYNGE_RECORD (source));
      csv_row_end (emitter);
    }
}

static void
csv_members (Emitter         *emitter,
             KlyngeLandscape *self)
{
  for (guint32 i = 0; i < _klynge_membership_store_n_member_slots (&self->store) && emitter_ok (emitter); i++)
    {
      KlyngeMember *object;
      char cvr_buf[9];

      if (!_klynge_membership_store_member_present (&self->store, i))
        continue;
      object = _klynge_landscape_peek_member_object (self, i);
      csv_field (emitter, _klynge_landscape_member_id (self, i));
      csv_field (emitter, _klynge_landscape_member_cvr (self, i, cvr_buf));
      csv_enum (emitter, KLYNGE_TYPE_MEMBER_KIND, _klynge_landscape_member_kind (self, i));
      csv_enum (emitter, KLYNGE_TYPE_MEMBER_SIZE, _klynge_landscape_member_size (self, i));
      csv_field (emitter, _klynge_landscape_member_name (self, i));
      csv_provenance (emitter, object != NULL ? KLYNGE_RECORD (object) : NULL);
      csv_row_end (emitter);
    }
}

static void
csv_organisations (Emitter         *emitter,
                   KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && emitter_ok (emitter); i++)
    {
      KlyngeOrganisation *organisation = entry_organisation (self, i);
      GPtrArray *locations = klynge_organisation_get_locations (organisation);

      csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (organisation)));
      csv_enum (emitter, KLYNGE_TYPE_ORGANISATION_KIND, klynge_organisation_get_kind (organisation));
      csv_date (emitter, klynge_organisation_get_founded (organisation));
      csv_date (emitter, klynge_organisation_get_dissolved (organisation));
      csv_date (emitter, klynge_organisation_get_known_until (organisation));
      csv_field (emitter, klynge_organisation_get_cvr (organisation));
      /* as the XML: stated, even as "unknown", or not at all (which
       * means unknown), so that the document comes back the same */
      if (klynge_organisation_is_member_list_stated (organisation))
        csv_enum (emitter, KLYNGE_TYPE_MEMBER_LIST, klynge_organisation_get_member_list (organisation));
      else
        csv_field (emitter, NULL);
      csv_field (emitter, klynge_organisation_get_name (organisation));
      csv_field (emitter, klynge_organisation_get_name_en (organisation));
      csv_field (emitter, klynge_organisation_get_website (organisation));
      g_string_truncate (emitter->scratch, 0);
      for (guint j = 0; j < locations->len; j++)
        csv_list_append (emitter, j, klynge_location_get_city (g_ptr_array_index (locations, j)));
      csv_field_len (emitter, emitter->scratch->str, emitter->scratch->len);
      csv_joined_strv (emitter, klynge_organisation_get_focus_areas (organisation));
      csv_provenance (emitter, KLYNGE_RECORD (organisation));
      csv_row_end (emitter);
    }
}

static void
csv_memberships (Emitter         *emitter,
                 KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && emitter->out.error == NULL; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (self->organisations, i);
      const char *organisation = klynge_record_get_id (KLYNGE_RECORD (entry->organisation));
      gsize organisation_len = strlen (organisation);

      guint n;
      const KlyngeMembershipSlot *slots = _klynge_membership_store_org_slots (entry, &n);

      for (guint j = 0; j < n && emitter_ok (emitter); j++)
        {
          const KlyngeMembershipSlot *slot = &slots[j];
          KlyngeDate since, until;

          /* each row reads its member's id, anywhere in memory: fetch it
           * a few rows ahead */
          if (j + KLYNGE_MEMBER_ID_PREFETCH_AHEAD < n)
            _klynge_membership_store_prefetch_member_id (&self->store, slots[j + KLYNGE_MEMBER_ID_PREFETCH_AHEAD].member);

          csv_field_len (emitter, organisation, organisation_len);
          csv_field (emitter, _klynge_landscape_member_id (self, slot->member));
          _klynge_membership_slot_get_dates (slot, &since, &until);
          csv_date (emitter, &since);
          csv_date (emitter, &until);
          csv_enum (emitter, KLYNGE_TYPE_MEMBERSHIP_ROLE, _klynge_membership_slot_get_role (slot));
          csv_enum (emitter, KLYNGE_TYPE_MEMBERSHIP_END, _klynge_membership_slot_get_end (slot));
          csv_row_end (emitter);
        }
    }
}

static void
csv_contracts (Emitter         *emitter,
               KlyngeLandscape *self)
{
  for (guint i = 0; i < self->contracts->len && emitter_ok (emitter); i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);
      const KlyngePeriod *period = klynge_contract_get_period (contract);

      csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (contract)));
      csv_field (emitter, klynge_contract_get_holder (contract));
      csv_date (emitter, &period->start);
      csv_date (emitter, &period->end);
      /* an unknown amount is an empty field, never 0 */
      csv_amount (emitter, klynge_contract_has_amount (contract), klynge_contract_get_amount (contract),
                  _klynge_contract_get_amount_decimals (contract));
      csv_field (emitter, klynge_contract_get_renews (contract));
      csv_field (emitter, klynge_contract_get_programme (contract));
      csv_provenance (emitter, KLYNGE_RECORD (contract));
      csv_row_end (emitter);
    }
}

static void
csv_shares (Emitter         *emitter,
            KlyngeLandscape *self)
{
  for (guint i = 0; i < self->contracts->len && emitter_ok (emitter); i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);
      GPtrArray *shares = klynge_contract_get_shares (contract);

      for (guint j = 0; j < shares->len; j++)
        {
          KlyngeShare *share = g_ptr_array_index (shares, j);
          /* with the decimals it was written with, as the XML writes it */
          g_autofree char *percent = klynge_percent_to_string (klynge_share_get_basis_points (share),
                                                               _klynge_share_get_decimals (share));

          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (contract)));
          csv_field (emitter, klynge_share_get_source (share));
          csv_field (emitter, percent);
          /* the library's split, so that a sum by source is the funding total */
          if (klynge_contract_has_amount (contract))
            csv_integer (emitter, klynge_contract_share_amount (contract, klynge_share_get_source (share)));
          else
            csv_field (emitter, NULL);
          csv_row_end (emitter);
        }
    }
}

static void
csv_programmes (Emitter         *emitter,
                KlyngeLandscape *self)
{
  for (guint i = 0; i < self->programmes->len && emitter_ok (emitter); i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (self->programmes, i);

      csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (programme)));
      csv_enum (emitter, KLYNGE_TYPE_PROGRAMME_KIND, klynge_programme_get_kind (programme));
      csv_date (emitter, klynge_programme_get_start (programme));
      csv_date (emitter, klynge_programme_get_end (programme));
      csv_field (emitter, klynge_programme_get_name (programme));
      csv_provenance (emitter, KLYNGE_RECORD (programme));
      csv_row_end (emitter);
    }
}

static void
csv_envelopes (Emitter         *emitter,
               KlyngeLandscape *self)
{
  for (guint i = 0; i < self->programmes->len && emitter_ok (emitter); i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (self->programmes, i);
      GPtrArray *envelopes = klynge_programme_get_envelopes (programme);

      for (guint j = 0; j < envelopes->len; j++)
        {
          const KlyngeEnvelope *envelope = g_ptr_array_index (envelopes, j);
          const KlyngePeriod *period = klynge_envelope_get_period (envelope);

          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (programme)));
          csv_field (emitter, klynge_envelope_get_source (envelope));
          csv_date (emitter, &period->start);
          csv_date (emitter, &period->end);
          csv_amount (emitter, TRUE, klynge_envelope_get_amount (envelope),
                      _klynge_envelope_get_amount_decimals (envelope));
          csv_row_end (emitter);
        }
    }
}

static void
csv_designations (Emitter         *emitter,
                  KlyngeLandscape *self)
{
  for (guint i = 0; i < self->programmes->len && emitter_ok (emitter); i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (self->programmes, i);
      GPtrArray *designations = klynge_programme_get_designations (programme);

      for (guint j = 0; j < designations->len; j++)
        {
          const KlyngeDesignation *designation = g_ptr_array_index (designations, j);

          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (programme)));
          csv_field (emitter, klynge_designation_get_organisation (designation));
          csv_enum (emitter, KLYNGE_TYPE_DESIGNATION_ROLE, klynge_designation_get_role (designation));
          csv_field (emitter, klynge_designation_get_area (designation));
          csv_field (emitter, klynge_designation_get_area_scheme (designation));
          csv_date (emitter, klynge_designation_get_start (designation));
          csv_date (emitter, klynge_designation_get_end (designation));
          csv_row_end (emitter);
        }
    }
}

static void
csv_mergers (Emitter         *emitter,
             KlyngeLandscape *self)
{
  for (guint i = 0; i < self->mergers->len && emitter_ok (emitter); i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);

      csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (merger)));
      csv_date (emitter, klynge_merger_get_effective (merger));
      csv_field (emitter, klynge_merger_get_successor (merger));
      csv_enum (emitter, KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger));
      csv_enum (emitter, KLYNGE_TYPE_MERGER_STATUS, klynge_merger_get_status (merger));
      csv_joined_strv (emitter, klynge_merger_get_predecessors (merger));
      csv_provenance (emitter, KLYNGE_RECORD (merger));
      csv_row_end (emitter);
    }
}

static void
csv_initiatives (Emitter         *emitter,
                 KlyngeLandscape *self)
{
  for (guint i = 0; i < self->initiatives->len && emitter_ok (emitter); i++)
    {
      KlyngeInitiative *initiative = g_ptr_array_index (self->initiatives, i);
      gint64 count = klynge_initiative_get_participants_count (initiative);

      csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (initiative)));
      csv_enum (emitter, KLYNGE_TYPE_INITIATIVE_KIND, klynge_initiative_get_kind (initiative));
      csv_enum (emitter, KLYNGE_TYPE_INITIATIVE_THEME, klynge_initiative_get_theme (initiative));
      csv_field (emitter, klynge_initiative_get_host (initiative));
      csv_date (emitter, klynge_initiative_get_start (initiative));
      csv_date (emitter, klynge_initiative_get_end (initiative));
      csv_field (emitter, klynge_initiative_get_replaces (initiative));
      csv_field (emitter, klynge_initiative_get_title (initiative));
      csv_joined_strv (emitter, klynge_initiative_get_participants (initiative));
      /* -1: none stated, an empty field */
      if (count >= 0)
        csv_integer (emitter, count);
      else
        csv_field (emitter, NULL);
      csv_provenance (emitter, KLYNGE_RECORD (initiative));
      csv_row_end (emitter);
    }
}

static void
csv_locations (Emitter         *emitter,
               KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && emitter_ok (emitter); i++)
    {
      KlyngeOrganisation *organisation = entry_organisation (self, i);
      GPtrArray *locations = klynge_organisation_get_locations (organisation);

      for (guint j = 0; j < locations->len; j++)
        {
          KlyngeLocation *location = g_ptr_array_index (locations, j);

          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (organisation)));
          csv_field (emitter, klynge_location_get_city (location));
          csv_field (emitter, klynge_location_get_address (location));
          csv_field (emitter, klynge_location_get_role (location));
          csv_field (emitter, klynge_location_get_region (location));
          csv_field (emitter, klynge_location_get_municipality (location));
          csv_row_end (emitter);
        }
    }
}

static void
csv_focus_areas (Emitter         *emitter,
                 KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && emitter_ok (emitter); i++)
    {
      KlyngeOrganisation *organisation = entry_organisation (self, i);
      const char * const *focus_areas = klynge_organisation_get_focus_areas (organisation);
      const char * const *schemes = klynge_organisation_get_focus_area_schemes (organisation);

      for (guint j = 0; focus_areas[j] != NULL; j++)
        {
          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (organisation)));
          csv_field (emitter, focus_areas[j]);
          csv_field (emitter, schemes[j]);
          csv_row_end (emitter);
        }
    }
}

static void
csv_labels (Emitter         *emitter,
            KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && emitter_ok (emitter); i++)
    {
      KlyngeOrganisation *organisation = entry_organisation (self, i);
      GPtrArray *labels = klynge_organisation_get_labels (organisation);

      for (guint j = 0; j < labels->len; j++)
        {
          KlyngeLabel *label = g_ptr_array_index (labels, j);

          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (organisation)));
          csv_enum (emitter, KLYNGE_TYPE_LABEL_LEVEL, klynge_label_get_level (label));
          csv_date (emitter, klynge_label_get_awarded (label));
          csv_date (emitter, klynge_label_get_valid_until (label));
          csv_row_end (emitter);
        }
    }
}

static void
csv_predecessors (Emitter         *emitter,
                  KlyngeLandscape *self)
{
  for (guint i = 0; i < self->mergers->len && emitter_ok (emitter); i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);

      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (merger)));
          csv_field (emitter, predecessors[j]);
          csv_row_end (emitter);
        }
    }
}

static void
csv_participants (Emitter         *emitter,
                  KlyngeLandscape *self)
{
  for (guint i = 0; i < self->initiatives->len && emitter_ok (emitter); i++)
    {
      KlyngeInitiative *initiative = g_ptr_array_index (self->initiatives, i);
      const char * const *participants = klynge_initiative_get_participants (initiative);

      for (guint j = 0; participants[j] != NULL; j++)
        {
          csv_field (emitter, klynge_record_get_id (KLYNGE_RECORD (initiative)));
          csv_field (emitter, participants[j]);
          csv_field (emitter, klynge_initiative_participant_is_member (initiative, j) ? "member" : "organisation");
          csv_row_end (emitter);
        }
    }
}

static void
csv_sources_of (Emitter      *emitter,
                KlyngeRecord *record,
                const char   *id)
{
  GPtrArray *sources = klynge_record_get_sources (record);

  for (guint j = 0; j < sources->len; j++)
    {
      KlyngeSource *source = g_ptr_array_index (sources, j);

      csv_field (emitter, id);
      csv_field (emitter, klynge_source_get_href (source));
      csv_date (emitter, klynge_source_get_accessed (source));
      csv_row_end (emitter);
    }
}

static void
csv_sources_of_array (Emitter   *emitter,
                      GPtrArray *records)
{
  for (guint i = 0; i < records->len && emitter_ok (emitter); i++)
    {
      KlyngeRecord *record = g_ptr_array_index (records, i);

      csv_sources_of (emitter, record, klynge_record_get_id (record));
    }
}

/* Every record's citations, records in document order. */
static void
csv_citations (Emitter         *emitter,
               KlyngeLandscape *self)
{
  csv_sources_of_array (emitter, self->funding_sources);
  for (guint32 i = 0; i < _klynge_membership_store_n_member_slots (&self->store) && emitter_ok (emitter); i++)
    {
      KlyngeMember *object;

      if (!_klynge_membership_store_member_present (&self->store, i))
        continue;
      /* only members with an object can carry citations */
      object = _klynge_landscape_peek_member_object (self, i);
      if (object != NULL)
        csv_sources_of (emitter, KLYNGE_RECORD (object), _klynge_landscape_member_id (self, i));
    }
  for (guint i = 0; i < self->organisations->len && emitter_ok (emitter); i++)
    {
      KlyngeRecord *record = KLYNGE_RECORD (entry_organisation (self, i));

      csv_sources_of (emitter, record, klynge_record_get_id (record));
    }
  csv_sources_of_array (emitter, self->contracts);
  csv_sources_of_array (emitter, self->programmes);
  csv_sources_of_array (emitter, self->mergers);
  csv_sources_of_array (emitter, self->initiatives);
}

static void
csv_identifiers_of (Emitter      *emitter,
                    KlyngeRecord *record)
{
  GPtrArray *identifiers = _klynge_record_get_identifiers (record);

  for (guint i = 0; i < identifiers->len && emitter_ok (emitter); i++)
    {
      const KlyngeIdentifier *identifier = g_ptr_array_index (identifiers, i);

      csv_field (emitter, klynge_record_get_id (record));
      csv_enum (emitter, KLYNGE_TYPE_IDENTIFIER_SCHEME, klynge_identifier_get_scheme (identifier));
      csv_field (emitter, klynge_identifier_get_value (identifier));
      csv_date (emitter, klynge_identifier_get_since (identifier));
      csv_date (emitter, klynge_identifier_get_until (identifier));
      csv_row_end (emitter);
    }
}

/* The identifiers of funding sources, then of organisations. */
static void
csv_identifiers (Emitter         *emitter,
                 KlyngeLandscape *self)
{
  for (guint i = 0; i < self->funding_sources->len && emitter_ok (emitter); i++)
    csv_identifiers_of (emitter, g_ptr_array_index (self->funding_sources, i));
  for (guint i = 0; i < self->organisations->len && emitter_ok (emitter); i++)
    csv_identifiers_of (emitter, KLYNGE_RECORD (entry_organisation (self, i)));
}

/* The writer of each table of klynge-tables.c, by its name. */
static const struct {
  const char *table;
  void (*write) (Emitter *emitter, KlyngeLandscape *self);
} csv_writers[] = {
  { "organisation", csv_organisations },
  { "member", csv_members },
  { "membership", csv_memberships },
  { "funding-source", csv_funding_sources },
  { "contract", csv_contracts },
  { "share", csv_shares },
  { "programme", csv_programmes },
  { "envelope", csv_envelopes },
  { "designation", csv_designations },
  { "merger", csv_mergers },
  { "initiative", csv_initiatives },
  { "location", csv_locations },
  { "focus-area", csv_focus_areas },
  { "label", csv_labels },
  { "predecessor", csv_predecessors },
  { "participant", csv_participants },
  { "source", csv_citations },
  { "identifier", csv_identifiers },
};

/* Writes @table, header and rows. */
static void
write_csv (Emitter           *emitter,
           KlyngeLandscape   *self,
           const KlyngeTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_writers); i++)
    if (strcmp (csv_writers[i].table, table->name) == 0)
      {
        csv_header (emitter, table);
        csv_writers[i].write (emitter, self);
        return;
      }
  g_assert_not_reached ();      /* a table of klynge-tables.c without a writer */
}

/**
 * klynge_landscape_export_csv_kinds:
 *
 * The kinds of table klynge_landscape_export_csv() writes, in a stable
 * order: `organisation`, `member`, `membership`, `funding-source`,
 * `contract`, `share`, `programme`, `envelope`, `designation`, `merger`,
 * `initiative`, then the tables that give
 * multi-valued fields one row per value: `location`, `focus-area`,
 * `label`, `predecessor`, `participant` and `source`; then `identifier`.
 * klynge_landscape_export_tables() writes them all, in this order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the kinds
 */
const char * const *
klynge_landscape_export_csv_kinds (void)
{
  static gsize made;
  static const char **kinds;

  if (g_once_init_enter (&made))
    {
      guint n;
      const KlyngeTable *tables = _klynge_tables (&n);

      kinds = g_new (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        kinds[i] = tables[i].name;
      kinds[n] = NULL;
      g_once_init_leave (&made, 1);
    }
  return kinds;
}

static const KlyngeTable *
find_table (const char  *kind,
            GError     **error)
{
  const KlyngeTable *table = _klynge_table_lookup (kind);
  g_autofree char *shown = NULL;
  g_autofree char *kinds = NULL;

  if (table != NULL)
    return table;
  /* the caller's bytes, which need not be UTF-8; a message is */
  shown = g_utf8_make_valid (kind, -1);
  kinds = g_strjoinv (", ", (char **) klynge_landscape_export_csv_kinds ());
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_ENUM,
               "“%s” is not a kind of CSV table (one of %s)", shown, kinds);
  return NULL;
}

/**
 * klynge_landscape_export_csv:
 * @self: a landscape
 * @kind: the kind of table, one of klynge_landscape_export_csv_kinds()
 * @stream: where to write the table
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes one table of the landscape as CSV (RFC 4180, UTF-8, a header
 * row; see the description of this section for the columns) to @stream,
 * which is left open. Rows follow the landscape's order. The output is
 * buffered and streamed, so even millions of memberships take memory only
 * for the buffer.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_BAD_ENUM for an unknown @kind (nothing is written),
 *   %KLYNGE_ERROR_IO when writing fails, or %G_IO_ERROR_CANCELLED; part
 *   of the table may have been written then
 */
gboolean
klynge_landscape_export_csv (KlyngeLandscape  *self,
                             const char       *kind,
                             GOutputStream    *stream,
                             GCancellable     *cancellable,
                             GError          **error)
{
  const KlyngeTable *table;
  Emitter emitter;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = find_table (kind, error);
  if (table == NULL)
    return FALSE;
  _klynge_output_init_stream (&emitter.out, stream, cancellable);
  emitter_init (&emitter);
  write_csv (&emitter, self, table);
  return emitter_finish (&emitter, error);
}

/**
 * klynge_landscape_export_csv_bytes:
 * @self: a landscape
 * @kind: the kind of table, one of klynge_landscape_export_csv_kinds()
 * @error: return location for a #GError
 *
 * Like klynge_landscape_export_csv(), in memory.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set
 *   to %KLYNGE_ERROR_BAD_ENUM for an unknown @kind
 */
GBytes *
klynge_landscape_export_csv_bytes (KlyngeLandscape  *self,
                                   const char       *kind,
                                   GError          **error)
{
  const KlyngeTable *table;
  GByteArray *array;
  Emitter emitter;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = find_table (kind, error);
  if (table == NULL)
    return NULL;
  array = g_byte_array_new ();
  _klynge_output_init_bytes (&emitter.out, array);
  emitter_init (&emitter);
  write_csv (&emitter, self, table);
  if (!emitter_finish (&emitter, error))
    {
      g_byte_array_unref (array);
      return NULL;
    }
  return g_byte_array_free_to_bytes (array);
}

/* --- all tables and their Data Package descriptor ------------------------ */

/**
 * klynge_export_datapackage_bytes:
 *
 * The Data Package 2.0 descriptor (`datapackage.json`) that
 * klynge_landscape_export_tables() writes beside the tables: a resource
 * per table of klynge_landscape_export_csv_kinds(), each with its Table
 * Schema (every column's type, description and constraints, the primary
 * key, the foreign keys to the tables that references name, the empty
 * field as the missing value). It describes the tables, not their rows,
 * so it takes no landscape: the same bytes every time.
 *
 * Returns: (transfer full): the descriptor, UTF-8 JSON
 */
GBytes *
klynge_export_datapackage_bytes (void)
{
  return g_string_free_to_bytes (_klynge_tables_datapackage ());
}

/* Writes @table, or the descriptor for %NULL, as the file @name of @set. */
static gboolean
write_table_file (KlyngeLandscape    *self,
                  const KlyngeTable  *table,
                  KlyngeFileSet      *set,
                  const char         *name,
                  GCancellable       *cancellable,
                  GError            **error)
{
  KlyngeFileOutput *file;
  Emitter emitter;

  file = _klynge_file_set_open (set, name, &emitter.out, error);
  if (file == NULL)
    return FALSE;
  emitter.out.cancellable = cancellable;
  emitter_init (&emitter);
  if (table != NULL)
    write_csv (&emitter, self, table);
  else
    {
      g_autoptr(GString) descriptor = _klynge_tables_datapackage ();

      _klynge_output_put (&emitter.out, descriptor->str, descriptor->len);
    }
  if (emitter.out.error == NULL && cancellable != NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &emitter.out.error);
  g_string_free (emitter.scratch, TRUE);
  return _klynge_file_set_commit_file (set, file, &emitter.out, error);
}

/**
 * klynge_landscape_export_tables:
 * @self: a landscape
 * @directory: (type filename): the directory to write the tables into,
 *   created (with its parents) when missing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every table of klynge_landscape_export_csv_kinds() into
 * @directory as `<kind>.csv` (as klynge_landscape_export_csv() writes
 * it), and `datapackage.json`, the Data Package descriptor of
 * klynge_export_datapackage_bytes(). Other files in @directory
 * are left alone; files of these names are replaced.
 *
 * The files are written, each flushed to disk, into a hidden directory
 * inside @directory (`.klynge-tables-XXXXXX`), and only when all of them
 * are complete are they renamed into place, one by one. A failure while
 * writing (a full disk, a bad value, cancelling) removes that directory
 * and leaves @directory as it was (removed again when this call made it;
 * parents it made stay). A rename cannot fail for want of space, but if
 * one fails all the same, or the process dies between two renames, each
 * file in @directory is still whole, some of this export and some of the
 * one before: compare `datapackage.json` and the tables' headers, or
 * export again. What a process killed while it wrote leaves behind is
 * removed by the next export into @directory.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_IO naming the file or directory that could not be
 *   written, or %G_IO_ERROR_CANCELLED
 */
gboolean
klynge_landscape_export_tables (KlyngeLandscape  *self,
                                const char       *directory,
                                GCancellable     *cancellable,
                                GError          **error)
{
  const char * const *kinds;
  KlyngeFileSet *set;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  set = _klynge_file_set_begin (directory, error);
  if (set == NULL)
    return FALSE;
  kinds = klynge_landscape_export_csv_kinds ();
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".csv", NULL);

      if (!write_table_file (self, _klynge_table_lookup (kinds[i]), set, name, cancellable, error))
        {
          _klynge_file_set_abort (set);
          return FALSE;
        }
    }
  if (!write_table_file (self, NULL, set, "datapackage.json", cancellable, error))
    {
      _klynge_file_set_abort (set);
      return FALSE;
    }
  return _klynge_file_set_commit (set, error);
}

/**
 * klynge_landscape_export_csv_file:
 * @self: a landscape
 * @kind: the kind of table, one of klynge_landscape_export_csv_kinds()
 * @path: (type filename): the file to write
 * @error: return location for a #GError
 *
 * Like klynge_landscape_export_csv(), to the file @path, all or nothing
 * as klynge_landscape_save_file() saves: through a temporary file beside
 * it, flushed to disk and renamed over @path. On any failure the
 * temporary is removed and @path is as it was, or still absent; symbolic
 * links, permissions, refused targets (anything but a regular file) and
 * the removal of temporaries that killed writes left are as there.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_BAD_ENUM for an unknown @kind (nothing is written) or
 *   %KLYNGE_ERROR_IO naming @path
 */
gboolean
klynge_landscape_export_csv_file (KlyngeLandscape  *self,
                                  const char       *kind,
                                  const char       *path,
                                  GError          **error)
{
  const KlyngeTable *table;
  KlyngeFileOutput *file;
  Emitter emitter;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = find_table (kind, error);
  if (table == NULL)
    return FALSE;
  file = _klynge_file_output_open (path, &emitter.out, error);
  if (file == NULL)
    return FALSE;
  emitter_init (&emitter);
  write_csv (&emitter, self, table);
  return emitter_finish_file (&emitter, file, error);
}

/* --- DOT ---------------------------------------------------------------- */

/* The lineage of a consolidation as a Graphviz digraph; its function is
 * declared with the rest of the consolidation API (klynge-consolidation.h).
 * A lineage has a handful of nodes, so it is built in a GString rather
 * than streamed. */

static void
append_dot_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A min-heap of merger indices, for collect_dot_component(). */
static void
heap_push (GArray *heap,
           guint   value)
{
  guint at = heap->len;

  g_array_append_val (heap, value);
  while (at > 0 && g_array_index (heap, guint, (at - 1) / 2) > value)
    {
      g_array_index (heap, guint, at) = g_array_index (heap, guint, (at - 1) / 2);
      at = (at - 1) / 2;
    }
  g_array_index (heap, guint, at) = value;
}

static guint
heap_pop (GArray *heap)
{
  guint top = g_array_index (heap, guint, 0);
  guint last = g_array_index (heap, guint, heap->len - 1);
  guint at = 0, n = heap->len - 1;

  for (;;)
    {
      guint child = 2 * at + 1;

      if (child >= n)
        break;
      if (child + 1 < n && g_array_index (heap, guint, child + 1) < g_array_index (heap, guint, child))
        child++;
      if (g_array_index (heap, guint, child) >= last)
        break;
      g_array_index (heap, guint, at) = g_array_index (heap, guint, child);
      at = child;
    }
  g_array_index (heap, guint, at) = last;
  g_array_set_size (heap, n);
  return top;
}

static gint
compare_index (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Adds @node to @nodes; when it is new, queues every completed merger
 * that names it (from @incident) for this pass (@current) if it comes
 * after @after in landscape order, and for the next pass otherwise. */
static void
reach_dot_node (GHashTable *nodes,
                GHashTable *incident,
                const char *node,
                guint       after,
                GArray     *current,
                GArray     *next)
{
  GArray *list;

  if (node == NULL || !g_hash_table_add (nodes, (gpointer) node))
    return;
  list = g_hash_table_lookup (incident, node);
  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      guint index = g_array_index (list, guint, k);

      if (index > after)
        heap_push (current, index);
      else
        g_array_append_val (next, index);
    }
}

/* The completed mergers connected to @id (all of them for %NULL), into
 * @mergers, and the organisations they name, into @nodes.
 *
 * The order of @mergers is part of the output and has stayed that of the
 * first implementation: passes over the mergers in landscape order, each
 * taking every merger that names an organisation reached so far, until a
 * pass takes none. Taking a merger inside a pass lets later mergers of
 * the same pass see its organisations; earlier ones wait for the next
 * pass. Passes over all mergers were quadratic on long chains, so this
 * walks the same order with a queue per pass: a heap of merger indices
 * for the pass under way, a list for the next one, each merger reached
 * through the organisations it names (an index from names to mergers). */
static void
collect_dot_component (KlyngeLandscape *self,
                       const char      *id,
                       GHashTable      *nodes,
                       GPtrArray       *mergers)
{
  g_autoptr(GHashTable) incident = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) next = NULL;
  g_autofree gboolean *taken = NULL;

  if (id == NULL)
    {
      for (guint i = 0; i < self->mergers->len; i++)
        {
          KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);
          const char * const *predecessors = klynge_merger_get_predecessors (merger);

          if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED)
            continue;
          g_ptr_array_add (mergers, merger);
          if (klynge_merger_get_successor (merger) != NULL)
            g_hash_table_add (nodes, (gpointer) klynge_merger_get_successor (merger));
          for (guint j = 0; predecessors[j] != NULL; j++)
            g_hash_table_add (nodes, (gpointer) predecessors[j]);
        }
      return;
    }

  incident = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      const char *successor = klynge_merger_get_successor (merger);

      if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED)
        continue;
      for (gint j = -1; j < 0 || predecessors[j] != NULL; j++)
        {
          const char *name = j < 0 ? successor : predecessors[j];
          GArray *list;

          if (name == NULL)
            continue;
          list = g_hash_table_lookup (incident, name);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (incident, (gpointer) name, list);
            }
          /* a merger that names an organisation twice is listed once */
          if (list->len == 0 || g_array_index (list, guint, list->len - 1) != i)
            g_array_append_val (list, i);
        }
    }

  taken = g_new0 (gboolean, self->mergers->len);
  current = g_array_new (FALSE, FALSE, sizeof (guint));
  next = g_array_new (FALSE, FALSE, sizeof (guint));
  /* @id is reached before the first pass begins */
  reach_dot_node (nodes, incident, id, G_MAXUINT, current, next);
  while (next->len > 0)
    {
      GArray *swap = current;

      current = next;
      next = swap;
      g_array_set_size (next, 0);
      /* what earlier passes left for this one: sorted, it is a heap */
      g_array_sort (current, compare_index);
      while (current->len > 0)
        {
          guint index = heap_pop (current);
          KlyngeMerger *merger = g_ptr_array_index (self->mergers, index);
          const char * const *predecessors = klynge_merger_get_predecessors (merger);

          if (taken[index])
            continue;
          taken[index] = TRUE;
          g_ptr_array_add (mergers, merger);
          reach_dot_node (nodes, incident, klynge_merger_get_successor (merger), index, current, next);
          for (guint j = 0; predecessors[j] != NULL; j++)
            reach_dot_node (nodes, incident, predecessors[j], index, current, next);
        }
    }
}

/**
 * klynge_landscape_lineage_to_dot:
 * @self: a landscape
 * @id: (nullable): an organisation's id, or %NULL for every organisation
 *   that takes part in a completed merger
 *
 * The consolidation @id was part of, as a Graphviz DOT digraph (render it
 * with `dot -Tsvg`): every organisation connected to @id through completed
 * mergers, in either direction and over any number of steps (so the other
 * predecessors of its successor are there too), as a node labelled with
 * its name and its founding and dissolution dates (`?` where unknown),
 * and for every predecessor of each such merger an edge to the successor,
 * labelled with the effective date and carrying the merger's id as its
 * tooltip. Mergers of every kind are followed; the edge of an absorption
 * is dashed, that of a transfer dotted with the label `transfer` after
 * the date, that of a rename bold with the label `rename`. Time runs from left to right; @id's node is drawn bold. Nodes
 * are in landscape order; edges come merger by merger, predecessors in
 * the merger's order, and the mergers in the order they are reached from
 * @id (in landscape order for %NULL): in landscape order, those naming an
 * organisation reached so far, then again for the ones that follow from
 * those. The output is stable, and the time linear in the mergers.
 *
 * Returns: (transfer full) (nullable): the DOT text; %NULL when @id is not
 *   an organisation of @self
 */
char *
klynge_landscape_lineage_to_dot (KlyngeLandscape *self,
                                 const char      *id)
{
  g_autoptr(GHashTable) nodes = NULL;
  g_autoptr(GPtrArray) mergers = NULL;
  GString *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  if (id != NULL && _klynge_landscape_get_org_entry (self, id) == NULL)
    return NULL;

  nodes = g_hash_table_new (g_str_hash, g_str_equal);
  mergers = g_ptr_array_new ();
  collect_dot_component (self, id, nodes, mergers);

  out = g_string_new ("digraph lineage {\n"
                      "  rankdir=LR;\n"
                      "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=10];\n");
  for (guint i = 0; i < self->organisations->len; i++)
    {
      KlyngeOrganisation *organisation = entry_organisation (self, i);
      const char *oid = klynge_record_get_id (KLYNGE_RECORD (organisation));
      g_autofree char *founded = NULL, *dissolved = NULL, *label = NULL;

      if (!g_hash_table_contains (nodes, oid))
        continue;
      founded = _klynge_date_text (klynge_organisation_get_founded (organisation), "?");
      dissolved = klynge_date_is_set (klynge_organisation_get_dissolved (organisation))
        ? klynge_date_to_string (klynge_organisation_get_dissolved (organisation))
        : g_strdup ("");
      label = g_strdup_printf ("%s\n%s –%s%s", klynge_organisation_get_name (organisation),
                               founded, *dissolved != '\0' ? " " : "", dissolved);
      g_string_append (out, "  ");
      append_dot_string (out, oid);
      g_string_append (out, " [label=");
      append_dot_string (out, label);
      if (g_strcmp0 (oid, id) == 0)
        g_string_append (out, ", style=\"rounded,bold\", penwidth=2");
      g_string_append (out, "];\n");
    }
  for (guint i = 0; i < mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      KlyngeMergerKind kind = klynge_merger_get_kind (merger);
      g_autofree char *effective = klynge_date_to_string (klynge_merger_get_effective (merger));
      g_autofree char *label = NULL;
      const char *style = "";

      /* a merger's edge has always been the date alone */
      if (kind == KLYNGE_MERGER_KIND_TRANSFER || kind == KLYNGE_MERGER_KIND_RENAME)
        label = g_strdup_printf ("%s %s", effective, _klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, kind));
      else
        label = g_strdup (effective);
      if (kind == KLYNGE_MERGER_KIND_ABSORPTION)
        style = ", style=dashed";
      else if (kind == KLYNGE_MERGER_KIND_TRANSFER)
        style = ", style=dotted";
      else if (kind == KLYNGE_MERGER_KIND_RENAME)
        style = ", style=bold";

      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          g_string_append (out, "  ");
          append_dot_string (out, predecessors[j]);
          g_string_append (out, " -> ");
          append_dot_string (out, klynge_merger_get_successor (merger));
          g_string_append (out, " [label=");
          append_dot_string (out, label);
          g_string_append (out, ", tooltip=");
          append_dot_string (out, klynge_record_get_id (KLYNGE_RECORD (merger)));
          g_string_append (out, style);
          g_string_append (out, "];\n");
        }
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}
