/* klynge-diff.c: what changed between two landscapes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The diff compares the landscapes as the tables of `klynge export --all`
 * (lib/klynge-tables.c): a row is added, removed, or has fields that
 * changed, and a field is a column of its table. Most tables are small
 * and are compared as rows of text built from the records. Members and
 * memberships are the bulk of a large landscape, so they are compared in
 * the store's own form: each member's slot in the other landscape is found
 * once, and each organisation's memberships, already sorted by (member,
 * since), are walked side by side; rows of text are built only for what
 * differs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-landscape-private.h"
#include "klynge-tables-private.h"

/**
 * KlyngeDiff:
 *
 * What changed between two landscapes. klynge_landscape_diff() compares an older landscape with a newer one
 * and lists every difference as a #KlyngeChange, in a stable order. It
 * compares the landscapes as the tables that `klynge export --all` writes
 * (one table per kind of row: `organisation`, `member`, `membership`,
 * `funding-source`, `contract`, `share`, `programme`, `envelope`,
 * `designation`, `merger`, `initiative`, `location`, `focus-area`,
 * `label`, `predecessor`, `participant`, `source`, `identifier`), so that
 * the field of a change is a column of its table (`name_en`,
 * `known_until`, `amount_ore`).
 *
 * ## Rows and their identity
 *
 * A row of the older landscape and a row of the newer one are the same
 * row when their key columns agree; the first key column names the
 * record the row belongs to (klynge_change_get_record()), the others
 * (klynge_change_get_key()) tell the rows of one record apart:
 *
 * | table | key columns |
 * |---|---|
 * | `organisation`, `member`, `funding-source`, `contract`, `programme`, `merger`, `initiative` | id |
 * | `membership` | organisation, member, since |
 * | `share` | contract, source |
 * | `envelope` | programme, source, start |
 * | `designation` | programme, organisation, role, start |
 * | `location` | organisation, city |
 * | `focus-area` | organisation, focus_area |
 * | `label` | organisation, level, awarded |
 * | `predecessor` | merger, ref |
 * | `participant` | initiative, ref |
 * | `source` | record, href |
 * | `identifier` | record, scheme, value |
 *
 * A row whose key is in only one landscape is added or removed
 * (%KLYNGE_CHANGE_ADDED, %KLYNGE_CHANGE_REMOVED: one change for the row,
 * without a field). So a membership whose `since` changed is removed and
 * added, while one whose `until`, `role` or `end` changed is the same
 * membership, changed. When a record has several rows with the same key
 * (two locations in one city), the first of them in one landscape is
 * the same row as the first in the other, and so on. A record that is
 * added or removed takes its rows in the other tables with it: the
 * memberships of a removed organisation are removed memberships. A
 * record whose id names another kind of record in the other landscape is
 * removed and added.
 *
 * Each field of a row present in both that has another value is one
 * change (%KLYNGE_CHANGE_CHANGED) naming its column. The key columns are
 * not compared (they are the same), nor are the list columns (`cities`,
 * `focus_areas`, `predecessors`, `participants`, `sources`), whose values
 * the tables `location`, `focus-area`, `predecessor`, `participant` and
 * `source` hold in full and are compared there. The order of the rows of
 * a record, and how a value is spelled in the XML (`8000000` or
 * `8000000.00`), are not compared.
 *
 * ## Values
 *
 * Values are text, as the table columns hold them: an empty field (a
 * value that is not stated) is %NULL. Dates are written as in the XML,
 * in their own precision (`2014`, `2014-05`, `2014-05-09`), so one field
 * says what a table's date column and its `_precision` column say
 * together; money (`amount_ore`) is a whole number of øre; percents have
 * two decimals (`50.00`), and a member list not stated reads `unknown`,
 * so that a diff shows what changed in meaning, not in spelling (the
 * tables keep both spellings, for a byte-identical round trip);
 * enumerations are their nicks, where the column's default (a member's
 * size `unknown`, a membership's end `none`) is an empty field as in the
 * tables. The key (klynge_change_get_key()) joins
 * the values of the key columns after the first in the same way, as the
 * list columns of the tables join theirs: separated by
 * %KLYNGE_CSV_LIST_SEPARATOR, with `|` and `\` in a value escaped by a
 * `\` (a membership of member `m-5` since May 2010 has the key
 * `m-5|2010-05`; an empty value is an empty string between separators).
 *
 * ## Order
 *
 * Changes come table by table in the order above (that of `klynge export
 * --all`). Within a table, rows come record by record: first the records
 * of the newer landscape in its order, then the records only the older
 * one has, in its order (for `source`, records of each kind in turn:
 * funding sources, members, organisations, contracts, programmes,
 * mergers, initiatives; for `identifier`, funding sources, then
 * organisations). Within a record, its rows in the newer landscape come
 * in their order, added or changed, and then its removed rows in the
 * older landscape's order; memberships come in the order the
 * organisation keeps them, by member (in the order the newer landscape
 * lists its members, members only the older one lists after them) and
 * then by since. The changed fields of a row follow its table's columns.
 */

/* --- KlyngeChange ------------------------------------------------------- */

struct _KlyngeChange
{
  gatomicrefcount ref_count;
  KlyngeChangeKind kind;
  const char *table;       /* static: the tables' description */
  const char *field;       /* static; NULL for a whole row */
  char *record;
  char *key;
  char *old_value;
  char *new_value;
};

G_DEFINE_BOXED_TYPE (KlyngeChange, klynge_change, klynge_change_ref, klynge_change_unref)

G_DEFINE_ENUM_TYPE (KlyngeChangeKind, klynge_change_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_CHANGE_ADDED, "added"),
  G_DEFINE_ENUM_VALUE (KLYNGE_CHANGE_REMOVED, "removed"),
  G_DEFINE_ENUM_VALUE (KLYNGE_CHANGE_CHANGED, "changed"))

/**
 * klynge_change_ref:
 * @change: a change
 *
 * Returns: (transfer full): @change
 */
KlyngeChange *
klynge_change_ref (KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  g_atomic_ref_count_inc (&change->ref_count);
  return change;
}

/**
 * klynge_change_unref:
 * @change: (transfer full): a change
 *
 * Drops a reference; the last one frees @change.
 */
void
klynge_change_unref (KlyngeChange *change)
{
  g_return_if_fail (change != NULL);
  if (!g_atomic_ref_count_dec (&change->ref_count))
    return;
  g_free (change->record);
  g_free (change->key);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/**
 * klynge_change_get_kind:
 * @change: a change
 *
 * Returns: whether the row was added or removed, or a field of it changed
 */
KlyngeChangeKind
klynge_change_get_kind (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, KLYNGE_CHANGE_CHANGED);
  return change->kind;
}

/**
 * klynge_change_get_table:
 * @change: a change
 *
 * Returns: the table of the row, such as `organisation` or `membership`
 *   (a kind of klynge_landscape_export_csv_kinds())
 */
const char *
klynge_change_get_table (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->table;
}

/**
 * klynge_change_get_record:
 * @change: a change
 *
 * The value of the row's first key column (see the description of
 * #KlyngeDiff): the id of the record the row is, or belongs to (the
 * organisation of a membership, location or label, the contract of a
 * share, the record a source or identifier is of).
 *
 * Returns: the record's id
 */
const char *
klynge_change_get_record (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->record;
}

/**
 * klynge_change_get_key:
 * @change: a change
 *
 * What tells the row apart from the other rows of its record: the values
 * of the table's other key columns, joined as the list columns of the
 * tables are (`m-5|2010-05` for the membership of member `m-5` since May
 * 2010; see the description of #KlyngeDiff).
 *
 * Returns: (nullable): the key, or %NULL for a table whose rows are
 *   records (`organisation`, `member`, ...)
 */
const char *
klynge_change_get_key (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->key;
}

/**
 * klynge_change_get_field:
 * @change: a change
 *
 * Returns: (nullable): the column whose value changed, such as `name_en`;
 *   %NULL when the whole row was added or removed
 */
const char *
klynge_change_get_field (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->field;
}

/**
 * klynge_change_get_old_value:
 * @change: a change
 *
 * Returns: (nullable): the field's value in the older landscape, as text
 *   (see the description of #KlyngeDiff); %NULL when it was empty, and
 *   for a row added or removed
 */
const char *
klynge_change_get_old_value (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->old_value;
}

/**
 * klynge_change_get_new_value:
 * @change: a change
 *
 * Returns: (nullable): the field's value in the newer landscape, as text;
 *   %NULL when it is empty, and for a row added or removed
 */
const char *
klynge_change_get_new_value (const KlyngeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->new_value;
}

/* --- KlyngeDiff --------------------------------------------------------- */

/* A change as the diff keeps it: a diff of millions of rows keeps its text
 * in one string chunk, and the changes of one row share their record and
 * key. */
typedef struct {
  guint8 kind;             /* KlyngeChangeKind */
  guint8 table;            /* index in _klynge_tables () */
  guint8 first;            /* the first change of its row */
  gint8 field;             /* column index; -1 for the whole row */
  const char *record;
  const char *key;         /* NULL for none */
  const char *old_value;
  const char *new_value;
} Entry;

struct _KlyngeDiff
{
  GObject parent_instance;

  GArray *entries;         /* Entry */
  GStringChunk *strings;
};

G_DEFINE_FINAL_TYPE (KlyngeDiff, klynge_diff, G_TYPE_OBJECT)

static void
klynge_diff_finalize (GObject *object)
{
  KlyngeDiff *self = KLYNGE_DIFF (object);

  g_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (klynge_diff_parent_class)->finalize (object);
}

static void
klynge_diff_class_init (KlyngeDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_diff_finalize;
}

static void
klynge_diff_init (KlyngeDiff *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->strings = g_string_chunk_new (4096);
}

/* --- rows of text ------------------------------------------------------- */

#define MAX_COLUMNS 24
#define NO_MEMBER G_MAXUINT32

/* One row of a table: a value (NULL for an empty field) per column. */
typedef struct {
  char *values[MAX_COLUMNS];
  char *key;               /* the key columns after the first, joined */
  guint position;          /* among its record's rows */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (row->values[i]);
  g_free (row->key);
}

static int
column_of (const KlyngeTable *table,
           const char        *name)
{
  int i = _klynge_table_column_index (table, name);

  /* a column this file names must be in the tables' description */
  g_assert (i >= 0);
  return i;
}

/* An empty text is a value that is not stated, as in the tables. */
static void
put_text (const KlyngeTable *table,
          Row               *row,
          const char        *column,
          const char        *value)
{
  int i = column_of (table, column);

  g_free (row->values[i]);
  row->values[i] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
put_date (const KlyngeTable *table,
          Row               *row,
          const char        *column,
          const KlyngeDate  *date)
{
  char buf[11];
  gsize length = date != NULL ? _klynge_date_format (date, buf) : 0;

  buf[length] = '\0';
  put_text (table, row, column, buf);
}

/* The nick, or nothing for the column's default (a member's size
 * "unknown"), which the tables leave empty. */
static void
put_enum (const KlyngeTable *table,
          Row               *row,
          const char        *column,
          int                value)
{
  const KlyngeColumn *c = &table->columns[column_of (table, column)];
  const char *nick;

  g_assert (c->type == KLYNGE_COLUMN_ENUM && c->enum_type != NULL);
  nick = _klynge_enum_to_nick (c->enum_type (), value);
  if (nick != NULL && c->absent != NULL && strcmp (nick, c->absent) == 0)
    nick = NULL;
  put_text (table, row, column, nick);
}

static void
put_int (const KlyngeTable *table,
         Row               *row,
         const char        *column,
         gint64             value)
{
  char buf[24];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  put_text (table, row, column, buf);
}

static void
put_note (const KlyngeTable *table,
          Row               *row,
          KlyngeRecord      *record)
{
  put_text (table, row, "note", record != NULL ? klynge_record_get_note (record) : NULL);
}

/* A row's key is its key columns' values joined as a list column is
 * (_klynge_table_list_append()), so that it splits back exactly. */
static void
list_append (GString    *out,
             guint       index,
             const char *value)
{
  _klynge_table_list_append (out, index, value);
}

static char **
list_split (const char *text)
{
  char **values = _klynge_table_list_split (text);

  g_assert (values != NULL);    /* list_append() wrote it */
  return values;
}

/* --- the tables --------------------------------------------------------- */

typedef struct _Diff Diff;

/* Appends the rows of @record (of @landscape) in @table to @rows. */
typedef void (*RowsFunc) (const KlyngeTable *table,
                          KlyngeLandscape   *landscape,
                          KlyngeRecord      *record,
                          GArray            *rows);

/* Which records own the rows of a table, in landscape order. */
typedef enum {
  OWNERS_FUNDING_SOURCES,
  OWNERS_MEMBERS,
  OWNERS_ORGANISATIONS,
  OWNERS_CONTRACTS,
  OWNERS_PROGRAMMES,
  OWNERS_MERGERS,
  OWNERS_INITIATIVES,
  OWNERS_NONE = -1,
} Owners;

typedef struct {
  const char *name;
  const char * const *key;     /* the key columns, the first naming the record;
                                * NULL: the table's primary key (klynge-tables.c) */
  RowsFunc rows;               /* NULL for members and memberships */
  Owners owners[8];            /* ended by OWNERS_NONE */
} DiffTable;

static Row *
new_row (GArray *rows)
{
  Row *row;

  g_array_set_size (rows, rows->len + 1);
  row = &g_array_index (rows, Row, rows->len - 1);
  memset (row, 0, sizeof *row);
  row->position = rows->len - 1;
  return row;
}

static void
organisation_rows (const KlyngeTable *t,
                   KlyngeLandscape   *landscape,
                   KlyngeRecord      *record,
                   GArray            *rows)
{
  KlyngeOrganisation *organisation = KLYNGE_ORGANISATION (record);
  Row *row = new_row (rows);

  put_text (t, row, "id", klynge_record_get_id (record));
  put_enum (t, row, "kind", klynge_organisation_get_kind (organisation));
  put_date (t, row, "founded", klynge_organisation_get_founded (organisation));
  put_date (t, row, "dissolved", klynge_organisation_get_dissolved (organisation));
  put_date (t, row, "known_until", klynge_organisation_get_known_until (organisation));
  put_text (t, row, "cvr", klynge_organisation_get_cvr (organisation));
  put_enum (t, row, "member_list", klynge_organisation_get_member_list (organisation));
  put_text (t, row, "name", klynge_organisation_get_name (organisation));
  put_text (t, row, "name_en", klynge_organisation_get_name_en (organisation));
  put_text (t, row, "website", klynge_organisation_get_website (organisation));
  put_note (t, row, record);
}

/* A member's row, from its slot (and its object when it has one). */
static void
member_row (const KlyngeTable *t,
            KlyngeLandscape   *landscape,
            guint32            index,
            GArray            *rows)
{
  KlyngeMember *object = _klynge_landscape_peek_member_object (landscape, index);
  Row *row = new_row (rows);
  char cvr[9];

  put_text (t, row, "id", _klynge_landscape_member_id (landscape, index));
  put_text (t, row, "cvr", _klynge_landscape_member_cvr (landscape, index, cvr));
  put_enum (t, row, "kind", _klynge_landscape_member_kind (landscape, index));
  put_enum (t, row, "size", _klynge_landscape_member_size (landscape, index));
  put_text (t, row, "name", _klynge_landscape_member_name (landscape, index));
  put_note (t, row, object != NULL ? KLYNGE_RECORD (object) : NULL);
}

static void
membership_row (const KlyngeTable          *t,
                KlyngeLandscape            *landscape,
                const char                 *organisation,
                const KlyngeMembershipSlot *slot,
                GArray                     *rows)
{
  Row *row = new_row (rows);
  KlyngeDate since, until;

  _klynge_membership_slot_get_dates (slot, &since, &until);
  put_text (t, row, "organisation", organisation);
  put_text (t, row, "member", _klynge_landscape_member_id (landscape, slot->member));
  put_date (t, row, "since", &since);
  put_date (t, row, "until", &until);
  put_enum (t, row, "role", _klynge_membership_slot_get_role (slot));
  put_enum (t, row, "end", _klynge_membership_slot_get_end (slot));
}

static void
funding_source_rows (const KlyngeTable *t,
                     KlyngeLandscape   *landscape,
                     KlyngeRecord      *record,
                     GArray            *rows)
{
  KlyngeFundingSource *source = KLYNGE_FUNDING_SOURCE (record);
  Row *row = new_row (rows);

  put_text (t, row, "id", klynge_record_get_id (record));
  put_enum (t, row, "kind", klynge_funding_source_get_kind (source));
  put_text (t, row, "name", klynge_funding_source_get_name (source));
  put_text (t, row, "parent", klynge_funding_source_get_parent (source));
  put_note (t, row, record);
}

static void
contract_rows (const KlyngeTable *t,
               KlyngeLandscape   *landscape,
               KlyngeRecord      *record,
               GArray            *rows)
{
  KlyngeContract *contract = KLYNGE_CONTRACT (record);
  const KlyngePeriod *period = klynge_contract_get_period (contract);
  Row *row = new_row (rows);

  put_text (t, row, "id", klynge_record_get_id (record));
  put_text (t, row, "holder", klynge_contract_get_holder (contract));
  put_date (t, row, "start", &period->start);
  put_date (t, row, "end", &period->end);
  /* an unknown amount is an empty field, never 0 */
  if (klynge_contract_has_amount (contract))
    put_int (t, row, "amount_ore", klynge_contract_get_amount (contract));
  put_text (t, row, "renews", klynge_contract_get_renews (contract));
  put_text (t, row, "programme", klynge_contract_get_programme (contract));
  put_note (t, row, record);
}

static void
share_rows (const KlyngeTable *t,
            KlyngeLandscape   *landscape,
            KlyngeRecord      *record,
            GArray            *rows)
{
  GPtrArray *shares = klynge_contract_get_shares (KLYNGE_CONTRACT (record));

  for (guint i = 0; i < shares->len; i++)
    {
      KlyngeShare *share = g_ptr_array_index (shares, i);
      Row *row = new_row (rows);

      put_text (t, row, "contract", klynge_record_get_id (record));
      put_text (t, row, "source", klynge_share_get_source (share));
      row->values[column_of (t, "percent")] = klynge_percent_to_string (klynge_share_get_basis_points (share), 2);
    }
}

static void
programme_rows (const KlyngeTable *t,
                KlyngeLandscape   *landscape,
                KlyngeRecord      *record,
                GArray            *rows)
{
  KlyngeProgramme *programme = KLYNGE_PROGRAMME (record);
  Row *row = new_row (rows);

  put_text (t, row, "id", klynge_record_get_id (record));
  put_enum (t, row, "kind", klynge_programme_get_kind (programme));
  put_date (t, row, "start", klynge_programme_get_start (programme));
  put_date (t, row, "end", klynge_programme_get_end (programme));
  put_text (t, row, "name", klynge_programme_get_name (programme));
  put_note (t, row, record);
}

static void
envelope_rows (const KlyngeTable *t,
               KlyngeLandscape   *landscape,
               KlyngeRecord      *record,
               GArray            *rows)
{
  GPtrArray *envelopes = klynge_programme_get_envelopes (KLYNGE_PROGRAMME (record));

  for (guint i = 0; i < envelopes->len; i++)
    {
      const KlyngeEnvelope *envelope = g_ptr_array_index (envelopes, i);
      const KlyngePeriod *period = klynge_envelope_get_period (envelope);
      Row *row = new_row (rows);

      put_text (t, row, "programme", klynge_record_get_id (record));
      put_text (t, row, "source", klynge_envelope_get_source (envelope));
      put_date (t, row, "start", &period->start);
      put_date (t, row, "end", &period->end);
      put_int (t, row, "amount_ore", klynge_envelope_get_amount (envelope));
    }
}

static void
designation_rows (const KlyngeTable *t,
                  KlyngeLandscape   *landscape,
                  KlyngeRecord      *record,
                  GArray            *rows)
{
  GPtrArray *designations = klynge_programme_get_designations (KLYNGE_PROGRAMME (record));

  for (guint i = 0; i < designations->len; i++)
    {
      const KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      Row *row = new_row (rows);

      put_text (t, row, "programme", klynge_record_get_id (record));
      put_text (t, row, "organisation", klynge_designation_get_organisation (designation));
      put_enum (t, row, "role", klynge_designation_get_role (designation));
      put_text (t, row, "area", klynge_designation_get_area (designation));
      put_text (t, row, "area_scheme", klynge_designation_get_area_scheme (designation));
      put_date (t, row, "start", klynge_designation_get_start (designation));
      put_date (t, row, "end", klynge_designation_get_end (designation));
    }
}

static void
merger_rows (const KlyngeTable *t,
             KlyngeLandscape   *landscape,
             KlyngeRecord      *record,
             GArray            *rows)
{
  KlyngeMerger *merger = KLYNGE_MERGER (record);
  Row *row = new_row (rows);

  put_text (t, row, "id", klynge_record_get_id (record));
  put_date (t, row, "effective", klynge_merger_get_effective (merger));
  put_text (t, row, "successor", klynge_merger_get_successor (merger));
  put_enum (t, row, "kind", klynge_merger_get_kind (merger));
  put_enum (t, row, "status", klynge_merger_get_status (merger));
  put_note (t, row, record);
}

static void
initiative_rows (const KlyngeTable *t,
                 KlyngeLandscape   *landscape,
                 KlyngeRecord      *record,
                 GArray            *rows)
{
  KlyngeInitiative *initiative = KLYNGE_INITIATIVE (record);
  gint64 count = klynge_initiative_get_participants_count (initiative);
  Row *row = new_row (rows);

  put_text (t, row, "id", klynge_record_get_id (record));
  put_enum (t, row, "kind", klynge_initiative_get_kind (initiative));
  put_enum (t, row, "theme", klynge_initiative_get_theme (initiative));
  put_text (t, row, "host", klynge_initiative_get_host (initiative));
  put_date (t, row, "start", klynge_initiative_get_start (initiative));
  put_date (t, row, "end", klynge_initiative_get_end (initiative));
  put_text (t, row, "replaces", klynge_initiative_get_replaces (initiative));
  put_text (t, row, "title", klynge_initiative_get_title (initiative));
  /* -1: none stated, an empty field */
  if (count >= 0)
    put_int (t, row, "participants_count", count);
  put_note (t, row, record);
}

static void
location_rows (const KlyngeTable *t,
               KlyngeLandscape   *landscape,
               KlyngeRecord      *record,
               GArray            *rows)
{
  GPtrArray *locations = klynge_organisation_get_locations (KLYNGE_ORGANISATION (record));

  for (guint i = 0; i < locations->len; i++)
    {
      KlyngeLocation *location = g_ptr_array_index (locations, i);
      Row *row = new_row (rows);

      put_text (t, row, "organisation", klynge_record_get_id (record));
      put_text (t, row, "city", klynge_location_get_city (location));
      put_text (t, row, "address", klynge_location_get_address (location));
      put_text (t, row, "role", klynge_location_get_role (location));
      put_text (t, row, "region", klynge_location_get_region (location));
      put_text (t, row, "municipality", klynge_location_get_municipality (location));
    }
}

static void
focus_area_rows (const KlyngeTable *t,
                 KlyngeLandscape   *landscape,
                 KlyngeRecord      *record,
                 GArray            *rows)
{
  KlyngeOrganisation *organisation = KLYNGE_ORGANISATION (record);
  const char * const *focus_areas = klynge_organisation_get_focus_areas (organisation);
  const char * const *schemes = klynge_organisation_get_focus_area_schemes (organisation);

  for (guint i = 0; focus_areas[i] != NULL; i++)
    {
      Row *row = new_row (rows);

      put_text (t, row, "organisation", klynge_record_get_id (record));
      put_text (t, row, "focus_area", focus_areas[i]);
      put_text (t, row, "scheme", schemes[i]);
    }
}

static void
label_rows (const KlyngeTable *t,
            KlyngeLandscape   *landscape,
            KlyngeRecord      *record,
            GArray            *rows)
{
  GPtrArray *labels = klynge_organisation_get_labels (KLYNGE_ORGANISATION (record));

  for (guint i = 0; i < labels->len; i++)
    {
      KlyngeLabel *label = g_ptr_array_index (labels, i);
      Row *row = new_row (rows);

      put_text (t, row, "organisation", klynge_record_get_id (record));
      put_enum (t, row, "level", klynge_label_get_level (label));
      put_date (t, row, "awarded", klynge_label_get_awarded (label));
      put_date (t, row, "valid_until", klynge_label_get_valid_until (label));
    }
}

static void
predecessor_rows (const KlyngeTable *t,
                  KlyngeLandscape   *landscape,
                  KlyngeRecord      *record,
                  GArray            *rows)
{
  const char * const *predecessors = klynge_merger_get_predecessors (KLYNGE_MERGER (record));

  for (guint i = 0; predecessors[i] != NULL; i++)
    {
      Row *row = new_row (rows);

      put_text (t, row, "merger", klynge_record_get_id (record));
      put_text (t, row, "ref", predecessors[i]);
    }
}

static void
participant_rows (const KlyngeTable *t,
                  KlyngeLandscape   *landscape,
                  KlyngeRecord      *record,
                  GArray            *rows)
{
  KlyngeInitiative *initiative = KLYNGE_INITIATIVE (record);
  const char * const *participants = klynge_initiative_get_participants (initiative);

  for (guint i = 0; participants[i] != NULL; i++)
    {
      Row *row = new_row (rows);

      put_text (t, row, "initiative", klynge_record_get_id (record));
      put_text (t, row, "ref", participants[i]);
      put_text (t, row, "kind", klynge_initiative_participant_is_member (initiative, i) ? "member" : "organisation");
    }
}

static void
source_rows (const KlyngeTable *t,
             KlyngeLandscape   *landscape,
             KlyngeRecord      *record,
             GArray            *rows)
{
  GPtrArray *sources = klynge_record_get_sources (record);

  for (guint i = 0; i < sources->len; i++)
    {
      KlyngeSource *source = g_ptr_array_index (sources, i);
      Row *row = new_row (rows);

      put_text (t, row, "record", klynge_record_get_id (record));
      put_text (t, row, "href", klynge_source_get_href (source));
      put_date (t, row, "accessed", klynge_source_get_accessed (source));
    }
}

static void
identifier_rows (const KlyngeTable *t,
                 KlyngeLandscape   *landscape,
                 KlyngeRecord      *record,
                 GArray            *rows)
{
  GPtrArray *identifiers = _klynge_record_get_identifiers (record);

  for (guint i = 0; identifiers != NULL && i < identifiers->len; i++)
    {
      const KlyngeIdentifier *identifier = g_ptr_array_index (identifiers, i);
      Row *row = new_row (rows);

      put_text (t, row, "record", klynge_record_get_id (record));
      put_enum (t, row, "scheme", klynge_identifier_get_scheme (identifier));
      put_text (t, row, "value", klynge_identifier_get_value (identifier));
      put_date (t, row, "since", klynge_identifier_get_since (identifier));
      put_date (t, row, "until", klynge_identifier_get_until (identifier));
    }
}

static const char * const key_membership[] = { "organisation", "member", "since", NULL };
static const char * const key_envelope[] = { "programme", "source", "start", NULL };
static const char * const key_designation[] = { "programme", "organisation", "role", "start", NULL };
static const char * const key_location[] = { "organisation", "city", NULL };
static const char * const key_focus_area[] = { "organisation", "focus_area", NULL };
static const char * const key_label[] = { "organisation", "level", "awarded", NULL };
static const char * const key_predecessor[] = { "merger", "ref", NULL };
static const char * const key_participant[] = { "initiative", "ref", NULL };
static const char * const key_source[] = { "record", "href", NULL };
static const char * const key_identifier[] = { "record", "scheme", "value", NULL };

#define ONLY(owners) { owners, OWNERS_NONE }

/* The key of a table: its own, or the primary key the table description
 * gives it, so that the two cannot disagree. */
static const char * const *
key_of (const DiffTable *spec)
{
  return spec->key != NULL ? spec->key : _klynge_table_lookup (spec->name)->primary_key;
}

static const DiffTable diff_tables[] = {
  { "organisation", NULL, organisation_rows, ONLY (OWNERS_ORGANISATIONS) },
  { "member", NULL, NULL, ONLY (OWNERS_MEMBERS) },
  { "membership", key_membership, NULL, ONLY (OWNERS_ORGANISATIONS) },
  { "funding-source", NULL, funding_source_rows, ONLY (OWNERS_FUNDING_SOURCES) },
  { "contract", NULL, contract_rows, ONLY (OWNERS_CONTRACTS) },
  { "share", NULL, share_rows, ONLY (OWNERS_CONTRACTS) },
  { "programme", NULL, programme_rows, ONLY (OWNERS_PROGRAMMES) },
  { "envelope", key_envelope, envelope_rows, ONLY (OWNERS_PROGRAMMES) },
  { "designation", key_designation, designation_rows, ONLY (OWNERS_PROGRAMMES) },
  { "merger", NULL, merger_rows, ONLY (OWNERS_MERGERS) },
  { "initiative", NULL, initiative_rows, ONLY (OWNERS_INITIATIVES) },
  { "location", key_location, location_rows, ONLY (OWNERS_ORGANISATIONS) },
  { "focus-area", key_focus_area, focus_area_rows, ONLY (OWNERS_ORGANISATIONS) },
  { "label", key_label, label_rows, ONLY (OWNERS_ORGANISATIONS) },
  { "predecessor", key_predecessor, predecessor_rows, ONLY (OWNERS_MERGERS) },
  { "participant", key_participant, participant_rows, ONLY (OWNERS_INITIATIVES) },
  /* in the order the source table lists records */
  { "source", key_source, source_rows,
    { OWNERS_FUNDING_SOURCES, OWNERS_MEMBERS, OWNERS_ORGANISATIONS, OWNERS_CONTRACTS,
      OWNERS_PROGRAMMES, OWNERS_MERGERS, OWNERS_INITIATIVES, OWNERS_NONE } },
  { "identifier", key_identifier, identifier_rows,
    { OWNERS_FUNDING_SOURCES, OWNERS_ORGANISATIONS, OWNERS_NONE } },
};

static const DiffTable *
find_diff_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (diff_tables); i++)
    if (strcmp (diff_tables[i].name, name) == 0)
      return &diff_tables[i];
  return NULL;
}

/* --- comparing ---------------------------------------------------------- */

struct _Diff
{
  KlyngeDiff *result;
  KlyngeLandscape *before;
  KlyngeLandscape *after;

  /* the table being compared */
  guint table_index;
  const KlyngeTable *table;
  const DiffTable *spec;
  int key_columns[MAX_COLUMNS];
  guint n_key_columns;
  guint32 key_mask;            /* bit i: column i is a key column */
  guint32 compared_mask;       /* bit i: column i is compared */

  const char *last_record;     /* in the result's strings */

  /* each member's slot in the other landscape, or NO_MEMBER */
  guint32 *before_to_after;
  guint32 *after_to_before;
  guint32 n_before_members;
  guint32 n_after_members;

  GString *scratch;
};

static void
begin_table (Diff       *diff,
             guint       index,
             const KlyngeTable *table,
             const DiffTable *spec)
{
  diff->table_index = index;
  diff->table = table;
  diff->spec = spec;
  diff->n_key_columns = 0;
  diff->key_mask = 0;
  diff->compared_mask = 0;
  g_assert (table->n_columns <= MAX_COLUMNS);
  for (guint i = 0; key_of (spec)[i] != NULL; i++)
    {
      int c = column_of (table, key_of (spec)[i]);

      diff->key_columns[diff->n_key_columns++] = c;
      diff->key_mask |= 1u << c;
    }
  for (guint i = 0; i < table->n_columns; i++)
    if (!(diff->key_mask & (1u << i))
        && table->columns[i].type != KLYNGE_COLUMN_PRECISION
        && table->columns[i].type != KLYNGE_COLUMN_DECIMALS
        && table->columns[i].type != KLYNGE_COLUMN_SHARE_ORE
        && table->columns[i].type != KLYNGE_COLUMN_LIST)
      diff->compared_mask |= 1u << i;
}

/* The changes of one row share their record (and, the rows of one record,
 * the record's text) and their key. */
static const char *
intern_record (Diff       *diff,
               const char *record)
{
  if (diff->last_record == NULL || strcmp (diff->last_record, record) != 0)
    diff->last_record = g_string_chunk_insert (diff->result->strings, record);
  return diff->last_record;
}

static const char *
intern (Diff       *diff,
        const char *text)
{
  return text != NULL ? g_string_chunk_insert (diff->result->strings, text) : NULL;
}

static void
add_entry (Diff             *diff,
           KlyngeChangeKind  kind,
           gboolean          first,
           int               field,
           const char       *record,
           const char       *key,
           const char       *old_value,
           const char       *new_value)
{
  Entry entry = {
    (guint8) kind, (guint8) diff->table_index, (guint8) first, (gint8) field,
    record, key, intern (diff, old_value), intern (diff, new_value),
  };

  g_array_append_val (diff->result->entries, entry);
}

/* Fills in the row's key: its key columns after the first, joined. */
static void
set_key (Diff *diff,
         Row  *row)
{
  if (diff->n_key_columns < 2)
    return;
  g_string_truncate (diff->scratch, 0);
  for (guint i = 1; i < diff->n_key_columns; i++)
    list_append (diff->scratch, i - 1, row->values[diff->key_columns[i]]);
  row->key = g_strdup (diff->scratch->str);
}

static const char *
row_record (Diff      *diff,
            const Row *row)
{
  return row->values[diff->key_columns[0]];
}

static void
row_added_or_removed (Diff             *diff,
                      KlyngeChangeKind  kind,
                      const Row        *row)
{
  add_entry (diff, kind, TRUE, -1, intern_record (diff, row_record (diff, row)),
             intern (diff, row->key), NULL, NULL);
}

/* A change per compared column whose values differ, in column order. */
static void
row_compare (Diff      *diff,
             const Row *before,
             const Row *after)
{
  const char *record = NULL, *key = NULL;

  for (guint c = 0; c < diff->table->n_columns; c++)
    {
      if (!(diff->compared_mask & (1u << c)) || g_strcmp0 (before->values[c], after->values[c]) == 0)
        continue;
      if (record == NULL)
        {
          record = intern_record (diff, row_record (diff, after));
          key = intern (diff, after->key);
          add_entry (diff, KLYNGE_CHANGE_CHANGED, TRUE, (int) c, record, key,
                     before->values[c], after->values[c]);
        }
      else
        add_entry (diff, KLYNGE_CHANGE_CHANGED, FALSE, (int) c, record, key,
                   before->values[c], after->values[c]);
    }
}

typedef struct {
  const Row *row;
  guint index;
} Ranked;

/* By key, then by position: the n-th row of a key in one landscape meets
 * the n-th in the other. */
static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a, *y = b;
  int c = g_strcmp0 (x->row->key, y->row->key);

  if (c != 0)
    return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

static Ranked *
rank_rows (GArray *rows)
{
  Ranked *ranked = g_new (Ranked, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      ranked[i].row = &g_array_index (rows, Row, i);
      ranked[i].index = i;
    }
  qsort (ranked, rows->len, sizeof *ranked, compare_ranked);
  return ranked;
}

/* Compares the rows of one record: the newer rows in order, each added or
 * compared with its match, then the older rows without one. */
static void
compare_rows (Diff   *diff,
              GArray *before,
              GArray *after)
{
  g_autofree guint *match = NULL;       /* after row → before row + 1, 0 for none */
  g_autofree gboolean *matched = NULL;  /* before rows that have a match */

  for (guint i = 0; i < before->len; i++)
    set_key (diff, &g_array_index (before, Row, i));
  for (guint i = 0; i < after->len; i++)
    set_key (diff, &g_array_index (after, Row, i));

  match = g_new0 (guint, after->len + 1);
  matched = g_new0 (gboolean, before->len + 1);
  if (before->len == 1 && after->len == 1)
    {
      /* the rows of the record tables, and most others */
      if (g_strcmp0 (g_array_index (before, Row, 0).key, g_array_index (after, Row, 0).key) == 0)
        match[0] = 1, matched[0] = TRUE;
    }
  else if (before->len > 0 && after->len > 0)
    {
      g_autofree Ranked *b = rank_rows (before);
      g_autofree Ranked *a = rank_rows (after);
      guint i = 0, j = 0;

      while (i < before->len && j < after->len)
        {
          int c = g_strcmp0 (b[i].row->key, a[j].row->key);

          if (c < 0)
            i++;
          else if (c > 0)
            j++;
          else
            {
              match[a[j].index] = b[i].index + 1;
              matched[b[i].index] = TRUE;
              i++, j++;
            }
        }
    }

  for (guint j = 0; j < after->len; j++)
    if (match[j] == 0)
      row_added_or_removed (diff, KLYNGE_CHANGE_ADDED, &g_array_index (after, Row, j));
    else
      row_compare (diff, &g_array_index (before, Row, match[j] - 1), &g_array_index (after, Row, j));
  for (guint i = 0; i < before->len; i++)
    if (!matched[i])
      row_added_or_removed (diff, KLYNGE_CHANGE_REMOVED, &g_array_index (before, Row, i));
}

/* The rows of a record in the older (@before) and the newer (@after)
 * landscape; either may be NULL. */
static void
compare_record (Diff         *diff,
                KlyngeRecord *before,
                KlyngeRecord *after,
                GArray       *before_rows,
                GArray       *after_rows)
{
  g_array_set_size (before_rows, 0);
  g_array_set_size (after_rows, 0);
  if (before != NULL)
    diff->spec->rows (diff->table, diff->before, before, before_rows);
  if (after != NULL)
    diff->spec->rows (diff->table, diff->after, after, after_rows);
  if (before_rows->len > 0 || after_rows->len > 0)
    compare_rows (diff, before_rows, after_rows);
}

static guint
count_owners (KlyngeLandscape *landscape,
              Owners           owners)
{
  switch (owners)
    {
    case OWNERS_FUNDING_SOURCES: return landscape->funding_sources->len;
    case OWNERS_ORGANISATIONS: return landscape->organisations->len;
    case OWNERS_CONTRACTS: return landscape->contracts->len;
    case OWNERS_PROGRAMMES: return landscape->programmes->len;
    case OWNERS_MERGERS: return landscape->mergers->len;
    case OWNERS_INITIATIVES: return landscape->initiatives->len;
    case OWNERS_MEMBERS:
    case OWNERS_NONE:
    default:
      g_assert_not_reached ();
    }
  return 0;
}

static KlyngeRecord *
owner_at (KlyngeLandscape *landscape,
          Owners           owners,
          guint            i)
{
  switch (owners)
    {
    case OWNERS_FUNDING_SOURCES: return g_ptr_array_index (landscape->funding_sources, i);
    case OWNERS_ORGANISATIONS:
      return KLYNGE_RECORD (((KlyngeOrgEntry *) g_ptr_array_index (landscape->organisations, i))->organisation);
    case OWNERS_CONTRACTS: return g_ptr_array_index (landscape->contracts, i);
    case OWNERS_PROGRAMMES: return g_ptr_array_index (landscape->programmes, i);
    case OWNERS_MERGERS: return g_ptr_array_index (landscape->mergers, i);
    case OWNERS_INITIATIVES: return g_ptr_array_index (landscape->initiatives, i);
    case OWNERS_MEMBERS:
    case OWNERS_NONE:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The record of @landscape with @record's id, when it is of the same kind. */
static KlyngeRecord *
find_like (KlyngeLandscape *landscape,
           KlyngeRecord    *record)
{
  gpointer found = g_hash_table_lookup (landscape->ids, klynge_record_get_id (record));

  if (found == NULL || KLYNGE_IS_MEMBER_TAG (found) || G_OBJECT_TYPE (found) != G_OBJECT_TYPE (record))
    return NULL;
  return found;
}

/* Members' rows in a table of rows owned by records (sources): only
 * members with an object have any. */
static void
compare_member_owned (Diff   *diff,
                      GArray *before_rows,
                      GArray *after_rows)
{
  for (guint32 i = 0; i < diff->n_after_members; i++)
    {
      KlyngeMember *after, *before = NULL;

      if (!_klynge_membership_store_member_present (&diff->after->store, i))
        continue;
      after = _klynge_landscape_peek_member_object (diff->after, i);
      if (diff->after_to_before[i] != NO_MEMBER)
        before = _klynge_landscape_peek_member_object (diff->before, diff->after_to_before[i]);
      if (after != NULL || before != NULL)
        compare_record (diff, before != NULL ? KLYNGE_RECORD (before) : NULL,
                        after != NULL ? KLYNGE_RECORD (after) : NULL, before_rows, after_rows);
    }
  for (guint32 i = 0; i < diff->n_before_members; i++)
    {
      KlyngeMember *before;

      if (!_klynge_membership_store_member_present (&diff->before->store, i)
          || diff->before_to_after[i] != NO_MEMBER)
        continue;
      before = _klynge_landscape_peek_member_object (diff->before, i);
      if (before != NULL)
        compare_record (diff, KLYNGE_RECORD (before), NULL, before_rows, after_rows);
    }
}

static void
compare_owned (Diff *diff)
{
  g_autoptr(GArray) before_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) after_rows = g_array_new (FALSE, FALSE, sizeof (Row));

  g_array_set_clear_func (before_rows, row_clear);
  g_array_set_clear_func (after_rows, row_clear);
  for (guint g = 0; diff->spec->owners[g] != OWNERS_NONE; g++)
    {
      Owners owners = diff->spec->owners[g];
      guint n;

      if (owners == OWNERS_MEMBERS)
        {
          compare_member_owned (diff, before_rows, after_rows);
          continue;
        }
      n = count_owners (diff->after, owners);
      for (guint i = 0; i < n; i++)
        {
          KlyngeRecord *after = owner_at (diff->after, owners, i);

          compare_record (diff, find_like (diff->before, after), after, before_rows, after_rows);
        }
      n = count_owners (diff->before, owners);
      for (guint i = 0; i < n; i++)
        {
          KlyngeRecord *before = owner_at (diff->before, owners, i);

          if (find_like (diff->after, before) == NULL)
            compare_record (diff, before, NULL, before_rows, after_rows);
        }
    }
}

/* --- members and memberships -------------------------------------------- */

#define FIND_BATCH 1024

/* For each member slot of @from, the slot of the member with its id in
 * @to, or NO_MEMBER; the look-ups go in batches, whose cache misses
 * overlap. */
static guint32 *
map_members (KlyngeLandscape *from,
             KlyngeLandscape *to)
{
  guint32 n = _klynge_membership_store_n_member_slots (&from->store);
  guint32 *map = g_new (guint32, MAX (n, 1));
  KlyngeMemberQuery *queries = g_new (KlyngeMemberQuery, FIND_BATCH);
  guint32 slots[FIND_BATCH];
  guint n_queries = 0;

  for (guint32 i = 0; i <= n; i++)
    {
      if (i < n)
        {
          map[i] = NO_MEMBER;
          if (_klynge_membership_store_member_present (&from->store, i))
            {
              const char *id = _klynge_landscape_member_id (from, i);

              queries[n_queries].id = id;
              queries[n_queries].length = strlen (id);
              slots[n_queries++] = i;
            }
        }
      if (n_queries == FIND_BATCH || (i == n && n_queries > 0))
        {
          _klynge_landscape_find_members (to, queries, n_queries);
          for (guint q = 0; q < n_queries; q++)
            if (queries[q].found)
              map[slots[q]] = queries[q].index;
          n_queries = 0;
        }
    }
  g_free (queries);
  return map;
}

/* Whether two members are certainly the same row without building it:
 * the slots agree and neither has an object (which holds provenance). */
static gboolean
members_plainly_equal (Diff    *diff,
                       guint32  before,
                       guint32  after)
{
  const KlyngeMemberSlot *b = _klynge_membership_store_member_slot (&diff->before->store, before);
  const KlyngeMemberSlot *a = _klynge_membership_store_member_slot (&diff->after->store, after);

  return _klynge_landscape_peek_member_object (diff->before, before) == NULL
    && _klynge_landscape_peek_member_object (diff->after, after) == NULL
    && a->cvr == b->cvr && a->kind == b->kind && a->size == b->size
    && g_strcmp0 (a->name, b->name) == 0;
}

static void
compare_members (Diff *diff)
{
  g_autoptr(GArray) before_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) after_rows = g_array_new (FALSE, FALSE, sizeof (Row));

  g_array_set_clear_func (before_rows, row_clear);
  g_array_set_clear_func (after_rows, row_clear);
  for (guint32 i = 0; i < diff->n_after_members; i++)
    {
      guint32 before = diff->after_to_before[i];

      if (!_klynge_membership_store_member_present (&diff->after->store, i)
          || (before != NO_MEMBER && members_plainly_equal (diff, before, i)))
        continue;
      g_array_set_size (before_rows, 0);
      g_array_set_size (after_rows, 0);
      if (before != NO_MEMBER)
        member_row (diff->table, diff->before, before, before_rows);
      member_row (diff->table, diff->after, i, after_rows);
      compare_rows (diff, before_rows, after_rows);
    }
  for (guint32 i = 0; i < diff->n_before_members; i++)
    {
      if (!_klynge_membership_store_member_present (&diff->before->store, i)
          || diff->before_to_after[i] != NO_MEMBER)
        continue;
      g_array_set_size (before_rows, 0);
      g_array_set_size (after_rows, 0);
      member_row (diff->table, diff->before, i, before_rows);
      compare_rows (diff, before_rows, after_rows);
    }
}

/* An older membership with its member's place in the newer landscape's
 * order: the member's slot there, or, for a member that only the older
 * one has, after all of those in its own order. */
typedef struct {
  guint64 rank;
  guint32 since;
  guint32 index;           /* in the older organisation's slots */
} RankedSlot;

static int
compare_ranked_slots (const void *a,
                      const void *b)
{
  const RankedSlot *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->since != y->since)
    return x->since < y->since ? -1 : 1;
  return 0;
}

/* One organisation's memberships, walked side by side in the newer
 * landscape's order; rows are built only for those that differ. */
static void
compare_memberships_of (Diff           *diff,
                        const char     *organisation,
                        KlyngeOrgEntry *before,
                        KlyngeOrgEntry *after,
                        GArray         *ranked,
                        GArray         *before_rows,
                        GArray         *after_rows)
{
  const KlyngeMembershipSlot *b = NULL, *a = NULL;
  guint n_before = 0, n_after = 0, i = 0, j = 0;
  gboolean sorted = TRUE;
  RankedSlot *r;

  if (before != NULL)
    b = _klynge_membership_store_org_slots (before, &n_before);
  if (after != NULL)
    a = _klynge_membership_store_org_slots (after, &n_after);

  g_array_set_size (ranked, n_before);
  r = (RankedSlot *) (void *) ranked->data;
  for (guint k = 0; k < n_before; k++)
    {
      guint32 member = b[k].member;
      guint32 there = diff->before_to_after[member];

      r[k].rank = there != NO_MEMBER ? there : (guint64) diff->n_after_members + member;
      r[k].since = b[k].since;
      r[k].index = k;
      if (k > 0 && compare_ranked_slots (&r[k - 1], &r[k]) > 0)
        sorted = FALSE;
    }
  /* members listed in the same order in both (the usual case) keep the
   * older slots in order */
  if (!sorted)
    qsort (r, n_before, sizeof *r, compare_ranked_slots);

  while (i < n_before || j < n_after)
    {
      int c;

      if (i == n_before)
        c = 1;
      else if (j == n_after)
        c = -1;
      else if (r[i].rank != a[j].member)
        c = r[i].rank < a[j].member ? -1 : 1;
      else
        c = r[i].since < a[j].since ? -1 : r[i].since > a[j].since;

      if (c == 0 && b[r[i].index].until == a[j].until)
        {
          /* the same membership, unchanged: the usual case */
          i++, j++;
          continue;
        }
      g_array_set_size (before_rows, 0);
      g_array_set_size (after_rows, 0);
      if (c <= 0)
        membership_row (diff->table, diff->before, organisation, &b[r[i++].index], before_rows);
      if (c >= 0)
        membership_row (diff->table, diff->after, organisation, &a[j++], after_rows);
      compare_rows (diff, before_rows, after_rows);
    }
}

static void
compare_memberships (Diff *diff)
{
  g_autoptr(GArray) before_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) after_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedSlot));

  g_array_set_clear_func (before_rows, row_clear);
  g_array_set_clear_func (after_rows, row_clear);
  for (guint i = 0; i < diff->after->organisations->len; i++)
    {
      KlyngeOrgEntry *after = g_ptr_array_index (diff->after->organisations, i);
      KlyngeRecord *record = KLYNGE_RECORD (after->organisation);
      KlyngeRecord *like = find_like (diff->before, record);
      KlyngeOrgEntry *before = like != NULL ? g_hash_table_lookup (diff->before->org_entries, like) : NULL;

      compare_memberships_of (diff, klynge_record_get_id (record), before, after, ranked, before_rows, after_rows);
    }
  for (guint i = 0; i < diff->before->organisations->len; i++)
    {
      KlyngeOrgEntry *before = g_ptr_array_index (diff->before->organisations, i);
      KlyngeRecord *record = KLYNGE_RECORD (before->organisation);

      if (find_like (diff->after, record) == NULL)
        compare_memberships_of (diff, klynge_record_get_id (record), before, NULL, ranked, before_rows, after_rows);
    }
}

/**
 * klynge_landscape_diff:
 * @self: the older landscape
 * @other: the newer landscape
 *
 * Compares @self with @other, row by row of the tables that `klynge
 * export --all` writes: the rows only @other has are added, those only
 * @self has are removed, and every field of a row both have that has
 * another value is changed (see the description of #KlyngeDiff for what
 * makes two rows the same row, how values are written and the order of
 * the changes).
 *
 * It reads both landscapes and changes neither; any number of threads may
 * read them meanwhile. Members and memberships are compared without
 * making an object per row, so comparing two landscapes of millions of
 * memberships takes a fraction of the time loading one does.
 *
 * Returns: (transfer full): the differences; empty when the landscapes
 *   hold the same rows
 */
KlyngeDiff *
klynge_landscape_diff (KlyngeLandscape *self,
                       KlyngeLandscape *other)
{
  Diff diff = { NULL };
  const KlyngeTable *tables;
  guint n_tables;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (other), NULL);

  diff.result = g_object_new (KLYNGE_TYPE_DIFF, NULL);
  diff.before = self;
  diff.after = other;
  diff.scratch = g_string_new (NULL);
  diff.n_before_members = _klynge_membership_store_n_member_slots (&self->store);
  diff.n_after_members = _klynge_membership_store_n_member_slots (&other->store);
  diff.before_to_after = map_members (self, other);
  diff.after_to_before = g_new (guint32, MAX (diff.n_after_members, 1));
  for (guint32 i = 0; i < diff.n_after_members; i++)
    diff.after_to_before[i] = NO_MEMBER;
  for (guint32 i = 0; i < diff.n_before_members; i++)
    if (diff.before_to_after[i] != NO_MEMBER)
      diff.after_to_before[diff.before_to_after[i]] = i;

  tables = _klynge_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      const DiffTable *spec = find_diff_table (tables[t].name);

      if (spec == NULL)
        {
          /* a table added to klynge-tables.c needs its rows here */
          g_critical ("klynge_landscape_diff: the table %s is not compared", tables[t].name);
          continue;
        }
      begin_table (&diff, t, &tables[t], spec);
      if (strcmp (spec->name, "member") == 0)
        compare_members (&diff);
      else if (strcmp (spec->name, "membership") == 0)
        compare_memberships (&diff);
      else
        compare_owned (&diff);
    }

  g_free (diff.before_to_after);
  g_free (diff.after_to_before);
  g_string_free (diff.scratch, TRUE);
  return diff.result;
}

/**
 * klynge_diff_get_n_changes:
 * @self: a diff
 *
 * Returns: how many changes there are: one per row added or removed, and
 *   one per field changed
 */
guint
klynge_diff_get_n_changes (KlyngeDiff *self)
{
  g_return_val_if_fail (KLYNGE_IS_DIFF (self), 0);
  return self->entries->len;
}

/**
 * klynge_diff_is_empty:
 * @self: a diff
 *
 * Returns: %TRUE when the two landscapes hold the same rows
 */
gboolean
klynge_diff_is_empty (KlyngeDiff *self)
{
  g_return_val_if_fail (KLYNGE_IS_DIFF (self), TRUE);
  return self->entries->len == 0;
}

static const KlyngeTable *
table_at (guint index)
{
  guint n;

  return &_klynge_tables (&n)[index];
}

/**
 * klynge_diff_get_change:
 * @self: a diff
 * @index: which change, below klynge_diff_get_n_changes()
 *
 * Returns: (transfer full): the change at @index, in the order the
 *   description of #KlyngeDiff gives
 */
KlyngeChange *
klynge_diff_get_change (KlyngeDiff *self,
                        guint       index)
{
  const Entry *entry;
  const KlyngeTable *table;
  KlyngeChange *change;

  g_return_val_if_fail (KLYNGE_IS_DIFF (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = &g_array_index (self->entries, Entry, index);
  table = table_at (entry->table);
  change = g_new0 (KlyngeChange, 1);
  g_atomic_ref_count_init (&change->ref_count);
  change->kind = (KlyngeChangeKind) entry->kind;
  change->table = table->name;
  change->field = entry->field >= 0 ? table->columns[entry->field].name : NULL;
  change->record = g_strdup (entry->record);
  change->key = g_strdup (entry->key);
  change->old_value = g_strdup (entry->old_value);
  change->new_value = g_strdup (entry->new_value);
  return change;
}

/* --- writing ------------------------------------------------------------ */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * klynge_diff_to_csv:
 * @self: a diff
 *
 * The changes as a CSV table (RFC 4180 as klynge_landscape_export_csv()
 * writes it: UTF-8, a header row, rows ended by CRLF, fields with a
 * comma, double quote, CR or LF quoted), one row per change in the order
 * of klynge_diff_get_change(), with the columns
 *
 * | column | holds |
 * |---|---|
 * | `change` | `added`, `removed` or `changed` |
 * | `table` | the table of the row, such as `membership` |
 * | `record` | klynge_change_get_record(): the id of the row's record |
 * | `key` | klynge_change_get_key(): the row's other key columns, joined; empty for a record |
 * | `field` | the column that changed; empty for a row added or removed |
 * | `old` | its value in the older landscape; empty when none |
 * | `new` | its value in the newer landscape; empty when none |
 *
 * An empty diff gives the header row alone.
 *
 * Returns: (transfer full): the table
 */
char *
klynge_diff_to_csv (KlyngeDiff *self)
{
  GString *out;

  g_return_val_if_fail (KLYNGE_IS_DIFF (self), NULL);

  out = g_string_new ("change,table,record,key,field,old,new\r\n");
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      const KlyngeTable *table = table_at (entry->table);

      csv_field (out, _klynge_enum_to_nick (KLYNGE_TYPE_CHANGE_KIND, entry->kind), FALSE);
      csv_field (out, table->name, FALSE);
      csv_field (out, entry->record, FALSE);
      csv_field (out, entry->key, FALSE);
      csv_field (out, entry->field >= 0 ? table->columns[entry->field].name : NULL, FALSE);
      csv_field (out, entry->old_value, FALSE);
      csv_field (out, entry->new_value, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* A value on a line of its own: "(none)" for an empty one, control
 * characters (a note's line breaks) escaped so that a change stays on
 * one line. */
static void
text_value (GString    *out,
            const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "(none)");
      return;
    }
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

/* What a table's header or a summary counts. */
typedef struct {
  guint added, removed, changed, ended;
} Counts;

/* The end of the changes of the row whose first change is at @from. */
static guint
row_end (KlyngeDiff *self,
         guint       from,
         guint       to)
{
  guint k = from + 1;

  while (k < to && !g_array_index (self->entries, Entry, k).first)
    k++;
  return k;
}

/* Counts the rows (not the fields) of entries [from, to), which start at
 * the first change of a row. A changed membership whose until went from
 * none to a date ended. */
static void
count_rows (KlyngeDiff *self,
            guint       from,
            guint       to,
            Counts     *counts)
{
  const KlyngeTable *table;
  int until = -1;

  memset (counts, 0, sizeof *counts);
  if (from >= to)
    return;
  table = table_at (g_array_index (self->entries, Entry, from).table);
  if (strcmp (table->name, "membership") == 0)
    until = _klynge_table_column_index (table, "until");
  for (guint i = from; i < to; i = row_end (self, i, to))
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      gboolean ended = FALSE;

      if (entry->kind == KLYNGE_CHANGE_ADDED)
        {
          counts->added++;
          continue;
        }
      if (entry->kind == KLYNGE_CHANGE_REMOVED)
        {
          counts->removed++;
          continue;
        }
      for (guint k = i; k < row_end (self, i, to); k++)
        {
          const Entry *e = &g_array_index (self->entries, Entry, k);

          if (until >= 0 && e->field == until && e->old_value == NULL && e->new_value != NULL)
            ended = TRUE;
        }
      if (ended)
        counts->ended++;
      else
        counts->changed++;
    }
}

static void
append_counts (GString      *out,
               const Counts *counts)
{
  const char *separator = "";

  if (counts->added > 0)
    g_string_append_printf (out, "%s%u added", separator, counts->added), separator = ", ";
  if (counts->removed > 0)
    g_string_append_printf (out, "%s%u removed", separator, counts->removed), separator = ", ";
  if (counts->ended > 0)
    g_string_append_printf (out, "%s%u ended", separator, counts->ended), separator = ", ";
  if (counts->changed > 0)
    g_string_append_printf (out, "%s%u changed", separator, counts->changed);
}

/* " (city Aarhus C)": the key with its columns' names. */
static void
append_key (GString           *out,
            const KlyngeTable *table,
            const Entry       *entry)
{
  const DiffTable *spec = find_diff_table (table->name);
  g_auto(GStrv) values = NULL;

  if (entry->key == NULL)
    return;
  values = list_split (entry->key);
  g_string_append (out, " (");
  for (guint k = 0; values[k] != NULL && key_of (spec)[k + 1] != NULL; k++)
    {
      if (k > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s ", key_of (spec)[k + 1]);
      text_value (out, *values[k] != '\0' ? values[k] : NULL);
    }
  g_string_append_c (out, ')');
}

/**
 * klynge_diff_to_text:
 * @self: a diff
 *
 * The changes for a person to read: table by table, a line counting the
 * rows added, removed and changed, then each row (its record, and its key
 * with the key columns' names) and under a changed row each field as
 * `field: old → new`, with `(none)` for an empty value. Memberships come
 * organisation by organisation, each with its own count, where a
 * membership that gained an until date counts as ended. For example:
 *
 * |[
 * organisation: 1 added, 1 changed
 *   added o-9
 *   changed o-3
 *     name: Nordklynge → Nordklyngen
 *
 * membership: 1 added, 1 ended
 *   o-1: 1 added, 1 ended
 *     added m-5 since 2010-05
 *     changed m-7 since 2011
 *       until: (none) → 2024-12-31
 * ]|
 *
 * Control characters in a value (the line breaks of a note) are written
 * as `\n`, `\r`, `\t` or `\xNN`, so that each field stays on its line.
 *
 * Returns: (transfer full): the text; empty when the diff is empty
 */
char *
klynge_diff_to_text (KlyngeDiff *self)
{
  GString *out;
  guint i = 0;

  g_return_val_if_fail (KLYNGE_IS_DIFF (self), NULL);

  out = g_string_new (NULL);
  while (i < self->entries->len)
    {
      guint table_index = g_array_index (self->entries, Entry, i).table;
      const KlyngeTable *table = table_at (table_index);
      gboolean memberships = strcmp (table->name, "membership") == 0;
      const char *record = NULL;
      guint end = i;
      Counts counts;

      while (end < self->entries->len && g_array_index (self->entries, Entry, end).table == table_index)
        end++;
      count_rows (self, i, end, &counts);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s: ", table->name);
      append_counts (out, &counts);
      g_string_append_c (out, '\n');

      for (; i < end; i++)
        {
          const Entry *entry = &g_array_index (self->entries, Entry, i);
          const char *indent = memberships ? "    " : "  ";

          if (memberships && entry->record != record)
            {
              Counts of_organisation;
              guint k = i;

              /* the organisation's memberships are together */
              while (k < end && g_array_index (self->entries, Entry, k).record == entry->record)
                k++;
              count_rows (self, i, k, &of_organisation);
              g_string_append_printf (out, "  %s: ", entry->record);
              append_counts (out, &of_organisation);
              g_string_append_c (out, '\n');
              record = entry->record;
            }
          if (entry->first)
            {
              Counts row;

              /* "ended" as the counts say it */
              count_rows (self, i, row_end (self, i, end), &row);
              g_string_append_printf (out, "%s%s", indent, row.ended > 0 ? "ended"
                                      : _klynge_enum_to_nick (KLYNGE_TYPE_CHANGE_KIND, entry->kind));
              if (memberships)
                {
                  g_auto(GStrv) values = list_split (entry->key);

                  /* "added m-5 since 2010-05" */
                  g_string_append_c (out, ' ');
                  text_value (out, values[0]);
                  if (values[0] != NULL && values[1] != NULL && *values[1] != '\0')
                    g_string_append_printf (out, " since %s", values[1]);
                }
              else
                {
                  g_string_append_c (out, ' ');
                  text_value (out, entry->record);
                  append_key (out, table, entry);
                }
              g_string_append_c (out, '\n');
            }
          if (entry->field >= 0)
            {
              g_string_append_printf (out, "%s  %s: ", indent, table->columns[entry->field].name);
              text_value (out, entry->old_value);
              g_string_append (out, " → ");
              text_value (out, entry->new_value);
              g_string_append_c (out, '\n');
            }
        }
    }
  return g_string_free (out, FALSE);
}
