/* test-diff.c: what changed between two landscapes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "klynge-test.h"
#include "klynge-tables-private.h"

/* Two editions of a small landscape with every kind of record (format
 * version 2). The newer one changes every column that the diff compares,
 * adds and removes records and rows, and turns the organisation "x" into
 * a member, so that the initiative's participant "x" changes kind. */
static const char before_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"fs-a\" kind=\"national-agency\">\n"
  "      <name>Styrelse A</name>\n"
  "      <parent>Ministerium A</parent>\n"
  "      <identifier scheme=\"lei\" value=\"213800KUD8LAJWSQ9D15\" since=\"2015\"/>\n"
  "      <source href=\"https://example.org/fs-a\" accessed=\"2026-11\"/>\n"
  "      <note>Agency.</note>\n"
  "    </funding-source>\n"
  "    <funding-source id=\"fs-b\" kind=\"regional\">\n"
  "      <name>Region B</name>\n"
  "    </funding-source>\n"
  "  </funding-sources>\n"
  "  <members>\n"
  "    <member id=\"m-1\" cvr=\"13748136\" kind=\"company\" size=\"sme\">\n"
  "      <name>Eksempel ApS</name>\n"
  "      <source href=\"https://example.org/m-1\"/>\n"
  "      <note>A member with provenance.</note>\n"
  "    </member>\n"
  "    <member id=\"m-2\" kind=\"knowledge-institution\">\n"
  "      <name>Et Universitet</name>\n"
  "    </member>\n"
  "    <member id=\"m-3\" kind=\"public\">\n"
  "      <name>En Kommune</name>\n"
  "      <source href=\"https://example.org/m-3\"/>\n"
  "    </member>\n"
  "  </members>\n"
  "  <organisations>\n"
  "    <organisation id=\"o-a\" kind=\"cluster\" founded=\"2010\" cvr=\"24256790\" member-list=\"partial\" known-until=\"2025\">\n"
  "      <name>Klynge A</name>\n"
  "      <name-en>Cluster A</name-en>\n"
  "      <website>https://a.example</website>\n"
  "      <identifier scheme=\"wikidata\" value=\"Q42\" since=\"2012\"/>\n"
  "      <location city=\"Aalborg\" address=\"Havnen 1\" role=\"secretariat\" region=\"DK05\" municipality=\"851\"/>\n"
  "      <focus-area scheme=\"klyngeprogram-2021\">Energiteknologi</focus-area>\n"
  "      <label level=\"gold\" awarded=\"2019-07\" valid-until=\"2021-07\"/>\n"
  "      <membership member=\"m-1\" since=\"2015-03-01\"/>\n"
  "      <membership member=\"m-2\" since=\"2016\"/>\n"
  "      <membership member=\"m-3\" since=\"2016-01\" until=\"2019-12-31\"/>\n"
  "      <source href=\"https://example.org/a\" accessed=\"2026-11-27\"/>\n"
  "      <note>Before.</note>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-b\" kind=\"innovation-network\" founded=\"2011\" dissolved=\"2020-06-30\">\n"
  "      <name>Netværk B</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-c\" kind=\"cluster\" founded=\"2020-07-01\">\n"
  "      <name>Klynge C</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"x\" kind=\"other\" founded=\"2010\">\n"
  "      <name>X</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-c2\" kind=\"cluster\" founded=\"2020-07-01\">\n"
  "      <name>Klynge C2</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-d\" kind=\"cluster\" founded=\"2011\" dissolved=\"2020-06-30\">\n"
  "      <name>Klynge D</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-e\" kind=\"cluster\" founded=\"2011\" dissolved=\"2020-06-30\">\n"
  "      <name>Klynge E</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-h\" kind=\"support-body\" founded=\"2000\">\n"
  "      <name>Holder</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-gone\" kind=\"other\" founded=\"2010\">\n"
  "      <name>Gone</name>\n"
  "      <location city=\"Odense\"/>\n"
  "      <membership member=\"m-1\" since=\"2012\"/>\n"
  "    </organisation>\n"
  "  </organisations>\n"
  "  <contracts>\n"
  "    <contract id=\"c-1\" holder=\"o-a\" start=\"2019-01-01\" end=\"2020-12-31\" amount=\"8000000\" programme=\"p-1\">\n"
  "      <share source=\"fs-a\" percent=\"50\"/>\n"
  "      <share source=\"fs-b\" percent=\"50\"/>\n"
  "      <note>Two years.</note>\n"
  "    </contract>\n"
  "    <contract id=\"c-2\" holder=\"o-a\" start=\"2021-01-01\" end=\"2022-12-31\" amount=\"1000\" renews=\"c-1\">\n"
  "      <share source=\"fs-a\" percent=\"100\"/>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "  <programmes>\n"
  "    <programme id=\"p-1\" kind=\"cluster-programme\" start=\"2019-01-01\" end=\"2024-12-31\">\n"
  "      <name>Program 1</name>\n"
  "      <envelope source=\"fs-a\" start=\"2019-01-01\" end=\"2019-12-31\" amount=\"60000000\"/>\n"
  "      <designation organisation=\"o-a\" role=\"national-cluster\" area=\"Energiteknologi\" area-scheme=\"klyngeprogram-2021\" start=\"2019-01-01\" end=\"2024-12-31\"/>\n"
  "      <note>Invented.</note>\n"
  "    </programme>\n"
  "  </programmes>\n"
  "  <mergers>\n"
  "    <merger id=\"mg-1\" effective=\"2020-07-01\" successor=\"o-c\" kind=\"merger\" status=\"completed\">\n"
  "      <predecessor ref=\"o-b\"/>\n"
  "      <predecessor ref=\"o-d\"/>\n"
  "      <note>Two predecessors.</note>\n"
  "    </merger>\n"
  "  </mergers>\n"
  "  <initiatives>\n"
  "    <initiative id=\"i-0\" kind=\"event\" theme=\"professionalisation\" host=\"o-a\" start=\"2018\">\n"
  "      <title>Zero</title>\n"
  "    </initiative>\n"
  "    <initiative id=\"i-1\" kind=\"event\" theme=\"professionalisation\" host=\"o-a\" start=\"2019\" end=\"2019\" participants-count=\"10\">\n"
  "      <title>Camp</title>\n"
  "      <participant ref=\"o-b\"/>\n"
  "      <participant ref=\"x\"/>\n"
  "      <note>Ten came.</note>\n"
  "    </initiative>\n"
  "  </initiatives>\n"
  "</landscape>\n";

static const char after_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"fs-a\" kind=\"regional\">\n"
  "      <name>Styrelse Alfa</name>\n"
  "      <parent>Ministerium Alfa</parent>\n"
  "      <identifier scheme=\"lei\" value=\"213800KUD8LAJWSQ9D15\" since=\"2016\" until=\"2030\"/>\n"
  "      <source href=\"https://example.org/fs-a\" accessed=\"2026-12\"/>\n"
  "      <note>Agency, renamed.</note>\n"
  "    </funding-source>\n"
  "    <funding-source id=\"fs-b\" kind=\"regional\">\n"
  "      <name>Region B</name>\n"
  "    </funding-source>\n"
  "  </funding-sources>\n"
  "  <members>\n"
  "    <member id=\"m-1\" cvr=\"27355021\" kind=\"other\" size=\"large\">\n"
  "      <name>Eksempel A/S</name>\n"
  "      <source href=\"https://example.org/m-1\" accessed=\"2026-12\"/>\n"
  "      <note>A member with provenance, again.</note>\n"
  "    </member>\n"
  "    <member id=\"m-2\" kind=\"knowledge-institution\">\n"
  "      <name>Et Universitet</name>\n"
  "    </member>\n"
  "    <member id=\"x\" kind=\"company\">\n"
  "      <name>X, now a member</name>\n"
  "    </member>\n"
  "    <member id=\"m-4\" kind=\"company\">\n"
  "      <name>Ny Virksomhed</name>\n"
  "    </member>\n"
  "  </members>\n"
  "  <organisations>\n"
  "    <organisation id=\"o-new\" kind=\"cluster\" founded=\"2021\">\n"
  "      <name>Ny Klynge</name>\n"
  "      <location city=\"Vejle\"/>\n"
  "      <membership member=\"m-2\" since=\"2021\"/>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-a\" kind=\"innovation-network\" founded=\"2010-05\" dissolved=\"2029-12-31\" cvr=\"13585628\" member-list=\"complete\" known-until=\"2026\">\n"
  "      <name>Klynge Alfa</name>\n"
  "      <name-en>Cluster Alfa</name-en>\n"
  "      <website>https://alfa.example</website>\n"
  "      <identifier scheme=\"wikidata\" value=\"Q42\" since=\"2013\"/>\n"
  "      <location city=\"Aalborg\" address=\"Havnen 2\" role=\"office\" region=\"DK01\" municipality=\"101\"/>\n"
  "      <focus-area scheme=\"other\">Energiteknologi</focus-area>\n"
  "      <label level=\"gold\" awarded=\"2019-07\" valid-until=\"2022-07\"/>\n"
  "      <membership member=\"m-1\" since=\"2015-03-01\" until=\"2024-12-31\" role=\"partner\" end=\"left\"/>\n"
  "      <membership member=\"m-2\" since=\"2016-02\"/>\n"
  "      <membership member=\"m-4\" since=\"2020\"/>\n"
  "      <source href=\"https://example.org/a\" accessed=\"2026-12-01\"/>\n"
  "      <source href=\"https://example.org/a-2\"/>\n"
  "      <note>After.</note>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-b\" kind=\"innovation-network\" founded=\"2011\" dissolved=\"2020-06-30\">\n"
  "      <name>Netværk B</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-c\" kind=\"cluster\" founded=\"2020-07-01\">\n"
  "      <name>Klynge C</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-c2\" kind=\"cluster\" founded=\"2020-07-01\">\n"
  "      <name>Klynge C2</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-d\" kind=\"cluster\" founded=\"2011\" dissolved=\"2020-06-30\">\n"
  "      <name>Klynge D</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-e\" kind=\"cluster\" founded=\"2011\" dissolved=\"2020-06-30\">\n"
  "      <name>Klynge E</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-h\" kind=\"support-body\" founded=\"2000\">\n"
  "      <name>Holder</name>\n"
  "    </organisation>\n"
  "  </organisations>\n"
  "  <contracts>\n"
  "    <contract id=\"c-1\" holder=\"o-h\" start=\"2019-02-01\" end=\"2020-11-30\" amount=\"9000000\">\n"
  "      <share source=\"fs-a\" percent=\"40\"/>\n"
  "      <share source=\"fs-b\" percent=\"60\"/>\n"
  "      <note>Twenty-two months.</note>\n"
  "    </contract>\n"
  "    <contract id=\"c-2\" holder=\"o-a\" start=\"2021-01-01\" end=\"2022-12-31\">\n"
  "      <share source=\"fs-b\" percent=\"100\"/>\n"
  "      <note>The amount is not known.</note>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "  <programmes>\n"
  "    <programme id=\"p-1\" kind=\"other\" start=\"2019\" end=\"2025-12-31\">\n"
  "      <name>Programme One</name>\n"
  "      <envelope source=\"fs-a\" start=\"2019-01-01\" end=\"2019-06-30\" amount=\"50000000\"/>\n"
  "      <designation organisation=\"o-a\" role=\"national-cluster\" area=\"Vand\" area-scheme=\"other\" start=\"2019-01-01\"/>\n"
  "      <note>Still invented.</note>\n"
  "    </programme>\n"
  "  </programmes>\n"
  "  <mergers>\n"
  "    <merger id=\"mg-1\" effective=\"2020-07\" successor=\"o-c2\" kind=\"absorption\" status=\"agreed\">\n"
  "      <predecessor ref=\"o-b\"/>\n"
  "      <predecessor ref=\"o-e\"/>\n"
  "      <note>Two other predecessors.</note>\n"
  "    </merger>\n"
  "  </mergers>\n"
  "  <initiatives>\n"
  "    <initiative id=\"i-0\" kind=\"event\" theme=\"professionalisation\" host=\"o-a\" start=\"2018\">\n"
  "      <title>Zero</title>\n"
  "    </initiative>\n"
  "    <initiative id=\"i-1\" kind=\"network\" theme=\"branding\" host=\"o-h\" start=\"2019-03\" end=\"2019-10\" replaces=\"i-0\" participants-count=\"12\">\n"
  "      <title>Camp II</title>\n"
  "      <participant ref=\"o-b\"/>\n"
  "      <participant ref=\"x\"/>\n"
  "      <note>Twelve came.</note>\n"
  "    </initiative>\n"
  "  </initiatives>\n"
  "</landscape>\n";

static KlyngeLandscape *
load (const char *xml,
      const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape = klynge_landscape_load_bytes (bytes, name, NULL, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (landscape);
  return landscape;
}

static KlyngeDiff *
diff_of (const char *before,
         const char *after)
{
  g_autoptr(KlyngeLandscape) a = load (before, "before.xml");
  g_autoptr(KlyngeLandscape) b = load (after, "after.xml");

  return klynge_landscape_diff (a, b);
}

/* The change of @table's row (@record, @key) in @field (NULL: the row
 * added or removed), or NULL. */
static KlyngeChange *
find_change (KlyngeDiff *diff,
             const char *table,
             const char *record,
             const char *key,
             const char *field)
{
  for (guint i = 0; i < klynge_diff_get_n_changes (diff); i++)
    {
      KlyngeChange *change = klynge_diff_get_change (diff, i);

      if (strcmp (klynge_change_get_table (change), table) == 0
          && strcmp (klynge_change_get_record (change), record) == 0
          && g_strcmp0 (klynge_change_get_key (change), key) == 0
          && g_strcmp0 (klynge_change_get_field (change), field) == 0)
        return change;
      klynge_change_unref (change);
    }
  return NULL;
}

/* "kind table record [key] [field]" of every change of @table, one a
 * line, in order. */
static char *
changes_of_table (KlyngeDiff *diff,
                  const char *table)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klynge_diff_get_n_changes (diff); i++)
    {
      g_autoptr(KlyngeChange) change = klynge_diff_get_change (diff, i);
      g_autoptr(GEnumClass) kinds = g_type_class_ref (KLYNGE_TYPE_CHANGE_KIND);

      if (strcmp (klynge_change_get_table (change), table) != 0)
        continue;
      g_string_append_printf (out, "%s %s", g_enum_get_value (kinds, klynge_change_get_kind (change))->value_nick,
                              klynge_change_get_record (change));
      if (klynge_change_get_key (change) != NULL)
        g_string_append_printf (out, " [%s]", klynge_change_get_key (change));
      if (klynge_change_get_field (change) != NULL)
        g_string_append_printf (out, " %s", klynge_change_get_field (change));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_empty (KlyngeDiff *diff)
{
  g_autofree char *text = klynge_diff_to_text (diff);
  g_autofree char *csv = klynge_diff_to_csv (diff);

  ck_assert_msg (klynge_diff_is_empty (diff), "expected no changes, got:\n%s", text);
  ck_assert_uint_eq (klynge_diff_get_n_changes (diff), 0);
  ck_assert_str_eq (text, "");
  ck_assert_str_eq (csv, "change,table,record,key,field,old,new\r\n");
}

/* --- equal landscapes ------------------------------------------------------ */

START_TEST (test_a_landscape_and_itself_do_not_differ)
{
  g_autoptr(KlyngeLandscape) landscape = load (before_xml, "before.xml");
  g_autoptr(KlyngeDiff) diff = klynge_landscape_diff (landscape, landscape);

  assert_empty (diff);
}
END_TEST

START_TEST (test_two_loads_of_every_valid_fixture_do_not_differ)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/valid", ".xml");

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) a = klynge_landscape_load_file (g_ptr_array_index (files, i), &error);
      g_autoptr(KlyngeLandscape) b = klynge_landscape_load_file (g_ptr_array_index (files, i), &error);
      g_autoptr(KlyngeDiff) diff = NULL;

      ck_assert_no_error (error);
      diff = klynge_landscape_diff (a, b);
      assert_empty (diff);
    }
}
END_TEST

START_TEST (test_two_built_in_landscapes_do_not_differ)
{
  g_autoptr(KlyngeLandscape) a = klynge_landscape_new_default ();
  g_autoptr(KlyngeLandscape) b = klynge_landscape_new_default ();
  g_autoptr(KlyngeDiff) diff = klynge_landscape_diff (a, b);
  g_autoptr(GPtrArray) organisations = klynge_landscape_list (a, KLYNGE_TYPE_ORGANISATION);

  ck_assert_uint_gt (organisations->len, 0);
  assert_empty (diff);
}
END_TEST

/* Reading a member through the API gives it an object, which then holds
 * its fields: no difference for the diff. */
START_TEST (test_a_member_read_through_the_api_does_not_differ)
{
  g_autoptr(KlyngeLandscape) a = load (before_xml, "before.xml");
  g_autoptr(KlyngeLandscape) b = load (before_xml, "before.xml");
  g_autoptr(KlyngeDiff) diff = NULL;

  ck_assert_ptr_nonnull (klynge_landscape_lookup (b, "m-2"));
  ck_assert_ptr_nonnull (klynge_landscape_lookup (a, "m-3"));
  diff = klynge_landscape_diff (a, b);
  assert_empty (diff);
}
END_TEST

/* --- every kind of change ---------------------------------------------------- */

/* The key columns of each table, as the documentation of KlyngeDiff
 * states them. */
static const char * const key_columns[][5] = {
  { "organisation", "id", NULL },
  { "member", "id", NULL },
  { "membership", "organisation", "member", "since", NULL },
  { "funding-source", "id", NULL },
  { "contract", "id", NULL },
  { "share", "contract", "source", NULL },
  { "programme", "id", NULL },
  { "envelope", "programme", "source", "start", NULL },
  { "designation", "programme", "organisation", "role", "start" },
  { "merger", "id", NULL },
  { "initiative", "id", NULL },
  { "location", "organisation", "city", NULL },
  { "focus-area", "organisation", "focus_area", NULL },
  { "label", "organisation", "level", "awarded", NULL },
  { "predecessor", "merger", "ref", NULL },
  { "participant", "initiative", "ref", NULL },
  { "source", "record", "href", NULL },
  { "identifier", "record", "scheme", "value", NULL },
};

static gboolean
is_key_column (const char *table,
               const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_columns); i++)
    if (strcmp (key_columns[i][0], table) == 0)
      {
        for (guint k = 1; k < G_N_ELEMENTS (key_columns[i]) && key_columns[i][k] != NULL; k++)
          if (strcmp (key_columns[i][k], column) == 0)
            return TRUE;
        return FALSE;
      }
  ck_abort_msg ("the test does not know the keys of the table %s", table);
  return FALSE;
}

/* Every column of every table that is not a key, a date's precision or a
 * list that a child table repeats is compared, and is named as the
 * tables name it: the fixture changes each of them once. */
START_TEST (test_every_compared_column_of_every_table_is_found_by_its_name)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  const KlyngeTable *tables;
  guint n_tables;

  for (guint i = 0; i < klynge_diff_get_n_changes (diff); i++)
    {
      g_autoptr(KlyngeChange) change = klynge_diff_get_change (diff, i);

      if (klynge_change_get_kind (change) == KLYNGE_CHANGE_CHANGED)
        g_hash_table_add (found, g_strdup_printf ("%s.%s", klynge_change_get_table (change),
                                                  klynge_change_get_field (change)));
    }
  tables = _klynge_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    for (guint c = 0; c < tables[t].n_columns; c++)
      {
        const KlyngeColumn *column = &tables[t].columns[c];
        g_autofree char *name = g_strdup_printf ("%s.%s", tables[t].name, column->name);

        if (column->type == KLYNGE_COLUMN_PRECISION || column->type == KLYNGE_COLUMN_DECIMALS
            || column->type == KLYNGE_COLUMN_SHARE_ORE || column->type == KLYNGE_COLUMN_LIST
            || is_key_column (tables[t].name, column->name))
          continue;
        if (!g_hash_table_remove (found, name))
          g_string_append_printf (missing, " %s", name);
      }
  ck_assert_msg (missing->len == 0, "no change found in:%s", missing->str);
  ck_assert_msg (g_hash_table_size (found) == 0, "changes in columns that are not compared");
}
END_TEST

typedef struct {
  const char *table, *record, *key, *field, *old_value, *new_value;
} Expected;

/* Values as the tables hold them: dates in their own precision, øre,
 * percents with two decimals, nicks, NULL for an empty field. */
static const Expected expected_values[] = {
  { "organisation", "o-a", NULL, "founded", "2010", "2010-05" },
  { "organisation", "o-a", NULL, "dissolved", NULL, "2029-12-31" },
  { "organisation", "o-a", NULL, "member_list", "partial", "complete" },
  { "organisation", "o-a", NULL, "name_en", "Cluster A", "Cluster Alfa" },
  { "member", "m-1", NULL, "size", "sme", "large" },
  { "member", "m-1", NULL, "cvr", "13748136", "27355021" },
  { "membership", "o-a", "m-1|2015-03-01", "until", NULL, "2024-12-31" },
  { "membership", "o-a", "m-1|2015-03-01", "role", "member", "partner" },
  { "membership", "o-a", "m-1|2015-03-01", "end", NULL, "left" },
  { "contract", "c-1", NULL, "amount_ore", "800000000", "900000000" },
  { "contract", "c-2", NULL, "amount_ore", "100000", NULL },
  { "contract", "c-2", NULL, "renews", "c-1", NULL },
  { "share", "c-1", "fs-a", "percent", "50.00", "40.00" },
  { "envelope", "p-1", "fs-a|2019-01-01", "amount_ore", "6000000000", "5000000000" },
  { "designation", "p-1", "o-a|national-cluster|2019-01-01", "end", "2024-12-31", NULL },
  { "merger", "mg-1", NULL, "effective", "2020-07-01", "2020-07" },
  { "initiative", "i-1", NULL, "participants_count", "10", "12" },
  { "location", "o-a", "Aalborg", "municipality", "851", "101" },
  { "focus-area", "o-a", "Energiteknologi", "scheme", "klyngeprogram-2021", "other" },
  { "label", "o-a", "gold|2019-07", "valid_until", "2021-07", "2022-07" },
  { "participant", "i-1", "x", "kind", "organisation", "member" },
  { "source", "m-1", "https://example.org/m-1", "accessed", NULL, "2026-12" },
  { "identifier", "fs-a", "lei|213800KUD8LAJWSQ9D15", "until", NULL, "2030" },
};

START_TEST (test_changed_values_are_text_as_the_tables_hold_them)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  const Expected *e = &expected_values[_i];
  g_autoptr(KlyngeChange) change = find_change (diff, e->table, e->record, e->key, e->field);

  ck_assert_msg (change != NULL, "no change of %s %s %s %s", e->table, e->record, e->key, e->field);
  ck_assert_int_eq (klynge_change_get_kind (change), KLYNGE_CHANGE_CHANGED);
  ck_assert_pstr_eq (klynge_change_get_old_value (change), e->old_value);
  ck_assert_pstr_eq (klynge_change_get_new_value (change), e->new_value);
}
END_TEST

/* Rows only in one landscape are one change each, without a field; the
 * rows of an added or removed record come and go with it. */
static const struct {
  KlyngeChangeKind kind;
  const char *table, *record, *key;
} expected_rows[] = {
  { KLYNGE_CHANGE_ADDED, "organisation", "o-new", NULL },
  { KLYNGE_CHANGE_REMOVED, "organisation", "o-gone", NULL },
  { KLYNGE_CHANGE_REMOVED, "organisation", "x", NULL },
  { KLYNGE_CHANGE_ADDED, "member", "x", NULL },
  { KLYNGE_CHANGE_ADDED, "member", "m-4", NULL },
  { KLYNGE_CHANGE_REMOVED, "member", "m-3", NULL },
  { KLYNGE_CHANGE_ADDED, "membership", "o-new", "m-2|2021" },
  { KLYNGE_CHANGE_ADDED, "membership", "o-a", "m-4|2020" },
  { KLYNGE_CHANGE_REMOVED, "membership", "o-a", "m-3|2016-01" },
  { KLYNGE_CHANGE_REMOVED, "membership", "o-gone", "m-1|2012" },
  /* a since that changed makes another membership */
  { KLYNGE_CHANGE_REMOVED, "membership", "o-a", "m-2|2016" },
  { KLYNGE_CHANGE_ADDED, "membership", "o-a", "m-2|2016-02" },
  { KLYNGE_CHANGE_ADDED, "share", "c-2", "fs-b" },
  { KLYNGE_CHANGE_REMOVED, "share", "c-2", "fs-a" },
  { KLYNGE_CHANGE_ADDED, "location", "o-new", "Vejle" },
  { KLYNGE_CHANGE_REMOVED, "location", "o-gone", "Odense" },
  { KLYNGE_CHANGE_ADDED, "predecessor", "mg-1", "o-e" },
  { KLYNGE_CHANGE_REMOVED, "predecessor", "mg-1", "o-d" },
  { KLYNGE_CHANGE_ADDED, "source", "o-a", "https://example.org/a-2" },
  /* the sources of a member that is gone */
  { KLYNGE_CHANGE_REMOVED, "source", "m-3", "https://example.org/m-3" },
};

START_TEST (test_rows_only_in_one_landscape_are_added_or_removed)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  g_autoptr(KlyngeChange) change = find_change (diff, expected_rows[_i].table, expected_rows[_i].record,
                                                expected_rows[_i].key, NULL);

  ck_assert_msg (change != NULL, "no row %s %s %s", expected_rows[_i].table, expected_rows[_i].record,
                 expected_rows[_i].key);
  ck_assert_int_eq (klynge_change_get_kind (change), expected_rows[_i].kind);
  ck_assert_ptr_null (klynge_change_get_old_value (change));
  ck_assert_ptr_null (klynge_change_get_new_value (change));
}
END_TEST

/* --- order -------------------------------------------------------------------- */

START_TEST (test_changes_come_table_by_table_in_the_tables_order)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  const KlyngeTable *tables;
  guint n_tables, last = 0;

  tables = _klynge_tables (&n_tables);
  ck_assert_uint_gt (klynge_diff_get_n_changes (diff), 0);
  for (guint i = 0; i < klynge_diff_get_n_changes (diff); i++)
    {
      g_autoptr(KlyngeChange) change = klynge_diff_get_change (diff, i);
      guint t = 0;

      while (t < n_tables && strcmp (tables[t].name, klynge_change_get_table (change)) != 0)
        t++;
      ck_assert_uint_lt (t, n_tables);
      ck_assert_msg (t >= last, "%s after %s", tables[t].name, tables[last].name);
      last = t;
    }
}
END_TEST

/* Records in the newer landscape's order, then those only the older one
 * has in its order; a row's fields in column order. */
START_TEST (test_records_come_in_the_newer_order_then_the_removed_ones)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  g_autofree char *organisations = changes_of_table (diff, "organisation");
  g_autofree char *members = changes_of_table (diff, "member");

  ck_assert_str_eq (organisations,
                    "added o-new\n"
                    "changed o-a kind\n"
                    "changed o-a founded\n"
                    "changed o-a dissolved\n"
                    "changed o-a known_until\n"
                    "changed o-a cvr\n"
                    "changed o-a member_list\n"
                    "changed o-a name\n"
                    "changed o-a name_en\n"
                    "changed o-a website\n"
                    "changed o-a note\n"
                    "removed x\n"
                    "removed o-gone\n");
  ck_assert_str_eq (members,
                    "changed m-1 cvr\n"
                    "changed m-1 kind\n"
                    "changed m-1 size\n"
                    "changed m-1 name\n"
                    "changed m-1 note\n"
                    "added x\n"
                    "added m-4\n"
                    "removed m-3\n");
}
END_TEST

/* Memberships organisation by organisation, then by member in the newer
 * landscape's order of members (those it no longer has after them), then
 * by since. */
START_TEST (test_memberships_come_by_organisation_member_and_since)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  g_autofree char *memberships = changes_of_table (diff, "membership");

  ck_assert_str_eq (memberships,
                    "added o-new [m-2|2021]\n"
                    "changed o-a [m-1|2015-03-01] until\n"
                    "changed o-a [m-1|2015-03-01] role\n"
                    "changed o-a [m-1|2015-03-01] end\n"
                    "removed o-a [m-2|2016]\n"
                    "added o-a [m-2|2016-02]\n"
                    "added o-a [m-4|2020]\n"
                    "removed o-a [m-3|2016-01]\n"
                    "removed o-gone [m-1|2012]\n");
}
END_TEST

/* The same memberships with the members listed in another order: the
 * walk sorts the older slots by the newer order first. */
START_TEST (test_members_listed_in_another_order_make_no_difference)
{
  static const char forward[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><members>"
    "<member id=\"m-1\" kind=\"company\"><name>A</name></member>"
    "<member id=\"m-2\" kind=\"company\"><name>B</name></member>"
    "<member id=\"m-3\" kind=\"company\"><name>C</name></member>"
    "</members><organisations><organisation id=\"o\" kind=\"cluster\"><name>O</name>"
    "<membership member=\"m-1\" since=\"2015\"/><membership member=\"m-2\" since=\"2016\"/>"
    "<membership member=\"m-2\" since=\"2018\"/><membership member=\"m-3\" since=\"2017\"/>"
    "</organisation></organisations></landscape>";
  static const char backward[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><members>"
    "<member id=\"m-3\" kind=\"company\"><name>C</name></member>"
    "<member id=\"m-2\" kind=\"company\"><name>B</name></member>"
    "<member id=\"m-1\" kind=\"company\"><name>A</name></member>"
    "</members><organisations><organisation id=\"o\" kind=\"cluster\"><name>O</name>"
    "<membership member=\"m-3\" since=\"2017\"/><membership member=\"m-2\" since=\"2018\"/>"
    "<membership member=\"m-2\" since=\"2016\" until=\"2016-12-31\"/><membership member=\"m-1\" since=\"2015\"/>"
    "</organisation></organisations></landscape>";
  g_autoptr(KlyngeDiff) diff = diff_of (forward, backward);
  g_autofree char *memberships = changes_of_table (diff, "membership");

  ck_assert_str_eq (memberships, "changed o [m-2|2016] until\n");
  ck_assert_uint_eq (klynge_diff_get_n_changes (diff), 1);
}
END_TEST

/* Two rows of a record with the same key: the first meets the first. */
START_TEST (test_rows_with_the_same_key_are_paired_in_order)
{
  static const char two[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><organisations>"
    "<organisation id=\"o\" kind=\"cluster\"><name>O</name>"
    "<location city=\"Aarhus\" address=\"Vej 1\"/><location city=\"Aarhus\" address=\"Vej 2\"/>"
    "</organisation></organisations></landscape>";
  static const char three[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><organisations>"
    "<organisation id=\"o\" kind=\"cluster\"><name>O</name>"
    "<location city=\"Aarhus\" address=\"Vej 1\"/><location city=\"Aarhus\" address=\"Vej 3\"/>"
    "<location city=\"Aarhus\" address=\"Vej 4\"/>"
    "</organisation></organisations></landscape>";
  g_autoptr(KlyngeDiff) diff = diff_of (two, three);
  g_autofree char *locations = changes_of_table (diff, "location");
  g_autoptr(KlyngeChange) change = find_change (diff, "location", "o", "Aarhus", "address");

  ck_assert_str_eq (locations, "changed o [Aarhus] address\nadded o [Aarhus]\n");
  ck_assert_str_eq (klynge_change_get_old_value (change), "Vej 2");
  ck_assert_str_eq (klynge_change_get_new_value (change), "Vej 3");
}
END_TEST

/* What one diff adds, the diff the other way round removes. */
START_TEST (test_the_diff_backwards_swaps_added_and_removed)
{
  g_autoptr(KlyngeDiff) forward = diff_of (before_xml, after_xml);
  g_autoptr(KlyngeDiff) backward = diff_of (after_xml, before_xml);
  guint counts[2][3] = { { 0 } };

  for (guint d = 0; d < 2; d++)
    {
      KlyngeDiff *diff = d == 0 ? forward : backward;

      for (guint i = 0; i < klynge_diff_get_n_changes (diff); i++)
        {
          g_autoptr(KlyngeChange) change = klynge_diff_get_change (diff, i);
          g_autoptr(KlyngeChange) mirror = NULL;
          KlyngeDiff *other = d == 0 ? backward : forward;

          counts[d][klynge_change_get_kind (change)]++;
          mirror = find_change (other, klynge_change_get_table (change), klynge_change_get_record (change),
                                klynge_change_get_key (change), klynge_change_get_field (change));
          ck_assert_ptr_nonnull (mirror);
          if (klynge_change_get_kind (change) == KLYNGE_CHANGE_CHANGED)
            {
              ck_assert_pstr_eq (klynge_change_get_old_value (mirror), klynge_change_get_new_value (change));
              ck_assert_pstr_eq (klynge_change_get_new_value (mirror), klynge_change_get_old_value (change));
            }
          else
            ck_assert_int_ne (klynge_change_get_kind (mirror), klynge_change_get_kind (change));
        }
    }
  ck_assert_uint_eq (counts[0][KLYNGE_CHANGE_ADDED], counts[1][KLYNGE_CHANGE_REMOVED]);
  ck_assert_uint_eq (counts[0][KLYNGE_CHANGE_REMOVED], counts[1][KLYNGE_CHANGE_ADDED]);
  ck_assert_uint_eq (counts[0][KLYNGE_CHANGE_CHANGED], counts[1][KLYNGE_CHANGE_CHANGED]);
}
END_TEST

/* --- the writers ------------------------------------------------------------------ */

static const char quoted_before[] =
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><organisations>"
  "<organisation id=\"o\" kind=\"cluster\"><name>Klynge, \"A\"</name><note>One</note></organisation>"
  "</organisations></landscape>";
static const char quoted_after[] =
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><organisations>"
  "<organisation id=\"o\" kind=\"cluster\"><name>Klynge A</name><location city=\"Aarhus|Nord\"/>"
  "<note>One\ntwo\tthree</note></organisation>"
  "</organisations></landscape>";

START_TEST (test_csv_quotes_as_rfc_4180_and_keys_escape_the_separator)
{
  g_autoptr(KlyngeDiff) diff = diff_of (quoted_before, quoted_after);
  g_autofree char *csv = klynge_diff_to_csv (diff);

  ck_assert_str_eq (csv,
                    "change,table,record,key,field,old,new\r\n"
                    "changed,organisation,o,,name,\"Klynge, \"\"A\"\"\",Klynge A\r\n"
                    "changed,organisation,o,,note,One,\"One\ntwo\tthree\"\r\n"
                    "added,location,o,Aarhus\\|Nord,,,\r\n");
}
END_TEST

START_TEST (test_text_counts_each_table_and_keeps_each_field_on_its_line)
{
  g_autoptr(KlyngeDiff) diff = diff_of (quoted_before, quoted_after);
  g_autofree char *text = klynge_diff_to_text (diff);

  ck_assert_str_eq (text,
                    "organisation: 1 changed\n"
                    "  changed o\n"
                    "    name: Klynge, \"A\" → Klynge A\n"
                    "    note: One → One\\ntwo\\tthree\n"
                    "\n"
                    "location: 1 added\n"
                    "  added o (city Aarhus|Nord)\n");
}
END_TEST

START_TEST (test_text_gives_memberships_per_organisation_with_those_that_ended)
{
  g_autoptr(KlyngeDiff) diff = diff_of (before_xml, after_xml);
  g_autofree char *text = klynge_diff_to_text (diff);

  ck_assert_msg (strstr (text,
                         "membership: 3 added, 3 removed, 1 ended\n"
                         "  o-new: 1 added\n"
                         "    added m-2 since 2021\n"
                         "  o-a: 2 added, 2 removed, 1 ended\n"
                         "    ended m-1 since 2015-03-01\n"
                         "      until: (none) → 2024-12-31\n"
                         "      role: member → partner\n"
                         "      end: (none) → left\n"
                         "    removed m-2 since 2016\n") != NULL, "%s", text);
}
END_TEST

START_TEST (test_a_change_past_the_end_is_a_programmer_error)
{
  g_autoptr(KlyngeDiff) diff = diff_of (quoted_before, quoted_after);
  guint n = klynge_diff_get_n_changes (diff);

  ck_assert_uint_eq (n, 3);
  assert_critical (ck_assert_ptr_null (klynge_diff_get_change (diff, n)));
}
END_TEST

static Suite *
diff_suite (void)
{
  Suite *s = suite_create ("diff");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_a_landscape_and_itself_do_not_differ);
  tcase_add_test (tc, test_two_loads_of_every_valid_fixture_do_not_differ);
  tcase_add_test (tc, test_two_built_in_landscapes_do_not_differ);
  tcase_add_test (tc, test_a_member_read_through_the_api_does_not_differ);
  tcase_add_test (tc, test_every_compared_column_of_every_table_is_found_by_its_name);
  tcase_add_loop_test (tc, test_changed_values_are_text_as_the_tables_hold_them, 0, G_N_ELEMENTS (expected_values));
  tcase_add_loop_test (tc, test_rows_only_in_one_landscape_are_added_or_removed, 0, G_N_ELEMENTS (expected_rows));
  tcase_add_test (tc, test_changes_come_table_by_table_in_the_tables_order);
  tcase_add_test (tc, test_records_come_in_the_newer_order_then_the_removed_ones);
  tcase_add_test (tc, test_memberships_come_by_organisation_member_and_since);
  tcase_add_test (tc, test_members_listed_in_another_order_make_no_difference);
  tcase_add_test (tc, test_rows_with_the_same_key_are_paired_in_order);
  tcase_add_test (tc, test_the_diff_backwards_swaps_added_and_removed);
  tcase_add_test (tc, test_csv_quotes_as_rfc_4180_and_keys_escape_the_separator);
  tcase_add_test (tc, test_text_counts_each_table_and_keeps_each_field_on_its_line);
  tcase_add_test (tc, test_text_gives_memberships_per_organisation_with_those_that_ended);
  tcase_add_test (tc, test_a_change_past_the_end_is_a_programmer_error);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return klynge_test_run (diff_suite ());
}
