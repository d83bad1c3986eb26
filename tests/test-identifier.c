/* test-identifier.c: identifiers in outside registers, on their records,
 * in the format and looked up in a landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-test.h"

/* LEIs and CVR numbers with real check digits; see test-identifiers.c
 * for where they come from and how they were checked. */
#define LEI "5493001KJTIIGC8Y1R12"
#define LEI_BAD_CHECK "5493001KJTIIGC8Y1R13"
#define OTHER_LEI "213800KUD8LAJWSQ9D15"
#define CVR "13748136"
#define OTHER_CVR "24256790"

static KlyngeIdentifier *
new_identifier (KlyngeIdentifierScheme  scheme,
                const char             *value,
                const char             *since,
                const char             *until)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate s = klynge_test_date (since), u = klynge_test_date (until);
  KlyngeIdentifier *identifier = klynge_identifier_new (scheme, value, &s, &u, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (identifier);
  return identifier;
}

/* --- the value ------------------------------------------------------------- */

START_TEST (test_identifier_keeps_its_scheme_value_and_dates)
{
  g_autoptr(KlyngeIdentifier) identifier =
    new_identifier (KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, "2014-03", NULL);
  g_autofree char *since = klynge_date_to_string (klynge_identifier_get_since (identifier));

  ck_assert_int_eq (klynge_identifier_get_scheme (identifier), KLYNGE_IDENTIFIER_SCHEME_LEI);
  ck_assert_str_eq (klynge_identifier_get_value (identifier), LEI);
  ck_assert_str_eq (since, "2014-03");
  ck_assert (!klynge_date_is_set (klynge_identifier_get_until (identifier)));
  ck_assert_uint_eq (klynge_identifier_get_line (identifier), 0);
}
END_TEST

START_TEST (test_identifier_with_a_wrong_check_digit_is_refused)
{
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (klynge_identifier_new (KLYNGE_IDENTIFIER_SCHEME_LEI, LEI_BAD_CHECK,
                                             NULL, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_IDENTIFIER);
}
END_TEST

START_TEST (test_identifier_until_before_since_is_a_bad_period)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2021-01-01"), until = klynge_test_date ("2020");
  g_autoptr(KlyngeIdentifier) same_year = NULL;

  ck_assert_ptr_null (klynge_identifier_new (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, &since, &until, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);

  /* a partial until stands for its last day: no contradiction */
  since = klynge_test_date ("2020-06-01");
  same_year = klynge_identifier_new (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, &since, &until, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (same_year);
}
END_TEST

static const struct {
  const char *since;
  const char *until;
  const char *date;
  gboolean valid;
} valid_on_cases[] = {
  { NULL, NULL, "2021-06-01", TRUE },                   /* no bounds: always */
  { "2020-01-01", "2020-12-31", "2020-06", TRUE },
  { "2020-01-01", "2020-12-31", "2020", TRUE },
  { "2020-01-01", "2020-12-31", "2021-01-01", FALSE },
  { "2020-01-01", "2020-12-31", "2019-12-31", FALSE },
  { "2020", NULL, "2020-06-01", FALSE },                /* not known yet */
  { "2020", NULL, "2020-12-31", TRUE },
  { NULL, "2024", "2024-01-01", TRUE },
  { NULL, "2024", "2024-01-02", FALSE },                /* may have ended */
  { "2019-06-01", NULL, "2019", FALSE },                /* not all of 2019 */
  { "2020", "2020", "2020-06-01", FALSE },              /* no day is certain */
};

START_TEST (test_identifier_is_valid_on_the_days_it_certainly_covers)
{
  g_autoptr(KlyngeIdentifier) identifier =
    new_identifier (KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q42",
                    valid_on_cases[_i].since, valid_on_cases[_i].until);
  KlyngeDate date = klynge_test_date (valid_on_cases[_i].date);

  ck_assert_msg (klynge_identifier_is_valid_on (identifier, &date) == valid_on_cases[_i].valid,
                 "%s..%s on %s", valid_on_cases[_i].since, valid_on_cases[_i].until,
                 valid_on_cases[_i].date);
}
END_TEST

/* --- on records -------------------------------------------------------------- */

START_TEST (test_organisation_keeps_identifiers_in_the_order_added)
{
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "Klynge O");
  g_autoptr(KlyngeIdentifier) lei = new_identifier (KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, NULL, NULL);
  g_autoptr(KlyngeIdentifier) cvr = new_identifier (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *identifiers = klynge_organisation_get_identifiers (organisation);

  ck_assert_uint_eq (identifiers->len, 0);
  ck_assert (klynge_organisation_add_identifier (organisation, lei, &error));
  ck_assert (klynge_organisation_add_identifier (organisation, cvr, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (identifiers->len, 2);
  ck_assert_ptr_eq (g_ptr_array_index (identifiers, 0), lei);
  ck_assert_ptr_eq (g_ptr_array_index (identifiers, 1), cvr);

  klynge_organisation_clear_identifiers (organisation);
  ck_assert_uint_eq (identifiers->len, 0);
}
END_TEST

START_TEST (test_same_identifier_twice_at_the_same_time_is_a_duplicate)
{
  g_autoptr(KlyngeFundingSource) source =
    klynge_funding_source_new ("fs", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "Styrelse");
  g_autoptr(KlyngeIdentifier) until_2019 =
    new_identifier (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, NULL, "2019-12-31");
  g_autoptr(KlyngeIdentifier) since_2019_06 =
    new_identifier (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, "2019-06-01", NULL);
  g_autoptr(KlyngeIdentifier) since_2020 =
    new_identifier (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, "2020-01-01", NULL);
  g_autoptr(KlyngeIdentifier) other_scheme =
    new_identifier (KLYNGE_IDENTIFIER_SCHEME_OTHER, CVR, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *identifiers = klynge_funding_source_get_identifiers (source);

  ck_assert (klynge_funding_source_add_identifier (source, until_2019, &error));
  ck_assert (!klynge_funding_source_add_identifier (source, since_2019_06, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_IDENTIFIER);
  ck_assert_uint_eq (identifiers->len, 1);

  /* handed over at the turn of the year, or another register: fine */
  ck_assert (klynge_funding_source_add_identifier (source, since_2020, &error));
  ck_assert (klynge_funding_source_add_identifier (source, other_scheme, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (identifiers->len, 3);

  klynge_funding_source_clear_identifiers (source);
  ck_assert_uint_eq (identifiers->len, 0);
}
END_TEST

static char *
saved_text (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = klynge_landscape_save_bytes (landscape, &error);

  ck_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

START_TEST (test_a_record_with_identifiers_needs_version_2)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeFundingSource) source =
    klynge_funding_source_new ("fs", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "Styrelse");
  g_autoptr(KlyngeIdentifier) cvr = new_identifier (KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *without = NULL, *with = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (source), &error));
  without = saved_text (landscape);
  ck_assert_ptr_nonnull (strstr (without, "version=\"1\""));

  ck_assert (klynge_funding_source_add_identifier (source, cvr, &error));
  with = saved_text (landscape);
  ck_assert_ptr_nonnull (strstr (with, "version=\"2\""));
  ck_assert_ptr_nonnull (strstr (with, "<identifier scheme=\"cvr\" value=\"" CVR "\"/>"));
}
END_TEST

/* --- in the format, and looked up ------------------------------------------ */

static const char document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                /* 1 */
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"fs\" kind=\"national-agency\">\n"
  "      <name>Styrelse</name>\n"                                               /* 5 */
  "      <identifier scheme=\"lei\" value=\"" OTHER_LEI "\"/>\n"
  "    </funding-source>\n"
  "  </funding-sources>\n"
  "  <organisations>\n"
  "    <organisation id=\"o-a\" kind=\"cluster\" cvr=\"" OTHER_CVR "\">\n"      /* 10 */
  "      <name>Klynge A</name>\n"
  "    </organisation>\n"
  "    <organisation id=\"o-b\" kind=\"cluster\">\n"
  "      <name>Klynge B</name>\n"
  "      <website>https://b.example</website>\n"                                /* 15 */
  "      <identifier scheme=\"lei\" value=\"" LEI "\" since=\"2015-03-01\" until=\"2020-06-30\"/>\n"
  "      <identifier scheme=\"cvr\" value=\"" CVR "\" since=\"2015\"/>\n"
  "      <identifier scheme=\"wikidata\" value=\"Q42\"/>\n"
  "    </organisation>\n"
  "  </organisations>\n"                                                        /* 20 */
  "</landscape>\n";

static KlyngeLandscape *
load_text (const char     *text,
           KlyngeProblem **problem)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return klynge_landscape_load_bytes_with_problem (bytes, "identifiers.xml", NULL, problem);
}

static KlyngeLandscape *
load_document (void)
{
  KlyngeProblem *problem = NULL;
  KlyngeLandscape *landscape = load_text (document, &problem);

  ck_assert_msg (landscape != NULL, "%s", problem ? klynge_problem_get_message (problem) : "");
  return landscape;
}

START_TEST (test_identifiers_load_with_their_lines)
{
  g_autoptr(KlyngeLandscape) landscape = load_document ();
  KlyngeRecord *b = klynge_landscape_lookup (landscape, "o-b");
  GPtrArray *identifiers = klynge_organisation_get_identifiers (KLYNGE_ORGANISATION (b));
  KlyngeIdentifier *lei;

  ck_assert_uint_eq (identifiers->len, 3);
  lei = g_ptr_array_index (identifiers, 0);
  ck_assert_str_eq (klynge_identifier_get_value (lei), LEI);
  ck_assert_uint_eq (klynge_identifier_get_line (lei), 16);
  ck_assert_uint_eq (klynge_identifier_get_line (g_ptr_array_index (identifiers, 2)), 18);
}
END_TEST

static const struct {
  KlyngeIdentifierScheme scheme;
  const char *value;
  const char *date;       /* NULL: at any time */
  const char *found;      /* NULL: none */
} lookup_cases[] = {
  { KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, "2018-05-01", "o-b" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, "2020-06-30", "o-b" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, "2020-07-01", NULL },     /* after until */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, "2015-02-28", NULL },     /* before since */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, NULL, "o-b" },
  { KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, "2016-01-01", "o-b" },
  { KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, "2015-06-01", NULL },      /* "2015" is not yet certain */
  { KLYNGE_IDENTIFIER_SCHEME_CVR, CVR, "2014-12-31", NULL },
  { KLYNGE_IDENTIFIER_SCHEME_CVR, OTHER_CVR, "1999-01-01", "o-a" },  /* the cvr attribute */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, OTHER_LEI, "2021", "fs" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q42", NULL, "o-b" },
  { KLYNGE_IDENTIFIER_SCHEME_OTHER, "Q42", NULL, NULL },          /* another register */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, OTHER_CVR, NULL, NULL },
};

START_TEST (test_lookup_identifier_finds_the_record_valid_on_the_date)
{
  g_autoptr(KlyngeLandscape) landscape = load_document ();
  KlyngeDate date = klynge_test_date (lookup_cases[_i].date);
  KlyngeRecord *record =
    klynge_landscape_lookup_identifier (landscape, lookup_cases[_i].scheme, lookup_cases[_i].value,
                                        lookup_cases[_i].date != NULL ? &date : NULL);

  if (lookup_cases[_i].found == NULL)
    ck_assert_msg (record == NULL, "%s on %s found %s", lookup_cases[_i].value,
                   lookup_cases[_i].date, klynge_record_get_id (record));
  else
    {
      ck_assert_msg (record != NULL, "%s on %s: nothing", lookup_cases[_i].value, lookup_cases[_i].date);
      ck_assert_str_eq (klynge_record_get_id (record), lookup_cases[_i].found);
    }
}
END_TEST

START_TEST (test_identifiers_round_trip)
{
  g_autoptr(KlyngeLandscape) landscape = load_document ();
  g_autofree char *saved = saved_text (landscape);
  g_autoptr(KlyngeLandscape) again = NULL;
  g_autofree char *saved_again = NULL;
  KlyngeProblem *problem = NULL;

  ck_assert_ptr_nonnull (strstr (saved, "<website>https://b.example</website>\n"
                                 "      <identifier scheme=\"lei\" value=\"" LEI
                                 "\" since=\"2015-03-01\" until=\"2020-06-30\"/>\n"));
  again = load_text (saved, &problem);
  ck_assert_ptr_nonnull (again);
  saved_again = saved_text (again);
  ck_assert_str_eq (saved, saved_again);
}
END_TEST

/* The document with one line (1-based) replaced. */
static char *
document_with_line (guint       line,
                    const char *replacement)
{
  g_auto(GStrv) lines = g_strsplit (document, "\n", -1);

  g_free (lines[line - 1]);
  lines[line - 1] = g_strdup (replacement);
  return g_strjoinv ("\n", lines);
}

static const struct {
  guint line;
  const char *replacement;
  int code;
  guint at;               /* the line the problem names */
} refused_cases[] = {
  { 16, "      <identifier scheme=\"lei\" value=\"" LEI_BAD_CHECK "\"/>", KLYNGE_ERROR_BAD_IDENTIFIER, 16 },
  { 16, "      <identifier scheme=\"cvr\" value=\"13748137\"/>", KLYNGE_ERROR_BAD_IDENTIFIER, 16 },
  { 16, "      <identifier scheme=\"wikidata\" value=\"Q042\"/>", KLYNGE_ERROR_BAD_IDENTIFIER, 16 },
  { 16, "      <identifier scheme=\"p-number\" value=\"123\"/>", KLYNGE_ERROR_BAD_IDENTIFIER, 16 },
  { 16, "      <identifier scheme=\"duns\" value=\"123\"/>", KLYNGE_ERROR_BAD_ENUM, 16 },
  { 16, "      <identifier scheme=\"cvr\" value=\"" CVR "\" since=\"2021\" until=\"2020\"/>",
    KLYNGE_ERROR_BAD_PERIOD, 16 },
  { 16, "      <identifier scheme=\"cvr\" value=\"" CVR "\" until=\"2016-01-01\"/>",
    KLYNGE_ERROR_DUPLICATE_IDENTIFIER, 17 },                      /* line 17's overlaps it */
  { 16, "      <identifier scheme=\"cvr\"/>", KLYNGE_ERROR_MISSING_ATTRIBUTE, 16 },
  /* a version 1 document stops at the first identifier, the funding source's */
  { 2, "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">", KLYNGE_ERROR_UNKNOWN_ELEMENT, 6 },
};

START_TEST (test_bad_identifiers_are_refused_with_code_and_line)
{
  g_autofree char *text = document_with_line (refused_cases[_i].line, refused_cases[_i].replacement);
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_text (text, &problem);

  ck_assert_ptr_null (landscape);
  ck_assert_ptr_nonnull (problem);
  ck_assert_msg (klynge_problem_get_code (problem) == refused_cases[_i].code,
                 "case %d: %s", _i, klynge_problem_get_message (problem));
  ck_assert_uint_eq (klynge_problem_get_line (problem), refused_cases[_i].at);
}
END_TEST

/* Listing every problem reads on past a missing attribute: the
 * identifier without a value is reported, never made. */
START_TEST (test_validate_file_lists_identifiers_missing_scheme_or_value)
{
  g_autofree char *text = document_with_line (16, "      <identifier scheme=\"lei\"/><identifier value=\"Q1\"/>");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int fd = g_file_open_tmp ("identifier-XXXXXX.xml", &path, &error);

  ck_assert_no_error (error);
  close (fd);
  ck_assert (g_file_set_contents (path, text, -1, &error));
  problems = klynge_landscape_validate_file (path, NULL);
  g_unlink (path);
  ck_assert_uint_eq (problems->len, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, i)),
                        KLYNGE_ERROR_MISSING_ATTRIBUTE);
      ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, i)), 16);
    }
}
END_TEST

START_TEST (test_validate_reports_two_records_with_one_identifier_at_once)
{
  g_autofree char *text =
    document_with_line (6, "      <identifier scheme=\"lei\" value=\"" LEI "\" since=\"2019\"/>");
  g_autoptr(KlyngeLandscape) landscape = load_document ();
  g_autoptr(GPtrArray) none = klynge_landscape_validate (landscape);
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) clash = load_text (text, &problem);
  g_autoptr(GPtrArray) problems = NULL;
  KlyngeProblem *found;

  ck_assert_uint_eq (none->len, 0);
  /* since 2019 and until 2020-06-30 certainly share the first half of 2020 */
  ck_assert_ptr_nonnull (clash);
  problems = klynge_landscape_validate (clash);
  ck_assert_uint_eq (problems->len, 1);
  found = g_ptr_array_index (problems, 0);
  ck_assert_int_eq (klynge_problem_get_code (found), KLYNGE_ERROR_DUPLICATE_IDENTIFIER);
  /* the funding source comes first; the organisation's identifier clashes */
  ck_assert_uint_eq (klynge_problem_get_line (found), 16);
}
END_TEST

START_TEST (test_validate_lets_one_identifier_pass_from_one_record_to_another)
{
  /* o-b's LEI ends on 2020-06-30; fs-1's starts in 2021 */
  g_autofree char *text =
    document_with_line (6, "      <identifier scheme=\"lei\" value=\"" LEI "\" since=\"2021\"/>");
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_text (text, &problem);
  g_autoptr(GPtrArray) problems = NULL;
  KlyngeDate in_2018 = klynge_test_date ("2018"), in_2022 = klynge_test_date ("2022");

  ck_assert_ptr_nonnull (landscape);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_str_eq (klynge_record_get_id (klynge_landscape_lookup_identifier (
                      landscape, KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, &in_2018)), "o-b");
  ck_assert_str_eq (klynge_record_get_id (klynge_landscape_lookup_identifier (
                      landscape, KLYNGE_IDENTIFIER_SCHEME_LEI, LEI, &in_2022)), "fs");
}
END_TEST

#define N_THREADS 4
#define N_LOOKUPS 2000

static gpointer
look_up_repeatedly (gpointer data)
{
  KlyngeLandscape *landscape = data;
  KlyngeDate in_2018 = klynge_test_date ("2018-05-01");
  guint found = 0;

  for (guint i = 0; i < N_LOOKUPS; i++)
    {
      KlyngeRecord *record = klynge_landscape_lookup_identifier (landscape, KLYNGE_IDENTIFIER_SCHEME_LEI,
                                                                 LEI, &in_2018);

      found += record != NULL && strcmp (klynge_record_get_id (record), "o-b") == 0;
    }
  return GUINT_TO_POINTER (found);
}

/* Lookups are reads: any number of threads may make them at once. */
START_TEST (test_lookup_identifier_from_several_threads_at_once)
{
  g_autoptr(KlyngeLandscape) landscape = load_document ();
  GThread *threads[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("lookup", look_up_repeatedly, landscape);
  for (guint i = 0; i < N_THREADS; i++)
    ck_assert_uint_eq (GPOINTER_TO_UINT (g_thread_join (threads[i])), N_LOOKUPS);
}
END_TEST

static Suite *
identifier_suite (void)
{
  Suite *suite = suite_create ("identifier");
  TCase *value = tcase_create ("value");
  TCase *records = tcase_create ("records");
  TCase *format = tcase_create ("format");

  tcase_add_test (value, test_identifier_keeps_its_scheme_value_and_dates);
  tcase_add_test (value, test_identifier_with_a_wrong_check_digit_is_refused);
  tcase_add_test (value, test_identifier_until_before_since_is_a_bad_period);
  tcase_add_loop_test (value, test_identifier_is_valid_on_the_days_it_certainly_covers,
                       0, G_N_ELEMENTS (valid_on_cases));
  suite_add_tcase (suite, value);

  tcase_add_test (records, test_organisation_keeps_identifiers_in_the_order_added);
  tcase_add_test (records, test_same_identifier_twice_at_the_same_time_is_a_duplicate);
  tcase_add_test (records, test_a_record_with_identifiers_needs_version_2);
  suite_add_tcase (suite, records);

  tcase_add_test (format, test_identifiers_load_with_their_lines);
  tcase_add_loop_test (format, test_lookup_identifier_finds_the_record_valid_on_the_date,
                       0, G_N_ELEMENTS (lookup_cases));
  tcase_add_test (format, test_identifiers_round_trip);
  tcase_add_loop_test (format, test_bad_identifiers_are_refused_with_code_and_line,
                       0, G_N_ELEMENTS (refused_cases));
  tcase_add_test (format, test_validate_file_lists_identifiers_missing_scheme_or_value);
  tcase_add_test (format, test_validate_reports_two_records_with_one_identifier_at_once);
  tcase_add_test (format, test_validate_lets_one_identifier_pass_from_one_record_to_another);
  tcase_add_test (format, test_lookup_identifier_from_several_threads_at_once);
  suite_add_tcase (suite, format);

  return suite;
}

int
main (void)
{
  return klynge_test_run (identifier_suite ());
}
