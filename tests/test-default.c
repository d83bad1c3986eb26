/* test-default.c: the integrity of the built-in Danish landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-test.h"

/* The identifiers fixed by ../shared/data/denmark-facts.md §9, as §10
 * corrects them: exactly these organisations and funding sources, no
 * others. §10.1 adds CenSec, the 14th national cluster; §10.4 makes
 * CLEAN's energy activities a transfer from CLEAN itself, so §9's
 * "clean-energi" has no record of its own. */
static const char * const organisation_ids[] = {
  "ecd", "clean", "fbcd", "marlog", "dlsc", "wbd", "made", "digitallead", "cphfintech",
  "odense-robotics", "ldc", "dsc", "vision-dk", "censec",
  "house-of-energy", "eic", "lean-energy-cluster", "ccc", "agro-business-park",
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

/* The programmes are records like the others: sourced, and every
 * designation and every contract that names one resolves. */
START_TEST (test_default_landscape_programmes_are_sourced_and_resolve)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) programmes = klynge_landscape_get_programmes (landscape);
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  const char *ids[] = { "klyngekonsolidering-2019", "innovationsnetvaerk-2019", "klyngeprogram-2021",
                        "innovationskraft-2023" };

  ck_assert_uint_eq (programmes->len, G_N_ELEMENTS (ids));
  for (guint i = 0; i < programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (programmes, i);
      GPtrArray *designations = klynge_programme_get_designations (programme);

      ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (programme)), ids[i]);
      ck_assert_uint_gt (klynge_record_get_n_sources (KLYNGE_RECORD (programme)), 0);
      ck_assert_ptr_nonnull (klynge_record_get_note (KLYNGE_RECORD (programme)));
      ck_assert_uint_gt (klynge_programme_get_envelopes (programme)->len, 0);
      for (guint j = 0; j < designations->len; j++)
        ck_assert (KLYNGE_IS_ORGANISATION (klynge_landscape_lookup (landscape,
                   klynge_designation_get_organisation (g_ptr_array_index (designations, j)))));
    }
  for (guint i = 0; i < contracts->len; i++)
    {
      const char *programme = klynge_contract_get_programme (g_ptr_array_index (contracts, i));

      if (programme != NULL)
        ck_assert (KLYNGE_IS_PROGRAMME (klynge_landscape_lookup (landscape, programme)));
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

/* The 14 designated on 1 Oct 2020 for 2021-2024, in document order
 * (facts §1, §10.1); MARLOG's designation ends with its bankruptcy. */
static const char * const national_clusters_2021[] = {
  "ecd", "clean", "fbcd", "marlog", "dlsc", "wbd", "made", "digitallead", "cphfintech",
  "odense-robotics", "ldc", "dsc", "vision-dk", "censec",
};

static GPtrArray *
national_clusters_on (KlyngeLandscape *landscape,
                      const char      *on)
{
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  KlyngeDate date = klynge_test_date (on);

  klynge_designation_filter_set_role (filter, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER);
  klynge_designation_filter_set_active_on (filter, &date);
  return klynge_landscape_designations (landscape, filter);
}

START_TEST (test_default_landscape_designates_the_14_national_clusters_censec_among_them)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) in_2021 = national_clusters_on (landscape, "2021-06-01");
  g_autoptr(GPtrArray) in_2024 = national_clusters_on (landscape, "2024-06-01");
  guint j = 0;

  ck_assert_uint_eq (in_2021->len, G_N_ELEMENTS (national_clusters_2021));
  for (guint i = 0; i < in_2021->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (in_2021, i);

      ck_assert_str_eq (klynge_designation_get_organisation (designation), national_clusters_2021[i]);
      ck_assert_str_eq (klynge_designation_get_programme (designation), "klyngeprogram-2021");
      ck_assert_str_eq (klynge_designation_get_area_scheme (designation), "klyngeprogram-2021");
    }
  ck_assert_str_eq (klynge_designation_get_area (g_ptr_array_index (in_2021, 13)), "Forsvar, rumfart og sikkerhed");

  /* after MARLOG's bankruptcy in 2022, 13 */
  ck_assert_uint_eq (in_2024->len, G_N_ELEMENTS (national_clusters_2021) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (national_clusters_2021); i++)
    {
      if (strcmp (national_clusters_2021[i], "marlog") == 0)
        continue;
      ck_assert_str_eq (klynge_designation_get_organisation (g_ptr_array_index (in_2024, j)),
                        national_clusters_2021[i]);
      j++;
    }
}
END_TEST

/* Facts §10.2: the innovation-network programme ended with 2020. */
START_TEST (test_default_landscape_designates_and_funds_no_innovation_network_after_2020)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  KlyngeDate first_of_2021 = klynge_test_date ("2021-01-01");

  klynge_designation_filter_set_role (filter, KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK);
  designations = klynge_landscape_designations (landscape, filter);
  ck_assert_uint_eq (designations->len, 10);
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);

      ck_assert_str_eq (klynge_designation_get_programme (designation), "innovationsnetvaerk-2019");
      ck_assert_ptr_nonnull (klynge_designation_get_end (designation));
      ck_assert_uint_le (klynge_designation_get_end (designation)->year, 2020);
      ck_assert (!klynge_designation_is_active_on (designation, &first_of_2021));
    }
  for (guint i = 0; i < contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (contracts, i);
      KlyngeRecord *holder = klynge_landscape_lookup (landscape, klynge_contract_get_holder (contract));
      const char *programme = klynge_contract_get_programme (contract);

      if (klynge_organisation_get_kind (KLYNGE_ORGANISATION (holder)) == KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK
          || g_strcmp0 (programme, "innovationsnetvaerk-2019") == 0)
        ck_assert_msg (klynge_contract_get_period (contract)->end.year <= 2020,
                       "%s funds an innovation network after 2020", klynge_record_get_id (KLYNGE_RECORD (contract)));
    }
  /* the innovation networks the sources call so (facts §10.2) */
  ck_assert_int_eq (klynge_organisation_get_kind (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "eic"))),
                    KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
  ck_assert_int_eq (klynge_organisation_get_kind (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "smart-city-cluster-dk"))),
                    KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
}
END_TEST

/* Facts §10.3: the grants the sources give, each under one funder and
 * one programme. */
START_TEST (test_default_landscape_has_the_sourced_grants_each_in_its_programme)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  const struct {
    const char *id, *holder, *source, *programme, *period;
    gint64 amount;
  } grants[] = {
    { "dlsc-deb-2020", "dlsc", "deb", "klyngeprogram-2021", "2020-05-26..2022-12-31", G_GINT64_CONSTANT (1300000000) },
    { "ecd-deb-2023", "ecd", "deb", "innovationskraft-2023", "2023-01-01..2024-12-31", G_GINT64_CONSTANT (2100000000) },
    { "eic-siu-2018", "eic", "siu", "innovationsnetvaerk-2019", "2018-12..2020-06-30", G_GINT64_CONSTANT (1200000000) },
    { "robocluster-siu-2018", "robocluster", "siu", "innovationsnetvaerk-2019", "2018-12..2020-12-31", G_GINT64_CONSTANT (1200000000) },
    /* one programme, one funder: UFM's grants of the cluster programme */
    { "ecd-ufs-2021", "ecd", "ufm", "klyngeprogram-2021", "2021-01-01..2024-12-31", G_GINT64_CONSTANT (3200000000) },
    { "dlsc-ufm-2021", "dlsc", "ufm", "klyngeprogram-2021", "2021-01-01..2024-12-31", G_GINT64_CONSTANT (2100000000) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (grants); i++)
    {
      KlyngeRecord *record = klynge_landscape_lookup (landscape, grants[i].id);
      KlyngeContract *contract;
      GPtrArray *shares;
      g_autofree char *period = NULL;

      ck_assert_msg (KLYNGE_IS_CONTRACT (record), "contract %s is missing", grants[i].id);
      contract = KLYNGE_CONTRACT (record);
      ck_assert_str_eq (klynge_contract_get_holder (contract), grants[i].holder);
      ck_assert_str_eq (klynge_contract_get_programme (contract), grants[i].programme);
      ck_assert_int_eq (klynge_contract_get_amount (contract), grants[i].amount);
      period = klynge_period_to_string (klynge_contract_get_period (contract));
      ck_assert_str_eq (period, grants[i].period);
      shares = klynge_contract_get_shares (contract);
      ck_assert_uint_eq (shares->len, 1);
      ck_assert_str_eq (klynge_share_get_source (g_ptr_array_index (shares, 0)), grants[i].source);
    }
}
END_TEST

/* Facts §4 F1/F5, §10.3: UFM DKK 80 m a year for 2021-2024, DEB 80 m a
 * year for 2021-2022 and its 2023-2024 round of 160 m; the recorded
 * grants are set against them. */
START_TEST (test_default_landscape_sets_grants_against_the_envelopes_of_2021_to_2024)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coverage = klynge_landscape_coverage (landscape, "klyngeprogram-2021", &error);
  guint ufm_years = 0, deb_years = 0;

  ck_assert_no_error (error);
  for (guint year = 2021; year <= 2024; year++)
    ck_assert_int_eq (klynge_landscape_envelope_in_year (landscape, "klyngeprogram-2021", "ufm", year),
                      G_GINT64_CONSTANT (8000000000));
  ck_assert_int_eq (klynge_landscape_envelope_in_year (landscape, "klyngeprogram-2021", "deb", 2022),
                    G_GINT64_CONSTANT (8000000000));
  ck_assert_int_eq (klynge_landscape_envelope_in_year (landscape, "klyngeprogram-2021", "deb", 2023), 0);
  ck_assert_int_eq (klynge_landscape_envelope_in_year (landscape, "innovationskraft-2023", "erdf", 2023)
                    + klynge_landscape_envelope_in_year (landscape, "innovationskraft-2023", "deb", 2023)
                    + klynge_landscape_envelope_in_year (landscape, "innovationskraft-2023", "erdf", 2024)
                    + klynge_landscape_envelope_in_year (landscape, "innovationskraft-2023", "deb", 2024),
                    G_GINT64_CONSTANT (16000000000));
  for (guint i = 0; i < coverage->len; i++)
    {
      KlyngeCoverage *c = g_ptr_array_index (coverage, i);

      /* every year of an envelope has recorded money against it; DLSC's
       * DEB grant also has days in 2020, before the envelopes */
      ck_assert_int_gt (klynge_coverage_get_recorded (c), 0);
      if (klynge_coverage_get_envelope (c) == 0)
        {
          ck_assert_str_eq (klynge_coverage_get_source (c), "deb");
          ck_assert_uint_eq (klynge_coverage_get_year (c), 2020);
          continue;
        }
      ufm_years += strcmp (klynge_coverage_get_source (c), "ufm") == 0;
      deb_years += strcmp (klynge_coverage_get_source (c), "deb") == 0;
    }
  ck_assert_uint_eq (ufm_years, 4);
  ck_assert_uint_eq (deb_years, 2);
}
END_TEST

/* Facts §10.2: where no source shows an organisation's activity after a
 * day and none says that it ended, its status after that day is not
 * known, neither active nor dissolved. */
START_TEST (test_default_landscape_shows_no_activity_after_the_sources_stop)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  const struct { const char *id, *last, *after; } cases[] = {
    { "dmn", "2020-12-31", "2021-01-01" },
    { "invio", "2020-12-31", "2021-01-01" },
    { "danish-healthtech", "2020-12-31", "2021-01-01" },
    { "robocluster", "2020-12-31", "2021-01-01" },
    { "ced", "2022-09-30", "2022-10-01" },
    { "nbe", "2021-01-01", "2021-02-01" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngeDate last = klynge_test_date (cases[i].last), after = klynge_test_date (cases[i].after);
      KlyngeDate end = klynge_test_date ("2024-12-31");

      ck_assert_msg (klynge_landscape_get_status (landscape, cases[i].id, &last, NULL) == KLYNGE_ORGANISATION_STATUS_ACTIVE,
                     "%s is not active on %s", cases[i].id, cases[i].last);
      ck_assert_int_eq (klynge_landscape_get_status (landscape, cases[i].id, &after, NULL), KLYNGE_ORGANISATION_STATUS_NOT_KNOWN);
      ck_assert_int_eq (klynge_landscape_get_status (landscape, cases[i].id, &end, NULL), KLYNGE_ORGANISATION_STATUS_NOT_KNOWN);
    }
}
END_TEST

/* Facts §1: no source names the members of any organisation. */
START_TEST (test_default_landscape_claims_no_member_list)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) organisations = klynge_landscape_list (landscape, KLYNGE_TYPE_ORGANISATION);

  for (guint i = 0; i < organisations->len; i++)
    ck_assert_int_eq (klynge_organisation_get_member_list (g_ptr_array_index (organisations, i)),
                      KLYNGE_MEMBER_LIST_UNKNOWN);
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
  tcase_add_test (integrity, test_default_landscape_programmes_are_sourced_and_resolve);
  tcase_add_test (integrity, test_default_landscape_has_no_invented_members);
  tcase_add_test (integrity, test_default_landscape_has_the_support_body_contract_of_the_facts);
  tcase_add_test (integrity, test_default_landscape_designates_the_14_national_clusters_censec_among_them);
  tcase_add_test (integrity, test_default_landscape_designates_and_funds_no_innovation_network_after_2020);
  tcase_add_test (integrity, test_default_landscape_has_the_sourced_grants_each_in_its_programme);
  tcase_add_test (integrity, test_default_landscape_sets_grants_against_the_envelopes_of_2021_to_2024);
  tcase_add_test (integrity, test_default_landscape_claims_no_member_list);
  tcase_add_test (integrity, test_default_landscape_shows_no_activity_after_the_sources_stop);
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
