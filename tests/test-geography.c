/* test-geography.c: the regions and municipalities of Denmark
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "klynge-private.h"
#include "klynge-test.h"

static const struct {
  const char *code;
  const char *name;
  guint n_municipalities;
} regions[] = {
  { "DK01", "Hovedstaden", 29 },
  { "DK02", "Sjælland", 17 },
  { "DK03", "Syddanmark", 22 },
  { "DK04", "Midtjylland", 19 },
  { "DK05", "Nordjylland", 11 },
};

START_TEST (test_regions_are_the_five_nuts_2021_regions_in_code_order)
{
  const char * const *codes = klynge_list_regions ();

  ck_assert_uint_eq (g_strv_length ((char **) codes), G_N_ELEMENTS (regions));
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    ck_assert_str_eq (codes[i], regions[i].code);
}
END_TEST

START_TEST (test_region_has_its_name_and_its_number_of_municipalities)
{
  const char * const *municipalities = klynge_list_municipalities ();
  guint n = 0;

  ck_assert (klynge_region_is_known (regions[_i].code));
  ck_assert_str_eq (klynge_region_get_name (regions[_i].code), regions[_i].name);
  for (guint i = 0; municipalities[i] != NULL; i++)
    n += g_strcmp0 (klynge_municipality_get_region (municipalities[i]), regions[_i].code) == 0;
  ck_assert_uint_eq (n, regions[_i].n_municipalities);
}
END_TEST

static const struct {
  const char *code;
  const char *name;
  const char *region;
} municipalities[] = {
  { "101", "København", "DK01" },
  { "147", "Frederiksberg", "DK01" },
  { "400", "Bornholm", "DK01" },
  { "253", "Greve", "DK02" },
  { "370", "Næstved", "DK02" },
  { "461", "Odense", "DK03" },
  { "492", "Ærø", "DK03" },
  { "751", "Aarhus", "DK04" },
  { "657", "Herning", "DK04" },
  { "851", "Aalborg", "DK05" },
  { "860", "Hjørring", "DK05" },
};

START_TEST (test_municipality_has_its_name_and_its_region)
{
  ck_assert (klynge_municipality_is_known (municipalities[_i].code));
  ck_assert_str_eq (klynge_municipality_get_name (municipalities[_i].code), municipalities[_i].name);
  ck_assert_str_eq (klynge_municipality_get_region (municipalities[_i].code), municipalities[_i].region);
}
END_TEST

START_TEST (test_municipalities_are_98_in_ascending_code_order_each_in_a_known_region)
{
  const char * const *codes = klynge_list_municipalities ();

  ck_assert_uint_eq (g_strv_length ((char **) codes), 98);
  ck_assert_str_eq (codes[0], "101");
  ck_assert_str_eq (codes[97], "860");
  for (guint i = 0; codes[i] != NULL; i++)
    {
      ck_assert_uint_eq (strlen (codes[i]), 3);
      ck_assert (i == 0 || strcmp (codes[i - 1], codes[i]) < 0);
      ck_assert (klynge_region_is_known (klynge_municipality_get_region (codes[i])));
    }
}
END_TEST

/* Christiansø has a DAGI code but is no municipality and in no region;
 * codes compare exactly, so neither the registers' leading zero nor
 * another case is taken. */
static const char * const unknown_municipalities[] = { "411", "0851", "85", "8510", "", "999", " 851" };
static const char * const unknown_regions[] = { "DK00", "DK06", "dk01", "DK1", "DK011", "", "Nordjylland" };

START_TEST (test_unknown_municipality_has_no_name_and_no_region)
{
  const char *code = unknown_municipalities[_i];

  ck_assert (!klynge_municipality_is_known (code));
  ck_assert_ptr_null (klynge_municipality_get_name (code));
  ck_assert_ptr_null (klynge_municipality_get_region (code));
}
END_TEST

START_TEST (test_unknown_region_has_no_name)
{
  ck_assert (!klynge_region_is_known (unknown_regions[_i]));
  ck_assert_ptr_null (klynge_region_get_name (unknown_regions[_i]));
}
END_TEST

START_TEST (test_null_code_is_a_programmer_error)
{
  assert_critical (ck_assert (!klynge_region_is_known (NULL)));
  assert_critical (ck_assert_ptr_null (klynge_region_get_name (NULL)));
  assert_critical (ck_assert (!klynge_municipality_is_known (NULL)));
  assert_critical (ck_assert_ptr_null (klynge_municipality_get_name (NULL)));
  assert_critical (ck_assert_ptr_null (klynge_municipality_get_region (NULL)));
}
END_TEST

/* klynge-2.rng enumerates the regions (and only checks a municipality's
 * form): the enumeration must be the library's list. */
START_TEST (test_schema_enumerates_exactly_the_known_regions)
{
  g_autofree char *path = klynge_test_path ("data/klynge-2.rng");
  g_autofree char *schema = NULL;
  g_autoptr(GRegex) value = g_regex_new ("<value type=\"string\">([^<]*)</value>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char * const *codes = klynge_list_regions ();
  const char *start, *end;
  guint n = 0;

  ck_assert (g_file_get_contents (path, &schema, NULL, NULL));
  start = strstr (schema, "<attribute name=\"region\">");
  ck_assert_ptr_nonnull (start);
  end = strstr (start, "</attribute>");
  ck_assert_ptr_nonnull (end);
  g_regex_match_full (value, start, end - start, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n++)
    {
      g_autofree char *code = g_match_info_fetch (match, 1);

      ck_assert_ptr_nonnull (codes[n]);
      ck_assert_str_eq (code, codes[n]);
    }
  ck_assert_ptr_null (codes[n]);
}
END_TEST

static gpointer
list_municipalities (gpointer data)
{
  return (gpointer) klynge_list_municipalities ();
}

/* Check forks each test, so the threads race to the first use. */
START_TEST (test_lists_are_parsed_once_when_threads_race_to_them)
{
  GThread *threads[4];
  gpointer lists[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("geography", list_municipalities, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    lists[i] = g_thread_join (threads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    ck_assert_ptr_eq (lists[i], klynge_list_municipalities ());
}
END_TEST

static Suite *
geography_suite (void)
{
  Suite *suite = suite_create ("geography");
  TCase *tc = tcase_create ("geography");

  tcase_add_test (tc, test_regions_are_the_five_nuts_2021_regions_in_code_order);
  tcase_add_loop_test (tc, test_region_has_its_name_and_its_number_of_municipalities,
                       0, G_N_ELEMENTS (regions));
  tcase_add_loop_test (tc, test_municipality_has_its_name_and_its_region, 0, G_N_ELEMENTS (municipalities));
  tcase_add_test (tc, test_municipalities_are_98_in_ascending_code_order_each_in_a_known_region);
  tcase_add_loop_test (tc, test_unknown_municipality_has_no_name_and_no_region,
                       0, G_N_ELEMENTS (unknown_municipalities));
  tcase_add_loop_test (tc, test_unknown_region_has_no_name, 0, G_N_ELEMENTS (unknown_regions));
  tcase_add_test (tc, test_null_code_is_a_programmer_error);
  tcase_add_test (tc, test_schema_enumerates_exactly_the_known_regions);
  tcase_add_test (tc, test_lists_are_parsed_once_when_threads_race_to_them);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return klynge_test_run (geography_suite ());
}
