/* test-table-load.c: a landscape from tables (issue 18)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-test.h"

/* Tables from pairs of name and CSV text, NULL-terminated. */
static GHashTable *
tables_new (const char * const *pairs)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_bytes_unref);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    g_hash_table_insert (tables, g_strdup (pairs[i]),
                         g_bytes_new (pairs[i + 1], strlen (pairs[i + 1])));
  return tables;
}

static char *
canonical (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = klynge_landscape_save_bytes (landscape, &error);

  ck_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every table of @landscape, as the export writes them. */
static GHashTable *
export_tables (KlyngeLandscape *landscape)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_bytes_unref);
  const char * const *kinds = klynge_landscape_export_csv_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GBytes *bytes = klynge_landscape_export_csv_bytes (landscape, kinds[i], &error);

      ck_assert_no_error (error);
      g_hash_table_insert (tables, g_strdup (kinds[i]), bytes);
    }
  return tables;
}

/* XML → canonical XML (A); XML → every table → landscape → canonical
 * XML (B); A and B are the same bytes. */
static void
assert_round_trip (KlyngeLandscape *landscape,
                   const char      *what)
{
  g_autoptr(GHashTable) tables = export_tables (landscape);
  g_autoptr(KlyngeLandscape) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = canonical (landscape);
  g_autofree char *b = NULL;

  again = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert_msg (again != NULL, "%s: %s", what, error ? error->message : "");
  b = canonical (again);
  if (strcmp (a, b) != 0)
    {
      g_auto(GStrv) la = g_strsplit (a, "\n", -1);
      g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
      guint i;

      /* the first line that differs says what the tables lost */
      for (i = 0; la[i] != NULL && lb[i] != NULL && strcmp (la[i], lb[i]) == 0; i++)
        ;
      ck_abort_msg ("%s: the round trip through tables changes line %u of the document:\n"
                    "  XML:    %s\n  tables: %s", what, i + 1,
                    la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
    }
}

static char **valid_files;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
list_valid_files (void)
{
  g_autofree char *dir_path = klynge_test_path ("tests/data/valid");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  valid_files = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

START_TEST (test_every_valid_fixture_round_trips_through_tables_exactly)
{
  g_autofree char *relative = g_build_filename ("tests/data/valid", valid_files[_i], NULL);
  g_autofree char *path = klynge_test_path (relative);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  landscape = klynge_landscape_load_file (path, &error);
  ck_assert_no_error (error);
  assert_round_trip (landscape, valid_files[_i]);
}
END_TEST

START_TEST (test_the_built_in_landscape_round_trips_through_tables_exactly)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();

  assert_round_trip (landscape, "default");
}
END_TEST

/* --- tables written by hand ---------------------------------------------- */

/* The same landscape as a document and as three hand-written tables with
 * only some columns, in an order of their own, LF row ends. */
static const char member_list_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <members>\n"
  "    <member id=\"m-1\" cvr=\"10150817\" kind=\"company\"><name>Vestas, \"Wind\"</name></member>\n"
  "    <member id=\"m-2\" kind=\"knowledge-institution\" size=\"large\"><name>Aarhus Universitet</name></member>\n"
  "  </members>\n"
  "  <organisations>\n"
  "    <organisation id=\"c-1\" kind=\"cluster\" founded=\"2014\">\n"
  "      <name>Energy Cluster</name>\n"
  "      <membership member=\"m-1\" since=\"2015-03\"/>\n"
  "      <membership member=\"m-2\"/>\n"
  "    </organisation>\n"
  "    <organisation id=\"c-2\" kind=\"innovation-network\">\n"
  "      <name>Water Network</name>\n"
  "      <membership member=\"m-1\" until=\"2020-12-31\" end=\"left\"/>\n"
  "    </organisation>\n"
  "  </organisations>\n"
  "</landscape>\n";

static const char * const member_list_tables[] = {
  "organisation", "id,kind,name,founded\n"
                  "c-1,cluster,Energy Cluster,2014\n"
                  "c-2,innovation-network,Water Network,\n",
  "member", "name,id,kind,cvr,size\n"
            "\"Vestas, \"\"Wind\"\"\",m-1,company,10150817,\n"
            "Aarhus Universitet,m-2,knowledge-institution,,large\n",
  "membership", "member,organisation,since,until,end\r\n"
                "m-1,c-1,2015-03,,\r\n"
                "m-2,c-1,,,\r\n"
                "m-1,c-2,,2020-12-31,left\r\n",
  NULL
};

START_TEST (test_a_member_list_alone_makes_a_landscape_with_columns_in_any_order)
{
  g_autoptr(GHashTable) tables = tables_new (member_list_tables);
  g_autoptr(GBytes) xml = g_bytes_new_static (member_list_xml, sizeof member_list_xml - 1);
  g_autoptr(KlyngeLandscape) expected = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;

  expected = klynge_landscape_load_bytes (xml, "expected", NULL, &error);
  ck_assert_no_error (error);
  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert_no_error (error);
  a = canonical (expected);
  b = canonical (landscape);
  ck_assert_str_eq (b, a);
}
END_TEST

START_TEST (test_a_directory_of_tables_loads_and_other_files_are_ignored)
{
  g_autofree char *dir = g_dir_make_tmp ("klynge-tables-XXXXXX", NULL);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeLandscape) expected = NULL;
  g_autoptr(GBytes) xml = g_bytes_new_static (member_list_xml, sizeof member_list_xml - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autofree char *other = g_build_filename (dir, "datapackage.json", NULL);
  g_autofree char *hidden = g_build_filename (dir, "._organisation.csv", NULL);

  for (guint i = 0; member_list_tables[i] != NULL; i += 2)
    {
      g_autofree char *name = g_strconcat (member_list_tables[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      ck_assert (g_file_set_contents (path, member_list_tables[i + 1], -1, NULL));
    }
  ck_assert (g_file_set_contents (other, "{ not even json", -1, NULL));
  /* a Mac's AppleDouble file is hidden, and no table */
  ck_assert (g_file_set_contents (hidden, "\x00\x05\x16\x07", 4, NULL));
  landscape = klynge_landscape_load_tables (dir, NULL, NULL, &error);
  ck_assert_no_error (error);
  expected = klynge_landscape_load_bytes (xml, "expected", NULL, &error);
  a = canonical (expected);
  b = canonical (landscape);
  ck_assert_str_eq (b, a);

  for (guint i = 0; member_list_tables[i] != NULL; i += 2)
    {
      g_autofree char *name = g_strconcat (member_list_tables[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_unlink (other);
  g_unlink (hidden);
  g_rmdir (dir);
}
END_TEST

/* A device or a FIFO has no size to cap before it is read. */
START_TEST (test_a_table_that_is_no_regular_file_is_refused_unread)
{
  g_autofree char *dir = g_dir_make_tmp ("klynge-tables-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (dir, "organisation.csv", NULL);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (symlink ("/dev/zero", link), 0);
  landscape = klynge_landscape_load_tables (dir, NULL, NULL, &error);
  ck_assert (landscape == NULL);
  ck_assert_msg (strstr (error->message, "not a regular file") != NULL, "%s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  g_unlink (link);
  g_rmdir (dir);
}
END_TEST

/* Without their child tables, list columns give the values: cities make
 * locations with only a city, focus areas have no scheme, sources no
 * accessed date, predecessors are refs. Money may be `amount` in kroner
 * as the XML writes it; a date without a precision column may be partial. */
static const char lists_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"f\" kind=\"national-agency\"><name>Fonden</name></funding-source>\n"
  "  </funding-sources>\n"
  "  <organisations>\n"
  "    <organisation id=\"a\" kind=\"cluster\" founded=\"2010\" dissolved=\"2019-12-31\">\n"
  "      <name>A</name>\n"
  "      <location city=\"Aarhus\"/><location city=\"Vejle|Fredericia\"/>\n"
  "      <focus-area>energi</focus-area><focus-area>vand</focus-area>\n"
  "      <source href=\"https://example.org/a\"/>\n"
  "      <note>Two lines,\nand a \"quote\".</note>\n"
  "    </organisation>\n"
  "    <organisation id=\"b\" kind=\"cluster\" founded=\"2020-01-01\"><name>B</name></organisation>\n"
  "  </organisations>\n"
  "  <contracts>\n"
  "    <contract id=\"k\" holder=\"b\" start=\"2020-01\" end=\"2021-12\" amount=\"1250000.50\">\n"
  "      <share source=\"f\" percent=\"100.00\"/>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "  <mergers>\n"
  "    <merger id=\"x\" effective=\"2020-01-01\" successor=\"b\" kind=\"absorption\" status=\"completed\">\n"
  "      <predecessor ref=\"a\"/>\n"
  "    </merger>\n"
  "  </mergers>\n"
  "</landscape>\n";

static const char * const lists_tables[] = {
  "organisation", "id,kind,name,founded,dissolved,dissolved_precision,cities,focus_areas,sources,note\n"
                  "a,cluster,A,2010,2019-12-31,day,Aarhus|Vejle\\|Fredericia,energi|vand,"
                  "https://example.org/a,\"Two lines,\nand a \"\"quote\"\".\"\n"
                  "b,cluster,B,2020-01-01,,,,,,\n",
  "funding-source", "id,kind,name\nf,national-agency,Fonden\n",
  "contract", "id,holder,start,start_precision,end,amount\nk,b,2020-01-01,month,2021-12,1250000.50\n",
  "share", "contract,source,percent\nk,f,100.00\n",
  "merger", "id,effective,successor,kind,status,predecessors\nx,2020-01-01,b,absorption,completed,a\n",
  NULL
};

START_TEST (test_list_columns_stand_in_for_their_tables_and_kroner_for_ore)
{
  g_autoptr(GHashTable) tables = tables_new (lists_tables);
  g_autoptr(GBytes) xml = g_bytes_new_static (lists_xml, sizeof lists_xml - 1);
  g_autoptr(KlyngeLandscape) expected = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;

  expected = klynge_landscape_load_bytes (xml, "expected", NULL, &error);
  ck_assert_no_error (error);
  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert_no_error (error);
  a = canonical (expected);
  b = canonical (landscape);
  ck_assert_str_eq (b, a);
}
END_TEST

/* A quoted field over several lines moves the lines of what follows. */
START_TEST (test_lines_count_the_line_breaks_inside_quoted_fields)
{
  static const char * const pairs[] = {
    "organisation", "id,kind,name\r\n"
                    "a,cluster,\"one\r\ntwo\r\nthree\"\r\n"
                    "b,klynge,B\r\n",
    NULL
  };
  g_autoptr(GHashTable) tables = tables_new (pairs);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert (landscape == NULL);
  ck_assert_msg (g_str_has_prefix (error->message, "organisation.csv:5:2: "), "%s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ENUM);
}
END_TEST

START_TEST (test_a_directory_that_cannot_be_read_is_an_io_error)
{
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  landscape = klynge_landscape_load_tables ("/nonexistent/klynge-tables", NULL, NULL, &error);
  ck_assert (landscape == NULL);
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
}
END_TEST

START_TEST (test_a_cancelled_load_is_cancelled)
{
  g_autoptr(GHashTable) tables = tables_new (member_list_tables);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, cancellable, &error);
  ck_assert (landscape == NULL);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

static void
on_tables_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static KlyngeLandscape *
load_tables_async (const char    *directory,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  klynge_landscape_load_tables_async (directory, NULL, cancellable, on_tables_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return klynge_landscape_load_tables_finish (result, error);
}

START_TEST (test_a_directory_loads_in_a_worker_thread_as_it_loads_here)
{
  g_autofree char *dir = klynge_test_path ("tests/data/tables");
  g_autoptr(KlyngeLandscape) here = NULL;
  g_autoptr(KlyngeLandscape) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;

  here = klynge_landscape_load_tables (dir, NULL, NULL, &error);
  ck_assert_no_error (error);
  there = load_tables_async (dir, NULL, &error);
  ck_assert_no_error (error);
  a = canonical (here);
  b = canonical (there);
  ck_assert_str_eq (b, a);
}
END_TEST

START_TEST (test_a_cancelled_load_in_a_worker_thread_is_cancelled)
{
  g_autofree char *dir = klynge_test_path ("tests/data/tables");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  landscape = load_tables_async (dir, cancellable, &error);
  ck_assert (landscape == NULL);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

/* --- bad tables ----------------------------------------------------------- */

#define ORGS "organisation", "id,kind,name\nc-1,cluster,Energy\n"
#define MEMBERS "member", "id,kind,name\nm-1,company,Vestas\n"

typedef struct {
  const char *what;
  const char *tables[12];
  int code;
  const char *where;     /* the first problem's position */
} BadCase;

static const BadCase bad_cases[] = {
  { "an empty table has no header", { "organisation", "" },
    KLYNGE_ERROR_TABLE_HEADER, "organisation.csv:1:1: " },
  { "a header without a required column", { "organisation", "id,name\nc-1,Energy\n" },
    KLYNGE_ERROR_TABLE_HEADER, "organisation.csv:1:1: " },
  { "a column twice", { "organisation", "id,kind,name,kind\nc-1,cluster,E,x\n" },
    KLYNGE_ERROR_TABLE_HEADER, "organisation.csv:1:4: " },
  { "a header with an empty name", { "organisation", "id,kind,,name\nc-1,cluster,,E\n" },
    KLYNGE_ERROR_TABLE_HEADER, "organisation.csv:1:3: " },
  { "amount and amount_ore both",
    { "organisation", "id,kind,name\nc-1,cluster,E\n",
      "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount,amount_ore\nk,c-1,2020,2021,1,100\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_TABLE_HEADER, "contract.csv:1:6: " },
  { "an unknown column", { "organisation", "id,kind,name,colour\nc-1,cluster,E,red\n" },
    KLYNGE_ERROR_UNKNOWN_COLUMN, "organisation.csv:1:4: " },
  { "an unknown table", { ORGS, "organisations", "id\n" },
    KLYNGE_ERROR_UNKNOWN_TABLE, "organisations.csv: " },
  { "memberships without members", { ORGS, "membership", "organisation,member\nc-1,m-1\n" },
    KLYNGE_ERROR_MISSING_TABLE, "membership.csv: " },
  { "no table at all", { NULL }, KLYNGE_ERROR_MISSING_TABLE, "there are no tables" },
  { "an unclosed quote", { "organisation", "id,kind,name\nc-1,cluster,\"Energy\n" },
    KLYNGE_ERROR_TABLE_SYNTAX, "organisation.csv:2:3: " },
  { "text after a closing quote", { "organisation", "id,kind,name\nc-1,\"cluster\"x,E\n" },
    KLYNGE_ERROR_TABLE_SYNTAX, "organisation.csv:2:2: " },
  { "a quote in an unquoted field", { "organisation", "id,kind,name\nc-1,cluster,5\" x\n" },
    KLYNGE_ERROR_TABLE_SYNTAX, "organisation.csv:2:3: " },
  { "too few fields", { "organisation", "id,kind,name\nc-1,cluster\n" },
    KLYNGE_ERROR_TABLE_SYNTAX, "organisation.csv:2:2: " },
  { "too many fields", { "organisation", "id,kind,name\nc-1,cluster,E,x\n" },
    KLYNGE_ERROR_TABLE_SYNTAX, "organisation.csv:2:4: " },
  { "a byte order mark", { "organisation", "\xef\xbb\xbfid,kind,name\nc-1,cluster,E\n" },
    KLYNGE_ERROR_ENCODING, "organisation.csv:1:1: " },
  { "invalid UTF-8", { "organisation", "id,kind,name\nc-1,cluster,Energ\xff\n" },
    KLYNGE_ERROR_ENCODING, "organisation.csv:2:3: " },
  { "a control character", { "organisation", "id,kind,name\nc-1,cluster,Energ\x01y\n" },
    KLYNGE_ERROR_ENCODING, "organisation.csv:2:3: " },
  { "a bad date", { "organisation", "id,kind,name,founded\nc-1,cluster,E,2014-13\n" },
    KLYNGE_ERROR_BAD_DATE, "organisation.csv:2:4: " },
  { "a date that is not the first day its precision says",
    { "organisation", "id,kind,name,founded,founded_precision\nc-1,cluster,E,2014-05-09,year\n" },
    KLYNGE_ERROR_BAD_DATE, "organisation.csv:2:4: " },
  { "a precision that is no precision",
    { "organisation", "id,kind,name,founded,founded_precision\nc-1,cluster,E,2014-01-01,week\n" },
    KLYNGE_ERROR_BAD_DATE, "organisation.csv:2:5: " },
  { "a bad CVR number", { "member", "id,kind,name,cvr\nm-1,company,V,12345678\n" },
    KLYNGE_ERROR_BAD_CVR, "member.csv:2:4: " },
  { "a bad amount in øre",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore\nk,c-1,2020,2021,12.50\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:5: " },
  { "a bad amount in kroner",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount\nk,c-1,2020,2021,12.505\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:5: " },
  { "decimals that are not 0, 1 or 2",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore,amount_decimals\nk,c-1,2020,2021,100,3\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:6: " },
  { "øre that the stated decimals cannot show",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore,amount_decimals\nk,c-1,2020,2021,150,0\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:6: " },
  { "decimals without an amount",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore,amount_decimals,note\nk,c-1,2020,2021,,1,unknown\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:6: " },
  { "decimals beside an amount in kroner",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount,amount_decimals\nk,c-1,2020,2021,1.5,1\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:6: " },
  { "a bad enum", { "organisation", "id,kind,name\nc-1,klynge,E\n" },
    KLYNGE_ERROR_BAD_ENUM, "organisation.csv:2:2: " },
  { "a member size written as its absent word", { "member", "id,kind,name,size\nm-1,company,V,unknown\n" },
    KLYNGE_ERROR_BAD_ENUM, "member.csv:2:4: " },
  { "an empty required cell", { "organisation", "id,kind,name\nc-1,,E\n" },
    KLYNGE_ERROR_MISSING_ATTRIBUTE, "organisation.csv:2:2: " },
  { "an empty name, an element in the XML", { "organisation", "id,kind,name\nc-1,cluster,\n" },
    KLYNGE_ERROR_MISSING_ELEMENT, "organisation.csv:2:3: " },
  { "more øre than an amount can be",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore\nk,c-1,2020,2021,99999999999999999999\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_MONEY, "contract.csv:2:5: " },
  { "a bad id", { "organisation", "id,kind,name\n1 x,cluster,E\n" },
    KLYNGE_ERROR_BAD_ID, "organisation.csv:2:1: " },
  { "an unknown member", { ORGS, MEMBERS, "membership", "organisation,member\nc-1,m-2\n" },
    KLYNGE_ERROR_UNRESOLVED_REFERENCE, "membership.csv:2:2: " },
  { "a membership of an unknown organisation", { ORGS, MEMBERS, "membership", "organisation,member\nc-9,m-1\n" },
    KLYNGE_ERROR_UNRESOLVED_REFERENCE, "membership.csv:2:1: " },
  { "a member where an organisation belongs", { ORGS, MEMBERS, "membership", "organisation,member\nm-1,m-1\n" },
    KLYNGE_ERROR_WRONG_REFERENCE_KIND, "membership.csv:2:1: " },
  { "a membership twice", { ORGS, MEMBERS, "membership", "organisation,member,since\nc-1,m-1,2015\nc-1,m-1,2015\n" },
    KLYNGE_ERROR_DUPLICATE_MEMBERSHIP, "membership.csv:3:2: " },
  { "a membership that ends before it begins",
    { ORGS, MEMBERS, "membership", "organisation,member,since,until\nc-1,m-1,2018,2017\n" },
    KLYNGE_ERROR_BAD_PERIOD, "membership.csv:2:4: " },
  { "a contract that ends before it starts",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore\nk,c-1,2021,2020,100\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_BAD_PERIOD, "contract.csv:2:3: " },
  { "a contract renewing one that is not there",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore,renews\nk,c-1,2020,2021,100,k0\n",
      "share", "contract,source,percent\nk,f,100\n" },
    KLYNGE_ERROR_UNRESOLVED_REFERENCE, "contract.csv:2:6: " },
  { "a source of a record that is not there", { ORGS, "source", "record,href\nzz,https://example.org\n" },
    KLYNGE_ERROR_UNRESOLVED_REFERENCE, "source.csv:2:1: " },
  { "a duplicate id", { "organisation", "id,kind,name\nc-1,cluster,E\nc-1,cluster,F\n" },
    KLYNGE_ERROR_DUPLICATE_ID, "organisation.csv:3:1: " },
  { "ids are one namespace", { ORGS, "member", "id,kind,name\nc-1,company,V\n" },
    KLYNGE_ERROR_DUPLICATE_ID, "organisation.csv:2:1: " },
  { "shares not summing to 100.00",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\ng,eu-programme,G\n",
      "contract", "id,holder,start,end,amount_ore\nk,c-1,2020,2021,100\n",
      "share", "contract,source,percent\nk,f,50.00\nk,g,49.99\n" },
    KLYNGE_ERROR_SHARES_NOT_100, "contract.csv:2:1: " },
  { "a share's øre that are not the library's split",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\ng,national-agency,G\n",
      "contract", "id,holder,start,end,amount_ore\nk,c-1,2020,2021,100\n",
      "share", "contract,source,percent,amount_ore\nk,f,50,50\nk,g,50,49\n" },
    KLYNGE_ERROR_INCONSISTENT, "share.csv:3:4: " },
  { "a share's øre of a contract whose amount is not known",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,note\nk,c-1,2020,2021,not published\n",
      "share", "contract,source,percent,amount_ore\nk,f,100,100\n" },
    KLYNGE_ERROR_INCONSISTENT, "share.csv:2:4: " },
  { "a contract without shares",
    { ORGS, "funding-source", "id,kind,name\nf,national-agency,F\n",
      "contract", "id,holder,start,end,amount_ore\nk,c-1,2020,2021,100\n",
      "share", "contract,source,percent\n" },
    KLYNGE_ERROR_MISSING_ELEMENT, "contract.csv:2:1: " },
  { "a list column that disagrees with its table",
    { "organisation", "id,kind,name,cities\nc-1,cluster,E,Aarhus|Vejle\n",
      "location", "organisation,city\nc-1,Aarhus\n" },
    KLYNGE_ERROR_INCONSISTENT, "organisation.csv:2:4: " },
};

START_TEST (test_a_bad_table_gets_its_code_and_place)
{
  const BadCase *bad = &bad_cases[_i];
  g_autoptr(GHashTable) tables = tables_new (bad->tables);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert_msg (landscape == NULL, "%s: loaded", bad->what);
  ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR && error->code == bad->code,
                 "%s: expected code %d, got %d: %s", bad->what, bad->code,
                 error ? error->code : -1, error ? error->message : "");
  ck_assert_msg (g_str_has_prefix (error->message, bad->where),
                 "%s: expected the place %s, got: %s", bad->what, bad->where, error->message);
}
END_TEST

/* Every problem is listed, of every table, each on a line of its own. */
START_TEST (test_every_problem_of_every_table_is_listed_at_once)
{
  static const char * const pairs[] = {
    "organisation", "id,kind,name,founded\n"
                    "c-1,klynge,Energy,2014\n"           /* bad kind */
                    "c-2,cluster,Water,2014-13\n" /* bad date */
                    "c-2,cluster,Again,\n", /* duplicate */
    "member", "id,kind,name,cvr\n"
              "m-1,company,Vestas,12345678\n"        /* bad CVR */
              "m-2,company,Grundfos,\n",
    "membership", "organisation,member\n"
                  "c-1,m-9\n"                         /* unknown member */
                  "c-9,m-2\n",                        /* unknown organisation */
    NULL
  };
  static const struct { int code; const char *where; } expected[] = {
    { KLYNGE_ERROR_BAD_ENUM, "organisation.csv:2:2: " },
    { KLYNGE_ERROR_BAD_DATE, "organisation.csv:3:4: " },
    { KLYNGE_ERROR_DUPLICATE_ID, "organisation.csv:4:1: " },
    { KLYNGE_ERROR_BAD_CVR, "member.csv:2:4: " },
    { KLYNGE_ERROR_UNRESOLVED_REFERENCE, "membership.csv:2:2: " },
    { KLYNGE_ERROR_UNRESOLVED_REFERENCE, "membership.csv:3:1: " },
  };
  g_autoptr(GHashTable) tables = tables_new (pairs);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert (landscape == NULL);
  ck_assert (error != NULL);
  ck_assert_int_eq (error->code, expected[0].code);
  lines = g_strsplit (error->message, "\n", -1);
  ck_assert_msg (g_strv_length (lines) == G_N_ELEMENTS (expected), "%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    ck_assert_msg (g_str_has_prefix (lines[i], expected[i].where), "line %u: %s", i, lines[i]);
}
END_TEST

/* A value with a line break, quoted in a message, keeps it on its line. */
START_TEST (test_a_line_break_in_a_quoted_value_keeps_each_problem_on_its_line)
{
  static const char * const pairs[] = {
    "organisation", "id,kind,name\n"
                    "a,\"clu\nster\",A\n"
                    "b,klynge,B\n",
    NULL
  };
  g_autoptr(GHashTable) tables = tables_new (pairs);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert (landscape == NULL);
  lines = g_strsplit (error->message, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 2);
  ck_assert_str_eq (lines[0], "organisation.csv:2:2: “clu\\nster” is not a valid kind");
  ck_assert (g_str_has_prefix (lines[1], "organisation.csv:4:2: "));
}
END_TEST

/* The problems as data: the same as the error lists, in its order. */
START_TEST (test_problems_come_as_data_the_same_as_the_error_lists_them)
{
  static const char * const pairs[] = {
    ORGS, MEMBERS,
    "membership", "organisation,member,since\nc-1,m-1,2015-13\nc-9,m-1,\n",
    NULL
  };
  g_autoptr(GHashTable) tables = tables_new (pairs);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeLandscape) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  KlyngeProblem *first, *second;

  landscape = klynge_landscape_load_tables_from_bytes_with_problems (tables, NULL, &problems);
  ck_assert (landscape == NULL);
  ck_assert_uint_eq (problems->len, 2);
  first = g_ptr_array_index (problems, 0);
  second = g_ptr_array_index (problems, 1);
  ck_assert_int_eq (klynge_problem_get_code (first), KLYNGE_ERROR_BAD_DATE);
  ck_assert_str_eq (klynge_problem_get_file (first), "membership.csv");
  ck_assert_uint_eq (klynge_problem_get_line (first), 2);
  ck_assert_uint_eq (klynge_problem_get_column (first), 3);
  ck_assert_int_eq (klynge_problem_get_code (second), KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  ck_assert_uint_eq (klynge_problem_get_line (second), 3);
  ck_assert_uint_eq (klynge_problem_get_column (second), 1);

  again = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = klynge_problem_to_string (g_ptr_array_index (problems, i));

      ck_assert_str_eq (lines[i], text);
    }
}
END_TEST

START_TEST (test_good_tables_give_no_problems)
{
  g_autoptr(GHashTable) tables = tables_new (member_list_tables);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  landscape = klynge_landscape_load_tables_from_bytes_with_problems (tables, NULL, &problems);
  ck_assert (landscape != NULL);
  ck_assert (problems == NULL);
}
END_TEST

START_TEST (test_a_directory_that_cannot_be_read_is_one_problem)
{
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  landscape = klynge_landscape_load_tables_with_problems ("/nonexistent/klynge-tables", NULL, &problems);
  ck_assert (landscape == NULL);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_IO);
}
END_TEST

/* --- hostile tables ------------------------------------------------------- */

static void
assert_refused (GBytes     *organisation,
                int         code,
                const char *where)
{
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_bytes_unref);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (tables, g_strdup ("organisation"), g_bytes_ref (organisation));
  landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
  ck_assert (landscape == NULL);
  ck_assert_msg (error != NULL && error->code == code, "expected %d: %s", code, error ? error->message : "");
  ck_assert_msg (g_str_has_prefix (error->message, where), "expected %s: %s", where, error->message);
}

START_TEST (test_a_field_of_100_mb_is_refused_at_the_cap_on_values)
{
  gsize size = 100 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  const char head[] = "id,kind,name\nc-1,cluster,";

  memcpy (data, head, sizeof head - 1);
  memset (data + sizeof head - 1, 'x', size - (sizeof head - 1));
  bytes = g_bytes_new_take (data, size);
  assert_refused (bytes, KLYNGE_ERROR_LIMIT_EXCEEDED, "organisation.csv:2:3: ");
}
END_TEST

START_TEST (test_a_quoted_field_of_100_mb_is_refused_at_the_cap_on_values)
{
  gsize size = 100 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  const char head[] = "id,kind,name\nc-1,cluster,\"";

  memcpy (data, head, sizeof head - 1);
  memset (data + sizeof head - 1, '\n', size - (sizeof head - 1));
  bytes = g_bytes_new_take (data, size);
  assert_refused (bytes, KLYNGE_ERROR_LIMIT_EXCEEDED, "organisation.csv:2:3: ");
}
END_TEST

START_TEST (test_a_million_columns_are_refused_before_they_are_looked_at)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, i == 0 ? "id" : ",id");
  g_string_append (text, "\n");
  bytes = g_string_free_to_bytes (text);
  assert_refused (bytes, KLYNGE_ERROR_LIMIT_EXCEEDED, "organisation.csv:1:");
}
END_TEST

START_TEST (test_a_nul_byte_is_refused)
{
  static const char data[] = "id,kind,name\nc-1,cluster,E\0nergy\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);

  assert_refused (bytes, KLYNGE_ERROR_ENCODING, "organisation.csv:2:3: ");
}
END_TEST

START_TEST (test_tables_larger_than_the_cap_on_input_are_refused_unread)
{
  g_autoptr(GHashTable) tables = tables_new (member_list_tables);
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  klynge_load_options_set_max_input_size (options, 64);
  landscape = klynge_landscape_load_tables_from_bytes (tables, options, NULL, &error);
  ck_assert (landscape == NULL);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
}
END_TEST

/* Tables with a few bytes changed at random (a fixed seed): each load
 * gives a landscape, or an error whose every line names a table and a
 * place. Under make check a critical or a crash fails it too. */
START_TEST (test_mangled_tables_give_a_landscape_or_problems_with_places)
{
  static const char bytes[] = ",\"\r\n|\\ax0-\xff\xc3";
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) g_bytes_unref);
      g_autoptr(KlyngeLandscape) landscape = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;

      for (guint i = 0; lists_tables[i] != NULL; i += 2)
        {
          GString *text = g_string_new (lists_tables[i + 1]);
          guint changes = (guint) g_rand_int_range (rand, 0, 3);

          for (guint c = 0; c < changes; c++)
            {
              gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) text->len + 1);

              if (g_rand_boolean (rand) && at < text->len)
                g_string_erase (text, (gssize) at, 1);
              else
                g_string_insert_c (text, (gssize) at,
                                   bytes[g_rand_int_range (rand, 0, sizeof bytes)]);
            }
          g_hash_table_insert (tables, g_strdup (lists_tables[i]), g_string_free_to_bytes (text));
        }
      landscape = klynge_landscape_load_tables_from_bytes (tables, NULL, NULL, &error);
      ck_assert ((landscape == NULL) != (error == NULL));
      if (error == NULL)
        continue;
      lines = g_strsplit (error->message, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        ck_assert_msg (strstr (lines[l], ".csv:") != NULL && strstr (lines[l], ".csv:") < strchr (lines[l], ' '),
                       "round %u: %s", round, error->message);
    }
}
END_TEST

static Suite *
table_load_suite (void)
{
  Suite *s = suite_create ("table-load");
  TCase *tc;

  list_valid_files ();

  tc = tcase_create ("round-trip");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_every_valid_fixture_round_trips_through_tables_exactly,
                       0, (int) g_strv_length (valid_files));
  tcase_add_test (tc, test_the_built_in_landscape_round_trips_through_tables_exactly);
  suite_add_tcase (s, tc);

  tc = tcase_create ("by-hand");
  tcase_add_test (tc, test_a_member_list_alone_makes_a_landscape_with_columns_in_any_order);
  tcase_add_test (tc, test_a_directory_of_tables_loads_and_other_files_are_ignored);
  tcase_add_test (tc, test_a_table_that_is_no_regular_file_is_refused_unread);
  tcase_add_test (tc, test_list_columns_stand_in_for_their_tables_and_kroner_for_ore);
  tcase_add_test (tc, test_a_directory_that_cannot_be_read_is_an_io_error);
  tcase_add_test (tc, test_a_cancelled_load_is_cancelled);
  tcase_add_test (tc, test_a_directory_loads_in_a_worker_thread_as_it_loads_here);
  tcase_add_test (tc, test_a_cancelled_load_in_a_worker_thread_is_cancelled);
  tcase_add_test (tc, test_lines_count_the_line_breaks_inside_quoted_fields);
  suite_add_tcase (s, tc);

  tc = tcase_create ("bad");
  tcase_add_loop_test (tc, test_a_bad_table_gets_its_code_and_place, 0, G_N_ELEMENTS (bad_cases));
  tcase_add_test (tc, test_every_problem_of_every_table_is_listed_at_once);
  tcase_add_test (tc, test_a_line_break_in_a_quoted_value_keeps_each_problem_on_its_line);
  tcase_add_test (tc, test_problems_come_as_data_the_same_as_the_error_lists_them);
  tcase_add_test (tc, test_good_tables_give_no_problems);
  tcase_add_test (tc, test_a_directory_that_cannot_be_read_is_one_problem);
  suite_add_tcase (s, tc);

  tc = tcase_create ("hostile");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_a_field_of_100_mb_is_refused_at_the_cap_on_values);
  tcase_add_test (tc, test_a_quoted_field_of_100_mb_is_refused_at_the_cap_on_values);
  tcase_add_test (tc, test_a_million_columns_are_refused_before_they_are_looked_at);
  tcase_add_test (tc, test_a_nul_byte_is_refused);
  tcase_add_test (tc, test_tables_larger_than_the_cap_on_input_are_refused_unread);
  tcase_add_test (tc, test_mangled_tables_give_a_landscape_or_problems_with_places);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return klynge_test_run (table_load_suite ());
}
