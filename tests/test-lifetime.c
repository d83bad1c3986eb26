/* test-lifetime.c: what runs outside its organisation's life, overlapping
 * memberships, and the severity of problems
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-test.h"

/* A document with one organisation "a" (line 6) whose attributes and
 * children (line 8 on) each case gives, a host "h" founded in 2000, and
 * the contracts (line 12), programmes (line 13, in version 2) and
 * initiatives (line 14) of the case. */
#define ORG_LINE 6
#define CHILDREN_LINE 8
#define CONTRACT_LINE 12
#define PROGRAMME_LINE 13
#define INITIATIVE_LINE 14
/* a designation or a participant stands on the line after its record's */
#define DESIGNATION_LINE (PROGRAMME_LINE + 1)
#define PARTICIPANT_LINE (INITIATIVE_LINE + 1)

static GBytes *
document_with (const char *org_attributes,
               const char *org_children,
               const char *contracts,
               const char *programmes,
               const char *initiatives)
{
  char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"%s\">\n"
    "  <funding-sources><funding-source id=\"es\" kind=\"national-agency\"><name>ES</name></funding-source></funding-sources>\n"
    "  <members><member id=\"m-1\" kind=\"company\"><name>M</name></member></members>\n"
    "  <organisations>\n"
    "    <organisation id=\"a\" kind=\"cluster\" %s>\n"
    "      <name>A</name>\n"
    "      %s\n"
    "    </organisation>\n"
    "    <organisation id=\"h\" kind=\"support-body\" founded=\"2000\"><name>H</name></organisation>\n"
    "  </organisations>\n"
    "  %s\n"
    "  %s\n"
    "  %s\n"
    "</landscape>\n",
    *programmes != '\0' ? "2" : "1", org_attributes, org_children, contracts, programmes, initiatives);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
document (const char *org_attributes,
          const char *org_children,
          const char *contracts,
          const char *initiatives)
{
  return document_with (org_attributes, org_children, contracts, "", initiatives);
}

static KlyngeLandscape *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape = klynge_landscape_load_bytes (bytes, "lifetime.xml", NULL, &error);

  ck_assert_no_error (error);
  ck_assert (landscape != NULL);
  return landscape;
}

#define NONE (-1)
#define C(name) KLYNGE_ERROR_ ## name
#define E KLYNGE_SEVERITY_ERROR
#define W KLYNGE_SEVERITY_WARNING

#define CONTRACT(start, end) \
  "<contracts><contract id=\"c\" holder=\"a\" start=\"" start "\" end=\"" end "\" amount=\"1.00\">" \
  "<share source=\"es\" percent=\"100\"/></contract></contracts>"
#define HOSTED(dates) \
  "<initiatives><initiative id=\"i\" kind=\"network\" theme=\"consolidation\" host=\"a\" " dates ">" \
  "<title>I</title></initiative></initiatives>"
#define DESIGNATED(dates) \
  "<programmes><programme id=\"p\" kind=\"cluster-programme\"><name>P</name>\n" \
  "    <designation organisation=\"a\" role=\"national-cluster\" area=\"Energi\" " dates "/>" \
  "</programme></programmes>"
#define JOINED(dates) \
  "<initiatives><initiative id=\"i\" kind=\"network\" theme=\"consolidation\" host=\"h\" " dates ">" \
  "<title>I</title>\n    <participant ref=\"a\"/></initiative></initiatives>"

/* One case: the organisation's dates and children, the contracts and
 * initiatives, the one finding expected (NONE for none), and the
 * programmes. The line is klynge_landscape_validate()'s; validating the
 * file gives a membership's finding the <membership>'s own line,
 * @file_line. */
static const struct {
  const char *name;
  const char *org;
  const char *children;
  const char *contracts;
  const char *initiatives;
  int code;
  KlyngeSeverity severity;
  guint line;
  const char *record;
  const char *programmes;   /* left out: none */
  guint file_line;          /* left out: @line */
} cases[] = {
  /* memberships after the dissolution */
  { "membership since after the dissolution day", "dissolved=\"2021-06-30\"",
    "<membership member=\"m-1\" since=\"2022\"/>", "", "",
    C (MEMBERSHIP_AFTER_DISSOLUTION), E, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership since the day after a month's dissolution", "dissolved=\"2021-06\"",
    "<membership member=\"m-1\" since=\"2021-07-01\"/>", "", "",
    C (MEMBERSHIP_AFTER_DISSOLUTION), E, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership until a month after the dissolution year", "dissolved=\"2021\"",
    "<membership member=\"m-1\" since=\"2019\" until=\"2022-01\"/>", "", "",
    C (MEMBERSHIP_AFTER_DISSOLUTION), E, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership until a month within the dissolution year: not certain", "dissolved=\"2021\"",
    "<membership member=\"m-1\" since=\"2019\" until=\"2021-03\"/>", "", "",
    NONE, E, 0, NULL },
  { "membership since a month within the dissolution year: not certain", "dissolved=\"2021\"",
    "<membership member=\"m-1\" since=\"2021-07\"/>", "", "",
    NONE, E, 0, NULL },
  { "membership since the month of the dissolution day: not certain", "dissolved=\"2021-06-30\"",
    "<membership member=\"m-1\" since=\"2021-06\"/>", "", "",
    NONE, E, 0, NULL },
  { "membership since the dissolution day, its last", "dissolved=\"2021-06-30\"",
    "<membership member=\"m-1\" since=\"2021-06-30\"/>", "", "",
    NONE, E, 0, NULL },
  { "membership without until of a dissolved organisation: not stated", "dissolved=\"2021\"",
    "<membership member=\"m-1\" since=\"2019\"/>", "", "",
    NONE, E, 0, NULL },
  /* memberships before the founding */
  { "membership since a year before the founding day", "founded=\"2015-05-01\"",
    "<membership member=\"m-1\" since=\"2014\"/>", "", "",
    C (MEMBERSHIP_BEFORE_FOUNDING), W, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership since the day before a month's founding", "founded=\"2015-05\"",
    "<membership member=\"m-1\" since=\"2015-04-30\"/>", "", "",
    C (MEMBERSHIP_BEFORE_FOUNDING), W, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership without since that ended before the founding", "founded=\"2015\"",
    "<membership member=\"m-1\" until=\"2014\"/>", "", "",
    C (MEMBERSHIP_BEFORE_FOUNDING), W, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership since the founding year: not certain", "founded=\"2015-05-01\"",
    "<membership member=\"m-1\" since=\"2015\"/>", "", "",
    NONE, E, 0, NULL },
  { "membership of an organisation with no founding date", "",
    "<membership member=\"m-1\" since=\"1990\"/>", "", "",
    NONE, E, 0, NULL },
  /* overlapping memberships */
  { "membership beginning before the member's earlier one ends", "",
    "<membership member=\"m-1\" since=\"2015\" until=\"2018\"/>\n<membership member=\"m-1\" since=\"2017\"/>", "", "",
    C (MEMBERSHIP_OVERLAP), E, ORG_LINE, "a", .file_line = CHILDREN_LINE + 1 },
  { "membership beginning while the member's earlier one goes on", "",
    "<membership member=\"m-1\" since=\"2015\"/>\n<membership member=\"m-1\" since=\"2018-02-01\" until=\"2019\"/>", "", "",
    C (MEMBERSHIP_OVERLAP), E, ORG_LINE, "a", .file_line = CHILDREN_LINE + 1 },
  { "membership written before the earlier one it overlaps: the later one is", "",
    "<membership member=\"m-1\" since=\"2017\"/>\n<membership member=\"m-1\" since=\"2015\" until=\"2018\"/>", "", "",
    C (MEMBERSHIP_OVERLAP), E, ORG_LINE, "a", .file_line = CHILDREN_LINE },
  { "membership beginning the day after the earlier one ends", "",
    "<membership member=\"m-1\" since=\"2015\" until=\"2016-12-31\"/><membership member=\"m-1\" since=\"2017-01-01\"/>", "", "",
    NONE, E, 0, NULL },
  { "memberships in the same year, order not known: not certain", "",
    "<membership member=\"m-1\" since=\"2015\" until=\"2017\"/><membership member=\"m-1\" since=\"2017-06\"/>", "", "",
    NONE, E, 0, NULL },
  /* labels */
  { "label awarded after the dissolution", "dissolved=\"2021\"",
    "<label level=\"gold\" awarded=\"2022-01\"/>", "", "",
    C (LABEL_AFTER_DISSOLUTION), E, CHILDREN_LINE, "a" },
  { "label valid after the dissolution", "dissolved=\"2021-06-30\"",
    "<label level=\"gold\" awarded=\"2019-07\" valid-until=\"2022-07\"/>", "", "",
    C (LABEL_AFTER_DISSOLUTION), E, CHILDREN_LINE, "a" },
  { "label valid until the dissolution year: not certain", "dissolved=\"2021-06-30\"",
    "<label level=\"gold\" awarded=\"2019-07\" valid-until=\"2021\"/>", "", "",
    NONE, E, 0, NULL },
  { "label awarded before the founding", "founded=\"2015\"",
    "<label level=\"silver\" awarded=\"2014-12\" valid-until=\"2016\"/>", "", "",
    C (LABEL_BEFORE_FOUNDING), W, CHILDREN_LINE, "a" },
  /* contracts */
  { "contract running after its holder's dissolution", "dissolved=\"2021-06-30\"", "",
    CONTRACT ("2021-01-01", "2022-12-31"), "",
    C (CONTRACT_AFTER_DISSOLUTION), E, CONTRACT_LINE, "c" },
  { "contract starting before its holder's founding", "founded=\"2015\"", "",
    CONTRACT ("2014-10-01", "2016-09-30"), "",
    C (CONTRACT_BEFORE_FOUNDING), W, CONTRACT_LINE, "c" },
  { "contract ending in its holder's dissolution year: not certain", "dissolved=\"2021\"", "",
    CONTRACT ("2020", "2021-09"), "",
    NONE, E, 0, NULL },
  /* hosted initiatives */
  { "initiative starting after its host's dissolution", "dissolved=\"2021-06-30\"", "", "",
    HOSTED ("start=\"2023\""),
    C (INITIATIVE_AFTER_DISSOLUTION), E, INITIATIVE_LINE, "i" },
  { "initiative ending after its host's dissolution", "dissolved=\"2021-06-30\"", "", "",
    HOSTED ("start=\"2020\" end=\"2022\""),
    C (INITIATIVE_AFTER_DISSOLUTION), E, INITIATIVE_LINE, "i" },
  { "initiative ending before its host's founding", "founded=\"2015\"", "", "",
    HOSTED ("start=\"2010\" end=\"2012\""),
    C (INITIATIVE_BEFORE_FOUNDING), W, INITIATIVE_LINE, "i" },
  { "open-ended initiative of a dissolved host: not stated", "dissolved=\"2021\"", "", "",
    HOSTED ("start=\"2019\""),
    NONE, E, 0, NULL },
  /* participations */
  { "participant dissolved before the initiative began", "dissolved=\"2021\"", "", "",
    JOINED ("start=\"2022\""),
    C (PARTICIPATION_AFTER_DISSOLUTION), E, PARTICIPANT_LINE, "i" },
  { "participant founded after the initiative ended", "founded=\"2015\"", "", "",
    JOINED ("start=\"2010\" end=\"2014\""),
    C (PARTICIPATION_BEFORE_FOUNDING), W, PARTICIPANT_LINE, "i" },
  { "participant founded after a one-day initiative", "founded=\"2015\"", "", "",
    JOINED ("start=\"2014-05-01\""),
    C (PARTICIPATION_BEFORE_FOUNDING), W, PARTICIPANT_LINE, "i" },
  { "participant dissolved while the initiative ran", "dissolved=\"2021\"", "", "",
    JOINED ("start=\"2019\" end=\"2023\""),
    NONE, E, 0, NULL },
  /* designations, at their own line */
  { "designation running after the dissolution", "dissolved=\"2022-06-30\"", "", "", "",
    C (DESIGNATION_AFTER_DISSOLUTION), E, DESIGNATION_LINE, "p",
    DESIGNATED ("start=\"2021-01-01\" end=\"2024-12-31\"") },
  { "designation starting before the founding", "founded=\"2021-06\"", "", "", "",
    C (DESIGNATION_BEFORE_FOUNDING), W, DESIGNATION_LINE, "p",
    DESIGNATED ("start=\"2021-01-01\" end=\"2024-12-31\"") },
  { "designation ending in the dissolution year: not certain", "dissolved=\"2024\"", "", "", "",
    NONE, E, 0, NULL,
    DESIGNATED ("start=\"2021-01-01\" end=\"2024-06\"") },
};

/* The document of case @i. */
static GBytes *
case_document (guint i)
{
  return document_with (cases[i].org, cases[i].children, cases[i].contracts,
                        cases[i].programmes != NULL ? cases[i].programmes : "", cases[i].initiatives);
}

/* That @problems hold case @i's one finding, if any, at @line. */
static void
assert_case_finding (guint      i,
                     GPtrArray *problems,
                     guint      line)
{
  g_autofree char *text = klynge_test_problems_text (problems);
  KlyngeProblem *problem;

  if (cases[i].code == NONE)
    {
      ck_assert_msg (problems->len == 0, "%s:%s", cases[i].name, text);
      return;
    }
  ck_assert_msg (problems->len == 1, "%s:%s", cases[i].name, text);
  problem = g_ptr_array_index (problems, 0);
  ck_assert_msg (klynge_problem_get_code (problem) == cases[i].code, "%s:%s", cases[i].name, text);
  ck_assert_int_eq (klynge_problem_get_severity (problem), cases[i].severity);
  ck_assert_uint_eq (klynge_problem_get_line (problem), line);
  ck_assert_str_eq (klynge_problem_get_record_id (problem), cases[i].record);
}

START_TEST (test_each_lifetime_finding_has_its_code_severity_and_line)
{
  g_autoptr(GBytes) bytes = case_document (_i);
  g_autoptr(KlyngeLandscape) landscape = load (bytes);
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);

  assert_case_finding (_i, problems, cases[_i].line);
}
END_TEST

/* What klynge_landscape_validate_file() finds in @bytes, written to a
 * temporary file whose name goes to @path. */
static GPtrArray *
validate_as_file (GBytes  *bytes,
                  char   **path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  int fd;

  *path = g_build_filename (g_get_tmp_dir (), "klynge-test-lifetime-XXXXXX.xml", NULL);
  fd = g_mkstemp (*path);
  ck_assert_int_ge (fd, 0);
  close (fd);
  ck_assert (g_file_set_contents (*path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  problems = klynge_landscape_validate_file (*path, NULL);
  g_unlink (*path);
  return problems;
}

/* The same cases, validating the file: each finding at its element's
 * line, a membership's too. */
START_TEST (test_validating_the_file_gives_each_finding_its_elements_line)
{
  g_autoptr(GBytes) bytes = case_document (_i);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = validate_as_file (bytes, &path);

  assert_case_finding (_i, problems, cases[_i].file_line != 0 ? cases[_i].file_line : cases[_i].line);
  if (problems->len > 0)
    ck_assert_str_eq (klynge_problem_get_file (g_ptr_array_index (problems, 0)), path);
}
END_TEST

START_TEST (test_validate_file_reports_lifetime_findings_with_the_file_and_line)
{
  g_autoptr(GBytes) bytes = document ("founded=\"2015\" dissolved=\"2021-06-30\"",
                                      "<membership member=\"m-1\" since=\"2022\"/>",
                                      CONTRACT ("2014-10-01", "2016-09-30"), "");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = validate_as_file (bytes, &path);
  KlyngeProblem *first, *second;

  ck_assert_uint_eq (problems->len, 2);
  first = g_ptr_array_index (problems, 0);
  second = g_ptr_array_index (problems, 1);
  ck_assert_int_eq (klynge_problem_get_code (first), KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION);
  ck_assert_int_eq (klynge_problem_get_severity (first), KLYNGE_SEVERITY_ERROR);
  ck_assert_str_eq (klynge_problem_get_file (first), path);
  ck_assert_uint_eq (klynge_problem_get_line (first), CHILDREN_LINE);
  ck_assert_int_eq (klynge_problem_get_code (second), KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING);
  ck_assert_int_eq (klynge_problem_get_severity (second), KLYNGE_SEVERITY_WARNING);
  ck_assert_uint_eq (klynge_problem_get_line (second), CONTRACT_LINE);
}
END_TEST

/* A label, participant or membership added through the API has no line:
 * its finding carries its record's, here the loaded one's, and in a
 * landscape built through the API none at all. */
START_TEST (test_what_the_api_added_is_reported_at_its_records_line)
{
  g_autoptr(GBytes) bytes = document ("dissolved=\"2021-06-30\"", "", "",
                                      "<initiatives><initiative id=\"i\" kind=\"network\" theme=\"consolidation\" "
                                      "host=\"h\" start=\"2022\"><title>I</title></initiative></initiatives>");
  g_autoptr(KlyngeLandscape) landscape = load (bytes);
  KlyngeOrganisation *a = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  KlyngeInitiative *i = KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "i"));
  KlyngeDate awarded = klynge_test_date ("2022-01");
  g_autoptr(KlyngeLabel) label = klynge_label_new (KLYNGE_LABEL_LEVEL_GOLD, &awarded, NULL, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    int code;
    guint line;
    const char *record;
  } expected[] = {
    { C (LABEL_AFTER_DISSOLUTION), ORG_LINE, "a" },
    { C (MEMBERSHIP_AFTER_DISSOLUTION), ORG_LINE, "a" },
    { C (PARTICIPATION_AFTER_DISSOLUTION), INITIATIVE_LINE, "i" },
  };
  g_autofree char *text = NULL;

  klynge_organisation_add_label (a, label);
  klynge_test_add_membership (landscape, "a", "m-1", "2022", NULL);
  ck_assert (klynge_initiative_add_participant (i, "a", &error));
  problems = klynge_landscape_validate (landscape);
  text = klynge_test_problems_text (problems);
  ck_assert_msg (problems->len == G_N_ELEMENTS (expected), "%s", text);
  for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
    {
      KlyngeProblem *problem = g_ptr_array_index (problems, j);

      ck_assert_msg (klynge_problem_get_code (problem) == expected[j].code, "%u:%s", j, text);
      ck_assert_uint_eq (klynge_problem_get_line (problem), expected[j].line);
      ck_assert_str_eq (klynge_problem_get_record_id (problem), expected[j].record);
    }
  ck_assert_uint_eq (klynge_label_get_line (label), 0);
}
END_TEST

/* A successor continues the bodies it took in: a completed merger of a
 * (founded 2010) and b into ab (founded 2020-07-01) leaves ab with a
 * membership since 2012, as applying it would. */
START_TEST (test_a_successor_is_not_warned_about_what_its_predecessors_began)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "  <members><member id=\"m-1\" kind=\"company\"><name>M</name></member></members>\n"
    "  <organisations>\n"
    "    <organisation id=\"a\" kind=\"cluster\" founded=\"2010\" dissolved=\"2020-06-30\"><name>A</name>\n"
    "      <membership member=\"m-1\" since=\"2012\" until=\"2020-06-30\"/></organisation>\n"
    "    <organisation id=\"b\" kind=\"cluster\" founded=\"%s\" dissolved=\"2020-06-30\"><name>B</name></organisation>\n"
    "    <organisation id=\"ab\" kind=\"cluster\" founded=\"2020-07-01\"><name>AB</name>\n"
    "      <membership member=\"m-1\" since=\"2012\"/></organisation>\n"
    "  </organisations>\n"
    "  <mergers><merger id=\"mg\" effective=\"2020-07-01\" successor=\"ab\" kind=\"merger\" status=\"%s\">\n"
    "    <predecessor ref=\"a\"/><predecessor ref=\"b\"/></merger></mergers>\n"
    "</landscape>\n";
  static const struct {
    const char *b_founded;
    const char *status;
    guint findings;
  } variants[] = {
    { "2011", "completed", 0 },
    { "2013", "completed", 0 },   /* a's founding is the lineage's */
    { "2011", "agreed", 1 },      /* not merged yet: ab's own founding counts */
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *doc = g_strdup_printf (text, variants[i].b_founded, variants[i].status);
      g_autoptr(GBytes) bytes = g_bytes_new (doc, strlen (doc));
      g_autoptr(KlyngeLandscape) landscape = load (bytes);
      g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);
      g_autofree char *found = klynge_test_problems_text (problems);
      guint lifetime = 0;

      for (guint j = 0; j < problems->len; j++)
        lifetime += klynge_problem_get_code (g_ptr_array_index (problems, j))
                    == KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING;
      ck_assert_msg (lifetime == variants[i].findings, "variant %u:%s", i, found);
    }
}
END_TEST

START_TEST (test_the_builtin_landscape_has_no_lifetime_finding)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);
  g_autofree char *text = klynge_test_problems_text (problems);

  ck_assert_msg (problems->len == 0, "%s", text);
}
END_TEST

/* --- overlaps at scale ------------------------------------------------------ */

/* Each member's memberships are checked against each other in one walk:
 * 200,000 memberships of one member in one organisation, none
 * overlapping, and then one that overlaps them all. */
#define MANY 200000u

START_TEST (test_overlaps_among_200000_memberships_of_one_member_are_found_in_one_walk)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_CLUSTER, "A");
  g_autoptr(KlyngeMember) member = klynge_member_new ("m-1", KLYNGE_MEMBER_KIND_COMPANY, "M");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeDate first = klynge_test_date ("1500-01-01");
  guint32 day0 = klynge_date_get_first_day (&first);

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
  for (guint i = 0; i < MANY; i++)
    {
      KlyngeDate day;

      /* one day each, every other day */
      klynge_date_init_from_day (&day, day0 + 2 * i);
      ck_assert (klynge_landscape_add_membership (landscape, "a", "m-1", &day, &day, &error));
    }
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);
  g_ptr_array_unref (g_steal_pointer (&problems));

  klynge_test_add_membership (landscape, "a", "m-1", "1499", NULL);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, MANY);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_MEMBERSHIP_OVERLAP);
}
END_TEST

/* --- severity ------------------------------------------------------------- */

START_TEST (test_a_problem_is_an_error_unless_made_a_warning)
{
  g_autoptr(KlyngeProblem) error = klynge_problem_new (KLYNGE_ERROR_BAD_DATE, "x.xml", 3, 0, "r", "bad");
  g_autoptr(KlyngeProblem) warning = klynge_problem_new_warning (KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING,
                                                                 "x.xml", 4, 2, "c", "early");
  g_autofree char *error_text = klynge_problem_to_string (error);
  g_autofree char *warning_text = klynge_problem_to_string (warning);

  ck_assert_int_eq (klynge_problem_get_severity (error), KLYNGE_SEVERITY_ERROR);
  ck_assert_int_eq (klynge_problem_get_severity (warning), KLYNGE_SEVERITY_WARNING);
  ck_assert_int_eq (klynge_problem_get_code (warning), KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING);
  ck_assert_uint_eq (klynge_problem_get_line (warning), 4);
  ck_assert_uint_eq (klynge_problem_get_column (warning), 2);
  ck_assert_str_eq (klynge_problem_get_record_id (warning), "c");
  ck_assert_str_eq (klynge_problem_get_message (warning), "early");
  ck_assert_str_eq (error_text, "x.xml:3: bad");
  ck_assert_str_eq (warning_text, "x.xml:4:2: warning: early");
}
END_TEST

START_TEST (test_severity_is_a_registered_enum_with_nicks)
{
  GEnumClass *klass = g_type_class_ref (KLYNGE_TYPE_SEVERITY);

  ck_assert_str_eq (g_enum_get_value (klass, KLYNGE_SEVERITY_ERROR)->value_nick, "error");
  ck_assert_str_eq (g_enum_get_value (klass, KLYNGE_SEVERITY_WARNING)->value_nick, "warning");
  g_type_class_unref (klass);
}
END_TEST

static Suite *
lifetime_suite (void)
{
  Suite *suite = suite_create ("lifetime");
  TCase *findings = tcase_create ("findings");
  TCase *scale = tcase_create ("scale");
  TCase *severity = tcase_create ("severity");

  tcase_add_loop_test (findings, test_each_lifetime_finding_has_its_code_severity_and_line, 0, G_N_ELEMENTS (cases));
  tcase_add_loop_test (findings, test_validating_the_file_gives_each_finding_its_elements_line, 0, G_N_ELEMENTS (cases));
  tcase_add_test (findings, test_validate_file_reports_lifetime_findings_with_the_file_and_line);
  tcase_add_test (findings, test_what_the_api_added_is_reported_at_its_records_line);
  tcase_add_test (findings, test_a_successor_is_not_warned_about_what_its_predecessors_began);
  tcase_add_test (findings, test_the_builtin_landscape_has_no_lifetime_finding);
  suite_add_tcase (suite, findings);

  tcase_set_timeout (scale, 60);
  tcase_add_test (scale, test_overlaps_among_200000_memberships_of_one_member_are_found_in_one_walk);
  suite_add_tcase (suite, scale);

  tcase_add_test (severity, test_a_problem_is_an_error_unless_made_a_warning);
  tcase_add_test (severity, test_severity_is_a_registered_enum_with_nicks);
  suite_add_tcase (suite, severity);
  return suite;
}

int
main (void)
{
  return klynge_test_run (lifetime_suite ());
}
