/* test-default.c: the integrity of the built-in Danish landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-test.h"

/* The identifiers fixed by ../shared/data/denmark-facts.md §9: exactly
 * these organisations and funding sources, no others. */
static const char * const organisation_ids[] = {
  "ecd", "clean", "fbcd", "marlog", "dlsc", "wbd", "made", "digitallead", "cphfintech",
  "odense-robotics", "ldc", "dsc", "vision-dk",
  "house-of-energy", "eic", "clean-energi", "lean-energy-cluster", "ccc", "agro-business-park",
  "danish-food-cluster", "nj-foedevareerhverv", "vifu", "mdc", "marcod", "fyns-maritime",
  "tinv", "chc", "mtic", "lsi", "welfare-tech", "biopeople", "danish-healthtech", "innobyg",
  "smart-city-cluster-dk", "byg-fyn", "gate21", "nbe", "danish-sound-network", "invio", "dmn",
  "infinit", "robocluster", "brainsbusiness",
  "ced",
};

static const char * const funding_source_ids[] = {
  "deb", "siu", "ufs", "es", "ufm", "erdf", "realdania",
};

static gboolean
in_list (const char         *id,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (id, list[i]) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_default_landscape_loads_and_validates_cleanly)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = klynge_problem_to_string (g_ptr_array_index (problems, i));
      ck_abort_msg ("problem in the built-in landscape: %s", text);
    }
}
END_TEST

START_TEST (test_default_landscape_uses_exactly_the_ids_of_the_facts)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) organisations = klynge_landscape_list (landscape, KLYNGE_TYPE_ORGANISATION);
  g_autoptr(GPtrArray) sources = klynge_landscape_list (landscape, KLYNGE_TYPE_FUNDING_SOURCE);

  for (guint i = 0; i < G_N_ELEMENTS (organisation_ids); i++)
    ck_assert_msg (KLYNGE_IS_ORGANISATION (klynge_landscape_lookup (landscape, organisation_ids[i])),
                   "organisation %s is missing", organisation_ids[i]);
  for (guint i = 0; i < G_N_ELEMENTS (funding_source_ids); i++)
    ck_assert_msg (KLYNGE_IS_FUNDING_SOURCE (klynge_landscape_lookup (landscape, funding_source_ids[i])),
                   "funding source %s is missing", funding_source_ids[i]);
  for (guint i = 0; i < organisations->len; i++)
    {
      const char *id = klynge_record_get_id (g_ptr_array_index (organisations, i));
      ck_assert_msg (in_list (id, organisation_ids, G_N_ELEMENTS (organisation_ids)),
                     "organisation %s is not among the ids of the facts", id);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      const char *id = klynge_record_get_id (g_ptr_array_index (sources, i));
      ck_assert_msg (in_list (id, funding_source_ids, G_N_ELEMENTS (funding_source_ids)),
                     "funding source %s is not among the ids of the facts", id);
    }
}
END_TEST

START_TEST (test_default_landscape_cites_a_source_for_every_record)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) records = klynge_landscape_list (landscape, KLYNGE_TYPE_RECORD);

  ck_assert_uint_gt (records->len, 50);
  for (guint i = 0; i < records->len; i++)
    {
      KlyngeRecord *record = g_ptr_array_index (records, i);

      ck_assert_msg (klynge_record_get_n_sources (record) > 0, "%s “%s” cites no source",
                     klynge_record_get_kind_name (record), klynge_record_get_id (record));
      for (guint j = 0; j < klynge_record_get_n_sources (record); j++)
        {
          const char *href = klynge_source_get_href (klynge_record_get_source (record, j));
          ck_assert_msg (g_str_has_prefix (href, "https://") || g_str_has_prefix (href, "http://"),
                         "%s: source %s is not a web address", klynge_record_get_id (record), href);
        }
    }
}
END_TEST

START_TEST (test_default_landscape_has_no_invented_members)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();

  /* the public record names no member companies */
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER), 0);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), 0);
}
END_TEST

START_TEST (test_default_landscape_has_the_support_body_contract_of_the_facts)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngeRecord *record = klynge_landscape_lookup (landscape, "ced-2019");
  KlyngeContract *contract;
  g_autofree char *period = NULL;
  GPtrArray *shares;

  ck_assert (KLYNGE_IS_CONTRACT (record));
  contract = KLYNGE_CONTRACT (record);
  ck_assert_str_eq (klynge_contract_get_holder (contract), "ced");
  ck_assert_int_eq (klynge_contract_get_amount (contract), G_GINT64_CONSTANT (800000000));
  period = klynge_period_to_string (klynge_contract_get_period (contract));
  ck_assert_str_eq (period, "2019-10-01..2021-09-30");
  ck_assert_uint_eq (klynge_period_get_length_days (klynge_contract_get_period (contract)), 731);
  shares = klynge_contract_get_shares (contract);
  ck_assert_uint_eq (shares->len, 2);
  ck_assert_str_eq (klynge_share_get_source (g_ptr_array_index (shares, 0)), "siu");
  ck_assert_uint_eq (klynge_share_get_basis_points (g_ptr_array_index (shares, 0)), 5000);
  ck_assert_str_eq (klynge_share_get_source (g_ptr_array_index (shares, 1)), "es");
  ck_assert_uint_eq (klynge_share_get_basis_points (g_ptr_array_index (shares, 1)), 5000);

  record = klynge_landscape_lookup (landscape, "ced-2021");
  ck_assert (KLYNGE_IS_CONTRACT (record));
  ck_assert_str_eq (klynge_contract_get_renews (KLYNGE_CONTRACT (record)), "ced-2019");
  ck_assert_uint_eq (klynge_contract_get_period (KLYNGE_CONTRACT (record))->end.year, 2022);
}
END_TEST

START_TEST (test_default_landscape_saves_back_to_the_shipped_file)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autofree char *path = klynge_test_path ("data/denmark.xml");
  g_autofree char *shipped = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  ck_assert (g_file_get_contents (path, &shipped, &length, NULL));
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  ck_assert_msg (g_bytes_get_size (saved) == length
                 && memcmp (g_bytes_get_data (saved, NULL), shipped, length) == 0,
                 "data/denmark.xml is not in canonical form (save it with klynge export)");
}
END_TEST

START_TEST (test_default_landscape_is_a_new_object_each_time)
{
  g_autoptr(KlyngeLandscape) a = klynge_landscape_new_default ();
  g_autoptr(KlyngeLandscape) b = klynge_landscape_new_default ();
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_ne (a, b);
  ck_assert (klynge_landscape_remove (a, "innovationskraftnu", &error));
  ck_assert_ptr_nonnull (klynge_landscape_lookup (b, "innovationskraftnu"));
}
END_TEST

static Suite *
default_suite (void)
{
  Suite *suite = suite_create ("default-landscape");
  TCase *integrity = tcase_create ("integrity");

  tcase_add_test (integrity, test_default_landscape_loads_and_validates_cleanly);
  tcase_add_test (integrity, test_default_landscape_uses_exactly_the_ids_of_the_facts);
  tcase_add_test (integrity, test_default_landscape_cites_a_source_for_every_record);
  tcase_add_test (integrity, test_default_landscape_has_no_invented_members);
  tcase_add_test (integrity, test_default_landscape_has_the_support_body_contract_of_the_facts);
  tcase_add_test (integrity, test_default_landscape_saves_back_to_the_shipped_file);
  tcase_add_test (integrity, test_default_landscape_is_a_new_object_each_time);
  suite_add_tcase (suite, integrity);
  return suite;
}

int
main (void)
{
  return klynge_test_run (default_suite ());
}
