/* test-xml-bulk.c: the threaded path of the loader under test
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Documents under 1 MiB are read on one thread; larger ones with the
 * read-ahead thread and the membership worker. Every fixture goes both
 * ways here (the private switch _klynge_xml_reader_set_threads_from(),
 * which KLYNGE_TEST_BULK_FROM=0 sets for whole programs) and must give
 * the same result; and a defect deep inside a large generated document
 * must be reported as the same defect in a small one.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "klynge-test.h"
#include "klynge-xml-reader-private.h"

#define THREADS_FROM_DEFAULT (1024 * 1024)

static void
restore_threads_from (void)
{
  _klynge_xml_reader_set_threads_from (THREADS_FROM_DEFAULT);
}

/* What loading @path gives, as text: the saved document, or the error
 * (code and message, which starts with file:line:column). */
static char *
load_outcome (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);
  g_autoptr(GBytes) saved = NULL;

  if (landscape == NULL)
    {
      ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR, "%s: no KLYNGE_ERROR", path);
      return g_strdup_printf ("error %d: %s", error->code, error->message);
    }
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  return g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
}

/* Every problem klynge_landscape_validate_file() lists, one a line. */
static char *
validate_outcome (const char *path)
{
  g_autoptr(GPtrArray) problems = klynge_landscape_validate_file (path, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = klynge_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%d %s\n",
                              klynge_problem_get_code (g_ptr_array_index (problems, i)), text);
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_both_ways (const char *folder)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files (folder, ".xml");

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *single = NULL, *threaded = NULL;
      g_autofree char *single_problems = NULL, *threaded_problems = NULL;

      _klynge_xml_reader_set_threads_from (THREADS_FROM_DEFAULT);
      single = load_outcome (path);
      single_problems = validate_outcome (path);
      _klynge_xml_reader_set_threads_from (0);
      threaded = load_outcome (path);
      threaded_problems = validate_outcome (path);
      ck_assert_msg (strcmp (single, threaded) == 0, "%s:\n  one thread: %.300s\n  threaded:   %.300s",
                     path, single, threaded);
      ck_assert_msg (strcmp (single_problems, threaded_problems) == 0,
                     "%s, validate_file:\n  one thread: %s\n  threaded:   %s",
                     path, single_problems, threaded_problems);
    }
}

START_TEST (test_bulk_every_invalid_fixture_fails_alike_both_ways)
{
  assert_same_both_ways ("tests/data/invalid");
}
END_TEST

START_TEST (test_bulk_every_hostile_fixture_fails_alike_both_ways)
{
  assert_same_both_ways ("tests/data/hostile");
}
END_TEST

START_TEST (test_bulk_every_valid_fixture_loads_alike_both_ways)
{
  assert_same_both_ways ("tests/data/valid");
}
END_TEST

/* A membership whose member id names an organisation: of the wrong kind
 * when that organisation stands before it, unresolved when after it, as
 * on a single thread, although the worker's failures are reported later,
 * when the later one has been read. */
START_TEST (test_bulk_a_member_id_naming_an_organisation_counts_only_earlier_ones)
{
  static const char head[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "<members><member id=\"m\" kind=\"company\"><name>M</name></member></members>\n"
    "<organisations>\n"
    "<organisation id=\"a\" kind=\"cluster\"><name>A</name>\n"
    "<membership member=\"m\"/>\n"
    "<membership member=\"";
  static const char tail[] =
    "\" since=\"2020\"/>\n"
    "</organisation>\n"
    "<organisation id=\"b\" kind=\"cluster\"><name>B</name></organisation>\n"
    "</organisations>\n"
    "</landscape>\n";
  static const struct {
    const char *member;
    KlyngeError code;
  } cases[] = {
    { "a", KLYNGE_ERROR_WRONG_REFERENCE_KIND },
    { "b", KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *text = g_strconcat (head, cases[c].member, tail, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));

      for (guint threaded = 0; threaded < 2; threaded++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(KlyngeLandscape) landscape = NULL;

          _klynge_xml_reader_set_threads_from (threaded ? 0 : THREADS_FROM_DEFAULT);
          landscape = klynge_landscape_load_bytes (bytes, "refs.xml", NULL, &error);
          ck_assert_ptr_null (landscape);
          ck_assert_msg (error->code == (int) cases[c].code && g_str_has_prefix (error->message, "refs.xml:6:"),
                         "member=\"%s\", %s: %s", cases[c].member,
                         threaded ? "threaded" : "one thread", error->message);
        }
    }
}
END_TEST

/* --- the order the worker relies on -------------------------------------- */

/* The worker looks members up while the parse goes on, which is safe as
 * long as no member is added meanwhile: the format puts <members> first.
 * A member added after memberships all the same must not be seen by them,
 * exactly as on a single thread. */
START_TEST (test_bulk_memberships_before_a_member_do_not_see_it)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");
  g_autoptr(GPtrArray) stored = NULL;
  KlyngeXmlMembershipValues values = { { "m-2", "2020", NULL }, { 3, 4, 0 } };
  KlyngeXmlBulk *bulk;
  KlyngeOrgEntry *entry;
  KlyngeXmlFailure *failure;
  GArray *failures;

  _klynge_landscape_add_record_unchecked (landscape, KLYNGE_RECORD (organisation));
  entry = _klynge_landscape_get_org_entry (landscape, "o");
  bulk = _klynge_xml_bulk_new (landscape);
  _klynge_xml_bulk_set_threaded (bulk, TRUE);

  _klynge_xml_bulk_add_member (bulk, &(KlyngeMemberValues) { "m-1", 3, "One", 3, 0,
                                                              KLYNGE_MEMBER_KIND_COMPANY,
                                                              KLYNGE_MEMBER_SIZE_SME },
                               NULL);
  _klynge_xml_bulk_add_membership (bulk, entry, KLYNGE_RECORD (organisation), &values, 10);
  _klynge_xml_bulk_add_member (bulk, &(KlyngeMemberValues) { "m-2", 3, "Two", 3, 0,
                                                              KLYNGE_MEMBER_KIND_COMPANY,
                                                              KLYNGE_MEMBER_SIZE_SME },
                               NULL);
  _klynge_xml_bulk_add_membership (bulk, entry, KLYNGE_RECORD (organisation), &values, 11);
  values.values[KLYNGE_XML_MEMBERSHIP_MEMBER] = "m-1";
  _klynge_xml_bulk_add_membership (bulk, entry, KLYNGE_RECORD (organisation), &values, 12);
  _klynge_xml_bulk_end_organisation (bulk, entry, KLYNGE_RECORD (organisation));

  failures = _klynge_xml_bulk_sync (bulk);
  ck_assert_uint_eq (failures->len, 1);
  failure = &g_array_index (failures, KlyngeXmlFailure, 0);
  ck_assert_int_eq (failure->code, KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  ck_assert_uint_eq (failure->line, 10);
  ck_assert_str_eq (failure->member, "m-2");
  g_array_set_size (failures, 0);
  _klynge_xml_bulk_free (bulk);

  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), 2);
  stored = klynge_landscape_list_memberships_of_member (landscape, "m-2");
  ck_assert_uint_eq (stored->len, 1);
}
END_TEST

/* For a load that is to be validated, the store keeps each membership's
 * line in step with the sorted memberships, duplicates left out, as the
 * worker stores them; not otherwise; and forgets them when the
 * memberships change. */
START_TEST (test_bulk_keeps_membership_lines_only_to_validate_and_forgets_them_on_a_change)
{
  static const struct {
    const char *member;
    const char *since;
    guint line;
  } written[] = {
    { "m-2", "2020", 10 }, { "m-1", "2019", 11 }, { "m-1", "2019", 12 }, { "m-1", "2015", 13 },
  };
  static const guint sorted_lines[] = { 13, 11, 10 };   /* m-1 2015, m-1 2019, m-2 2020 */

  for (guint keep = 0; keep <= 1; keep++)
    {
      g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
      g_autoptr(KlyngeOrganisation) organisation =
        klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");
      g_autoptr(GError) error = NULL;
      const KlyngeMembershipSlot *slots;
      KlyngeXmlBulk *bulk;
      KlyngeOrgEntry *entry;
      GArray *failures;
      KlyngeDate since = klynge_test_date ("2022");
      guint n;

      _klynge_landscape_add_record_unchecked (landscape, KLYNGE_RECORD (organisation));
      entry = _klynge_landscape_get_org_entry (landscape, "o");
      bulk = _klynge_xml_bulk_new (landscape);
      _klynge_xml_bulk_set_threaded (bulk, TRUE);
      _klynge_xml_bulk_set_tiny_batches (bulk);
      _klynge_xml_bulk_set_keep_lines (bulk, keep);
      for (guint i = 1; i <= 2; i++)
        {
          g_autofree char *id = g_strdup_printf ("m-%u", i);

          _klynge_xml_bulk_add_member (bulk, &(KlyngeMemberValues) { id, 3, "M", 1, 0,
                                                                      KLYNGE_MEMBER_KIND_COMPANY,
                                                                      KLYNGE_MEMBER_SIZE_SME },
                                       NULL);
        }
      for (guint i = 0; i < G_N_ELEMENTS (written); i++)
        {
          KlyngeXmlMembershipValues values = { { written[i].member, written[i].since, NULL },
                                               { 3, 4, 0 } };

          _klynge_xml_bulk_add_membership (bulk, entry, KLYNGE_RECORD (organisation), &values, written[i].line);
        }
      _klynge_xml_bulk_end_organisation (bulk, entry, KLYNGE_RECORD (organisation));
      failures = _klynge_xml_bulk_sync (bulk);
      ck_assert_uint_eq (failures->len, 1);
      ck_assert_int_eq (g_array_index (failures, KlyngeXmlFailure, 0).code, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP);
      ck_assert_uint_eq (g_array_index (failures, KlyngeXmlFailure, 0).line, 12);
      g_array_set_size (failures, 0);
      _klynge_xml_bulk_free (bulk);

      slots = _klynge_membership_store_org_slots (entry, &n);
      ck_assert_uint_eq (n, G_N_ELEMENTS (sorted_lines));
      for (guint j = 0; j < n; j++)
        ck_assert_uint_eq (_klynge_membership_store_slot_line (entry, j), keep ? sorted_lines[j] : 0);
      ck_assert_str_eq (_klynge_landscape_member_id (landscape, slots[0].member), "m-1");

      ck_assert (klynge_landscape_add_membership (landscape, "o", "m-2", &since, NULL, &error));
      slots = _klynge_membership_store_org_slots (entry, &n);
      for (guint j = 0; j < n; j++)
        ck_assert_uint_eq (_klynge_membership_store_slot_line (entry, j), 0);
    }
}
END_TEST

START_TEST (test_bulk_every_inconsistent_fixture_validates_alike_both_ways)
{
  assert_same_both_ways ("tests/data/inconsistent");
}
END_TEST

/* --- a defect deep inside a large document -------------------------------- */

typedef enum {
  DEFECT_BAD_CVR,
  DEFECT_UNKNOWN_MEMBER,
  DEFECT_DUPLICATE_MEMBERSHIP,
  DEFECT_PERIOD_BACKWARDS,
  DEFECT_TRUNCATED,
} Defect;

static const struct {
  const char *name;
  Defect defect;
  KlyngeError code;
} defects[] = {
  { "bad CVR number", DEFECT_BAD_CVR, KLYNGE_ERROR_BAD_CVR },
  { "unknown member", DEFECT_UNKNOWN_MEMBER, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "duplicate membership", DEFECT_DUPLICATE_MEMBERSHIP, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP },
  { "period ending before it starts", DEFECT_PERIOD_BACKWARDS, KLYNGE_ERROR_BAD_PERIOD },
  { "truncated end", DEFECT_TRUNCATED, KLYNGE_ERROR_XML_SYNTAX },
};

/* A landscape of @n_members members and @n_organisations organisations
 * of @per_organisation memberships each, one element a line, with
 * @defect in the member or the organisation nine tenths of the way in
 * (the organisation "o-deep" in either size); *@line is where. */
static GString *
generate (guint   n_members,
          guint   n_organisations,
          guint   per_organisation,
          Defect  defect,
          guint  *line)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
                               "  <members>\n");
  guint lines = 3;
  guint deep_member = n_members * 9 / 10, deep_organisation = n_organisations * 9 / 10;

  for (guint m = 0; m < n_members; m++, lines++)
    {
      gboolean here = defect == DEFECT_BAD_CVR && m == deep_member;

      g_string_append_printf (out, "    <member id=\"m-%u\"%s kind=\"company\" size=\"sme\">"
                              "<name>Medlem %u</name></member>\n",
                              m, here ? " cvr=\"12345678\"" : m % 3 == 0 ? " cvr=\"13748136\"" : "", m);
      if (here)
        *line = lines + 1;
    }
  g_string_append (out, "  </members>\n  <organisations>\n");
  lines += 2;
  for (guint o = 0; o < n_organisations; o++)
    {
      gboolean deep = o == deep_organisation;

      if (deep)
        g_string_append (out, "    <organisation id=\"o-deep\" kind=\"cluster\"><name>Dyb</name>\n");
      else
        g_string_append_printf (out, "    <organisation id=\"o-%u\" kind=\"cluster\"><name>Klynge %u</name>\n",
                                o, o);
      lines++;
      for (guint i = 0; i < per_organisation; i++, lines++)
        {
          guint member = (o * 7 + i * 13) % n_members;

          if (deep && i == per_organisation / 2 && defect != DEFECT_BAD_CVR)
            {
              *line = lines + 1;
              switch (defect)
                {
                case DEFECT_UNKNOWN_MEMBER:
                  g_string_append (out, "      <membership member=\"m-nope\" since=\"2015\"/>\n");
                  continue;
                case DEFECT_DUPLICATE_MEMBERSHIP:
                  g_string_append (out, "      <membership member=\"m-1\" since=\"2016-01-01\"/>\n"
                                   "      <membership member=\"m-1\" since=\"2016-01-01\" until=\"2017\"/>\n");
                  *line = lines + 2;
                  lines++;
                  continue;
                case DEFECT_PERIOD_BACKWARDS:
                  g_string_append (out, "      <membership member=\"m-1\" since=\"2020-03\" until=\"2019\"/>\n");
                  continue;
                case DEFECT_TRUNCATED:
                  g_string_append (out, "      <membership member=\"m-1\" since=\"20");
                  return out;
                case DEFECT_BAD_CVR:
                default:
                  g_assert_not_reached ();
                }
            }
          /* members distinct within an organisation; since dates vary */
          g_string_append_printf (out, "      <membership member=\"m-%u\" since=\"%u-0%u\"%s/>\n",
                                  member == 1 && deep ? 2 : member, 2010 + i % 10, 1 + i % 9,
                                  i % 4 == 0 ? " until=\"2024-12-31\"" : "");
        }
      g_string_append (out, "    </organisation>\n");
      lines++;
    }
  g_string_append (out, "  </organisations>\n</landscape>\n");
  return out;
}

/* Loads @text from a file; returns the error, and its line in *@line. */
static GError *
load_generated (const char *dir,
                const char *name,
                GString    *text,
                guint      *line)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(KlyngeLandscape) landscape = NULL;
  GError *error = NULL;

  ck_assert (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  landscape = klynge_landscape_load_file (path, &error);
  ck_assert_msg (landscape == NULL, "%s loaded", name);
  ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR, "%s: no KLYNGE_ERROR", name);
  ck_assert_msg (g_str_has_prefix (error->message, path), "%s", error->message);
  *line = (guint) g_ascii_strtoull (error->message + strlen (path) + 1, NULL, 10);
  g_unlink (path);
  return error;
}

/* The message without the "file:line:column: " in front. */
static const char *
message_text (const GError *error)
{
  const char *text = strstr (error->message, ": ");

  return text != NULL ? text + 2 : error->message;
}

START_TEST (test_bulk_a_deep_defect_in_a_large_document_is_found_as_in_a_small_one)
{
  g_autofree char *dir = g_dir_make_tmp ("klynge-bulk-XXXXXX", NULL);
  Defect defect = defects[_i].defect;
  g_autoptr(GString) small = NULL, large = NULL;
  g_autoptr(GError) small_error = NULL, large_error = NULL;
  guint small_line = 0, large_line = 0, small_at = 0, large_at = 0;

  ck_assert (dir != NULL);
  small = generate (10, 4, 4, defect, &small_line);
  large = generate (30000, 500, 40, defect, &large_line);
  ck_assert_uint_gt (large->len, 2 * THREADS_FROM_DEFAULT);

  small_error = load_generated (dir, "small.xml", small, &small_at);
  large_error = load_generated (dir, "large.xml", large, &large_at);
  g_rmdir (dir);

  ck_assert_msg (small_error->code == (int) defects[_i].code, "%s, small: %s",
                 defects[_i].name, small_error->message);
  ck_assert_uint_eq (small_at, small_line);
  ck_assert_msg (large_error->code == small_error->code, "%s, large: %s",
                 defects[_i].name, large_error->message);
  ck_assert_msg (large_at == large_line, "%s: expected line %u: %s",
                 defects[_i].name, large_line, large_error->message);
  /* libxml2 names the line of the open tag in a truncated document */
  if (defect != DEFECT_TRUNCATED)
    ck_assert_str_eq (message_text (large_error), message_text (small_error));
}
END_TEST

static Suite *
bulk_suite (void)
{
  Suite *suite = suite_create ("xml-bulk");
  TCase *fixtures = tcase_create ("fixtures");
  TCase *order = tcase_create ("order");
  TCase *large = tcase_create ("large");

  tcase_add_checked_fixture (fixtures, NULL, restore_threads_from);
  tcase_set_timeout (fixtures, 60);
  tcase_add_test (fixtures, test_bulk_every_invalid_fixture_fails_alike_both_ways);
  tcase_add_test (fixtures, test_bulk_every_hostile_fixture_fails_alike_both_ways);
  tcase_add_test (fixtures, test_bulk_every_valid_fixture_loads_alike_both_ways);
  tcase_add_test (fixtures, test_bulk_every_inconsistent_fixture_validates_alike_both_ways);
  tcase_add_test (fixtures, test_bulk_a_member_id_naming_an_organisation_counts_only_earlier_ones);
  tcase_add_test (order, test_bulk_memberships_before_a_member_do_not_see_it);
  tcase_add_test (order, test_bulk_keeps_membership_lines_only_to_validate_and_forgets_them_on_a_change);
  tcase_set_timeout (large, 120);
  tcase_add_loop_test (large, test_bulk_a_deep_defect_in_a_large_document_is_found_as_in_a_small_one,
                       0, G_N_ELEMENTS (defects));
  suite_add_tcase (suite, fixtures);
  suite_add_tcase (suite, order);
  suite_add_tcase (suite, large);
  return suite;
}

int
main (void)
{
  return klynge_test_run (bulk_suite ());
}
