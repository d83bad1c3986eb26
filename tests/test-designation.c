/* test-designation.c: designations on a date, their filter, and the
 * programmes of an organisation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-test.h"

/* --- a landscape built in C ------------------------------------------------- */

typedef struct {
  const char *organisation;
  KlyngeDesignationRole role;
  const char *area;       /* NULL: none */
  const char *start;
  const char *end;        /* NULL: open */
} DesignationSpec;

static KlyngeDesignation *
new_designation (const DesignationSpec *spec)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate start = klynge_test_date (spec->start);
  KlyngeDate end = klynge_test_date (spec->end);
  KlyngeDesignation *designation =
    klynge_designation_new (spec->organisation, spec->role, spec->area,
                            &start, spec->end != NULL ? &end : NULL, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (designation);
  return designation;
}

static void
add_organisation (KlyngeLandscape        *landscape,
                  const char             *id,
                  KlyngeOrganisationKind  kind)
{
  g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, kind, id);
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
  ck_assert_no_error (error);
}

static void
add_programme (KlyngeLandscape       *landscape,
               const char            *id,
               KlyngeProgrammeKind    kind,
               const DesignationSpec *specs,
               guint                  n_specs)
{
  g_autoptr(KlyngeProgramme) programme = klynge_programme_new (id, kind, id);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_specs; i++)
    {
      g_autoptr(KlyngeDesignation) designation = new_designation (&specs[i]);

      ck_assert (klynge_programme_add_designation (programme, designation, &error));
      ck_assert_no_error (error);
    }
  ck_assert_msg (klynge_landscape_add (landscape, KLYNGE_RECORD (programme), &error),
                 "%s", error ? error->message : "");
}

#define NC KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER
#define IN KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK
#define SB KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY
#define OT KLYNGE_DESIGNATION_ROLE_OTHER

/* The innovation networks of 2018–2020; nc01 was one of them then. */
static const DesignationSpec innovation_networks_2018[] = {
  { "in01", IN, "Vand", "2018-01-01", "2020-12-31" },
  { "in02", IN, "Lyd", "2018-01-01", "2020-12-31" },
  { "nc01", IN, "Energi", "2018-01-01", "2020-12-31" },
};

/* The 14 national clusters of 2021–2024, listed by the programme in the
 * reverse of the landscape's order of organisations, so that "in order"
 * can only mean the programme's order. */
static const DesignationSpec national_clusters_2021[] = {
  { "nc14", NC, "Område 14", "2021-01-01", "2024-12-31" },
  { "nc13", NC, "Område 13", "2021-01-01", "2024-12-31" },
  { "nc12", NC, "Område 12", "2021-01-01", "2024-12-31" },
  { "nc11", NC, "Område 11", "2021-01-01", "2024-12-31" },
  { "nc10", NC, "Område 10", "2021-01-01", "2024-12-31" },
  { "nc09", NC, "Område 9", "2021-01-01", "2024-12-31" },
  { "nc08", NC, "Område 8", "2021-01-01", "2024-12-31" },
  { "nc07", NC, "Område 7", "2021-01-01", "2024-12-31" },
  { "nc06", NC, "Område 6", "2021-01-01", "2024-12-31" },
  { "nc05", NC, "Område 5", "2021-01-01", "2024-12-31" },
  { "nc04", NC, "Område 4", "2021-01-01", "2024-12-31" },
  { "nc03", NC, "Område 3", "2021-01-01", "2024-12-31" },
  { "nc02", NC, "Område 2", "2021-01-01", "2024-12-31" },
  { "nc01", NC, "Energiteknologi", "2021-01-01", "2024-12-31" },
};

/* Known only to have started some time in 2021. */
static const DesignationSpec transition_2021[] = {
  { "in03", OT, NULL, "2021", "2021-12-31" },
};

/* The next programme: a start known to the year, an end known to the
 * month, and nc01 designated twice. */
static const DesignationSpec national_clusters_2025[] = {
  { "nc01", NC, "Energiteknologi", "2025", NULL },
  { "ced", SB, NULL, "2025-01-01", "2025-06" },
  { "nc01", OT, NULL, "2026-01-01", NULL },
};

/* Organisations: ced, nc01…nc14, in01…in03, reg (never designated).
 * Programmes in this order: inp-2018, kp-2021, tp-2021, kp-2025; a
 * contract of ced names kp-2021 without kp-2021 designating ced. */
static KlyngeLandscape *
new_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeContract) contract = NULL;
  g_autoptr(KlyngeFundingSource) source = NULL;
  g_autoptr(KlyngeShare) share = NULL;
  KlyngePeriod period;

  source = klynge_funding_source_new ("deb", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "DEB");
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (source), &error));
  add_organisation (landscape, "ced", KLYNGE_ORGANISATION_KIND_SUPPORT_BODY);
  for (guint i = 1; i <= 14; i++)
    {
      g_autofree char *id = g_strdup_printf ("nc%02u", i);

      add_organisation (landscape, id, KLYNGE_ORGANISATION_KIND_CLUSTER);
    }
  add_organisation (landscape, "in01", KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
  add_organisation (landscape, "in02", KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
  add_organisation (landscape, "in03", KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
  add_organisation (landscape, "reg", KLYNGE_ORGANISATION_KIND_CLUSTER);

  add_programme (landscape, "inp-2018", KLYNGE_PROGRAMME_KIND_INNOVATION_NETWORK_PROGRAMME,
                 innovation_networks_2018, G_N_ELEMENTS (innovation_networks_2018));
  add_programme (landscape, "kp-2021", KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
                 national_clusters_2021, G_N_ELEMENTS (national_clusters_2021));
  add_programme (landscape, "tp-2021", KLYNGE_PROGRAMME_KIND_TRANSITION_POOL,
                 transition_2021, G_N_ELEMENTS (transition_2021));
  add_programme (landscape, "kp-2025", KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
                 national_clusters_2025, G_N_ELEMENTS (national_clusters_2025));

  ck_assert (klynge_period_init (&period, &(KlyngeDate) { 2021, 1, 1 },
                                 &(KlyngeDate) { 2021, 12, 31 }, &error));
  contract = klynge_contract_new ("ced-2021", "ced", &period, 100000);
  share = klynge_share_new ("deb", 10000, &error);
  ck_assert (klynge_contract_add_share (contract, share, &error));
  ck_assert (klynge_contract_set_programme (contract, "kp-2021", &error));
  ck_assert_msg (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error),
                 "%s", error ? error->message : "");
  return landscape;
}

/* "programme/organisation" for each designation, joined by spaces */
static char *
describe_designations (GPtrArray *designations)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);

      g_string_append_printf (text, "%s%s/%s", i > 0 ? " " : "",
                              klynge_designation_get_programme (designation),
                              klynge_designation_get_organisation (designation));
    }
  return g_string_free (text, FALSE);
}

static char *
describe_records (GPtrArray *records)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            klynge_record_get_id (g_ptr_array_index (records, i)));
  return g_string_free (text, FALSE);
}

#define KP_2021_ALL \
  "kp-2021/nc14 kp-2021/nc13 kp-2021/nc12 kp-2021/nc11 kp-2021/nc10 kp-2021/nc09 kp-2021/nc08 " \
  "kp-2021/nc07 kp-2021/nc06 kp-2021/nc05 kp-2021/nc04 kp-2021/nc03 kp-2021/nc02 kp-2021/nc01"

/* --- the acceptance question ------------------------------------------------ */

START_TEST (test_designations_on_2021_06_01_are_the_14_national_clusters_in_programme_order)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  KlyngeDate date = klynge_test_date ("2021-06-01");

  klynge_designation_filter_set_active_on (filter, &date);
  designations = klynge_landscape_designations (landscape, filter);

  ck_assert_uint_eq (designations->len, 14);
  for (guint i = 0; i < 14; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      g_autofree char *expected = g_strdup_printf ("nc%02u", 14 - i);

      ck_assert_str_eq (klynge_designation_get_organisation (designation), expected);
      ck_assert_int_eq (klynge_designation_get_role (designation), NC);
      ck_assert_str_eq (klynge_designation_get_programme (designation), "kp-2021");
    }
}
END_TEST

/* --- the filter, table-driven ----------------------------------------------- */

typedef struct {
  const char *name;
  int role;                   /* -1: no condition */
  const char *programme;
  const char *area;
  const char *organisation;
  const char *active_on;
  const char *expected;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "a new filter keeps every designation, programmes then designations in order",
    -1, NULL, NULL, NULL, NULL,
    "inp-2018/in01 inp-2018/in02 inp-2018/nc01 " KP_2021_ALL " tp-2021/in03 "
    "kp-2025/nc01 kp-2025/ced kp-2025/nc01" },
  { "role innovation-network", IN, NULL, NULL, NULL, NULL,
    "inp-2018/in01 inp-2018/in02 inp-2018/nc01" },
  { "role support-body", SB, NULL, NULL, NULL, NULL, "kp-2025/ced" },
  { "role other", OT, NULL, NULL, NULL, NULL, "tp-2021/in03 kp-2025/nc01" },
  { "programme", -1, "kp-2025", NULL, NULL, NULL, "kp-2025/nc01 kp-2025/ced kp-2025/nc01" },
  { "a programme that does not exist", -1, "no-such", NULL, NULL, NULL, "" },
  { "area, in full", -1, NULL, "Energiteknologi", NULL, NULL,
    "kp-2021/nc01 kp-2025/nc01" },
  { "area that differs in case", -1, NULL, "energiteknologi", NULL, NULL,
    "kp-2021/nc01 kp-2025/nc01" },
  { "area as far as a user has typed it", -1, NULL, "ENERGI", NULL, NULL,
    "inp-2018/nc01 kp-2021/nc01 kp-2025/nc01" },
  /* "Energi" is no label of the vocabulary, so it has no English one */
  { "area by part of the vocabulary's English label", -1, NULL, "energy", NULL, NULL,
    "kp-2021/nc01 kp-2025/nc01" },
  { "area that nothing contains", -1, NULL, "no such area", NULL, NULL, "" },
  { "organisation over its whole life", -1, NULL, NULL, "nc01", NULL,
    "inp-2018/nc01 kp-2021/nc01 kp-2025/nc01 kp-2025/nc01" },
  { "organisation on a date", -1, NULL, NULL, "nc01", "2019-06-30", "inp-2018/nc01" },
  { "role and programme together", NC, "kp-2025", NULL, NULL, NULL, "kp-2025/nc01" },
  { "the day before the 14 start", -1, NULL, NULL, NULL, "2020-12-31",
    "inp-2018/in01 inp-2018/in02 inp-2018/nc01" },
  { "the last day of the 14", NC, NULL, NULL, NULL, "2024-12-31", KP_2021_ALL },
  { "a start known to the year is certain only on its last day", -1, NULL, NULL, NULL,
    "2021-12-31", KP_2021_ALL " tp-2021/in03" },
  { "the day after the 14 end", -1, NULL, NULL, NULL, "2025-01-01", "kp-2025/ced" },
  { "an end known to the month is certain only to its first day", -1, NULL, NULL, NULL,
    "2025-06-01", "kp-2025/ced" },
  { "the day after an end known to the month", -1, NULL, NULL, NULL, "2025-06-02", "" },
  { "a start known to the year, on a day in that year", NC, NULL, NULL, NULL,
    "2025-03-01", "" },
  { "a start known to the year, on the year's last day", NC, NULL, NULL, NULL,
    "2025-12-31", "kp-2025/nc01" },
  { "an open end runs on", -1, NULL, NULL, "nc01", "2040-01-01",
    "kp-2025/nc01 kp-2025/nc01" },
  { "a month: designations in force all month", -1, NULL, NULL, NULL, "2021-06", KP_2021_ALL },
  { "a year: designations in force all year", -1, NULL, NULL, NULL, "2021", KP_2021_ALL },
  { "a year no designation covers whole", -1, NULL, NULL, NULL, "2025", "" },
};

START_TEST (test_designation_filter_keeps_what_each_condition_allows_in_order)
{
  const FilterCase *c = &filter_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  g_autofree char *got = NULL;

  if (c->role >= 0)
    klynge_designation_filter_set_role (filter, c->role);
  klynge_designation_filter_set_programme (filter, c->programme);
  klynge_designation_filter_set_area (filter, c->area);
  klynge_designation_filter_set_organisation (filter, c->organisation);
  if (c->active_on != NULL)
    {
      KlyngeDate date = klynge_test_date (c->active_on);

      klynge_designation_filter_set_active_on (filter, &date);
    }
  designations = klynge_landscape_designations (landscape, filter);
  got = describe_designations (designations);
  ck_assert_msg (strcmp (got, c->expected) == 0, "%s: got “%s”, expected “%s”",
                 c->name, got, c->expected);
}
END_TEST

START_TEST (test_designations_without_a_filter_are_all_of_them)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GPtrArray) all = klynge_landscape_designations (landscape, NULL);
  g_autofree char *got = describe_designations (all);

  ck_assert_str_eq (got, filter_cases[0].expected);
  ck_assert (klynge_designation_filter_matches (NULL, g_ptr_array_index (all, 0)));
}
END_TEST

START_TEST (test_designation_filter_conditions_set_to_null_are_dropped)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  KlyngeDate date = klynge_test_date ("2030-01-01");

  klynge_designation_filter_set_programme (filter, "no-such");
  klynge_designation_filter_set_area (filter, "no-such");
  klynge_designation_filter_set_organisation (filter, "no-such");
  klynge_designation_filter_set_active_on (filter, &date);
  designations = klynge_landscape_designations (landscape, filter);
  ck_assert_uint_eq (designations->len, 0);
  g_ptr_array_unref (designations);

  klynge_designation_filter_set_programme (filter, NULL);
  klynge_designation_filter_set_area (filter, NULL);
  klynge_designation_filter_set_organisation (filter, NULL);
  klynge_designation_filter_set_active_on (filter, NULL);
  designations = klynge_landscape_designations (landscape, filter);
  ck_assert_uint_eq (designations->len, 3 + 14 + 1 + 3);
}
END_TEST

START_TEST (test_designations_of_an_empty_landscape_are_none)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GPtrArray) designations = klynge_landscape_designations (landscape, NULL);

  ck_assert_uint_eq (designations->len, 0);
}
END_TEST

START_TEST (test_designation_filter_is_a_refcounted_boxed_type)
{
  KlyngeDesignationFilter *filter = klynge_designation_filter_new ();
  KlyngeDesignationFilter *copy = g_boxed_copy (KLYNGE_TYPE_DESIGNATION_FILTER, filter);

  ck_assert_ptr_eq (copy, filter);
  ck_assert_ptr_eq (klynge_designation_filter_ref (filter), filter);
  klynge_designation_filter_unref (filter);
  g_boxed_free (KLYNGE_TYPE_DESIGNATION_FILTER, copy);
  klynge_designation_filter_unref (filter);
}
END_TEST

/* --- active on a date -------------------------------------------------------- */

typedef struct {
  const char *start;
  const char *end;        /* NULL: open */
  const char *date;
  gboolean active;
} ActiveCase;

static const ActiveCase active_cases[] = {
  { "2021-01-01", "2024-12-31", "2020-12-31", FALSE },   /* before */
  { "2021-01-01", "2024-12-31", "2021-01-01", TRUE },    /* first day */
  { "2021-01-01", "2024-12-31", "2024-12-31", TRUE },    /* last day */
  { "2021-01-01", "2024-12-31", "2025-01-01", FALSE },   /* after */
  { "2021", "2024", "2021-06-01", FALSE },               /* may not have started */
  { "2021", "2024", "2021-12-31", TRUE },                /* certainly started */
  { "2021", "2024", "2024-01-01", TRUE },                /* certainly not ended */
  { "2021", "2024", "2024-01-02", FALSE },               /* may have ended */
  { "2021-03", NULL, "2021-03-15", FALSE },
  { "2021-03", NULL, "2021-03-31", TRUE },
  { "2021-03", NULL, "9999-12-31", TRUE },               /* open end */
  { "2021-01-01", "2021-06", "2021-06", FALSE },         /* not all of June */
  { "2021-01-01", "2021-06", "2021-05", TRUE },
  { "2021-01-01", "2024-12-31", "2021", TRUE },          /* all of 2021 */
  { "2021-01-01", "2024-12-31", "2024", TRUE },
  { "2021-02-01", "2024-12-31", "2021", FALSE },         /* not January */
  { "2021-01-01", "2024-12-31", "2025", FALSE },
};

START_TEST (test_designation_is_active_only_on_days_it_certainly_covers)
{
  const ActiveCase *c = &active_cases[_i];
  DesignationSpec spec = { "nc01", NC, NULL, c->start, c->end };
  g_autoptr(KlyngeDesignation) designation = new_designation (&spec);
  KlyngeDate date = klynge_test_date (c->date);

  ck_assert_msg (klynge_designation_is_active_on (designation, &date) == c->active,
                 "%s..%s on %s: expected %s", c->start, c->end ? c->end : "",
                 c->date, c->active ? "active" : "not active");
}
END_TEST

START_TEST (test_designation_active_on_no_date_is_a_programmer_error)
{
  DesignationSpec spec = { "nc01", NC, NULL, "2021-01-01", NULL };
  g_autoptr(KlyngeDesignation) designation = new_designation (&spec);
  KlyngeDate none = { 0, };

  assert_critical (ck_assert (!klynge_designation_is_active_on (designation, &none)));
}
END_TEST

/* --- the programmes of an organisation --------------------------------------- */

typedef struct {
  const char *organisation;
  const char *expected;
} ProgrammesOfCase;

static const ProgrammesOfCase programmes_of_cases[] = {
  { "nc01", "inp-2018 kp-2021 kp-2025" },   /* each once, in landscape order */
  { "nc05", "kp-2021" },
  { "ced", "kp-2025" },                     /* its contract naming kp-2021 does not count */
  { "in03", "tp-2021" },
  { "reg", "" },                            /* never designated */
  { "deb", "" },                            /* not an organisation */
  { "no-such", "" },
};

START_TEST (test_programmes_of_an_organisation_are_those_that_designated_it)
{
  const ProgrammesOfCase *c = &programmes_of_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GPtrArray) programmes = klynge_landscape_programmes_of (landscape, c->organisation);
  g_autofree char *got = describe_records (programmes);

  ck_assert_msg (strcmp (got, c->expected) == 0, "%s: got “%s”, expected “%s”",
                 c->organisation, got, c->expected);
  for (guint i = 0; i < programmes->len; i++)
    ck_assert (KLYNGE_IS_PROGRAMME (g_ptr_array_index (programmes, i)));
}
END_TEST

START_TEST (test_programmes_of_a_removed_programme_no_longer_list_it)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GPtrArray) before = klynge_landscape_programmes_of (landscape, "nc01");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  ck_assert_uint_eq (before->len, 3);
  ck_assert (klynge_landscape_remove (landscape, "inp-2018", &error));
  ck_assert_no_error (error);
  after = klynge_landscape_programmes_of (landscape, "nc01");
  got = describe_records (after);
  ck_assert_str_eq (got, "kp-2021 kp-2025");
  /* the array holds its own references */
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (before, 0)), "inp-2018");
}
END_TEST

static Suite *
designation_suite (void)
{
  Suite *suite = suite_create ("designation");
  TCase *tc;

  tc = tcase_create ("acceptance");
  tcase_add_test (tc, test_designations_on_2021_06_01_are_the_14_national_clusters_in_programme_order);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("filter");
  tcase_add_loop_test (tc, test_designation_filter_keeps_what_each_condition_allows_in_order,
                       0, G_N_ELEMENTS (filter_cases));
  tcase_add_test (tc, test_designations_without_a_filter_are_all_of_them);
  tcase_add_test (tc, test_designation_filter_conditions_set_to_null_are_dropped);
  tcase_add_test (tc, test_designations_of_an_empty_landscape_are_none);
  tcase_add_test (tc, test_designation_filter_is_a_refcounted_boxed_type);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("active-on");
  tcase_add_loop_test (tc, test_designation_is_active_only_on_days_it_certainly_covers,
                       0, G_N_ELEMENTS (active_cases));
  tcase_add_test (tc, test_designation_active_on_no_date_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("programmes-of");
  tcase_add_loop_test (tc, test_programmes_of_an_organisation_are_those_that_designated_it,
                       0, G_N_ELEMENTS (programmes_of_cases));
  tcase_add_test (tc, test_programmes_of_a_removed_programme_no_longer_list_it);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (designation_suite ());
}
