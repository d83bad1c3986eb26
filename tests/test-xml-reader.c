/* test-xml-reader.c: the streaming loader, on good, bad and hostile input
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_INOTIFY_H
#include <sys/inotify.h>
#endif

#include <glib/gstdio.h>

#include "klynge-test.h"
#include "klynge-xml-private.h"

/* --- helpers ------------------------------------------------------------- */

/* Reads "KLYNGE_ERROR_X LINE" from a .expect sidecar. */
static void
read_expectation (const char *xml_path,
                  int        *code,
                  guint      *line)
{
  g_autofree char *base = g_strndup (xml_path, strlen (xml_path) - 4);
  g_autofree char *expect_path = g_strconcat (base, ".expect", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GEnumClass) errors = NULL;
  GEnumValue *value;

  ck_assert_msg (g_file_get_contents (expect_path, &contents, NULL, NULL), "no %s", expect_path);
  words = g_strsplit_set (contents, " \n", 3);
  ck_assert_msg (words[0] != NULL && words[1] != NULL, "bad %s", expect_path);

  /* the codes are not a registered enum: map the names by hand */
  {
    static const char * const names[] = {
      "KLYNGE_ERROR_FAILED", "KLYNGE_ERROR_IO", "KLYNGE_ERROR_XML_SYNTAX",
      "KLYNGE_ERROR_ENCODING", "KLYNGE_ERROR_DOCTYPE_FORBIDDEN",
      "KLYNGE_ERROR_ENTITY_FORBIDDEN", "KLYNGE_ERROR_LIMIT_EXCEEDED",
      "KLYNGE_ERROR_NOT_A_LANDSCAPE", "KLYNGE_ERROR_UNSUPPORTED_VERSION",
      "KLYNGE_ERROR_UNKNOWN_ELEMENT", "KLYNGE_ERROR_UNKNOWN_ATTRIBUTE",
      "KLYNGE_ERROR_UNEXPECTED_TEXT", "KLYNGE_ERROR_MISSING_ELEMENT",
      "KLYNGE_ERROR_MISSING_ATTRIBUTE", "KLYNGE_ERROR_BAD_ID", "KLYNGE_ERROR_BAD_DATE",
      "KLYNGE_ERROR_BAD_PERIOD", "KLYNGE_ERROR_BAD_MONEY", "KLYNGE_ERROR_BAD_PERCENT",
      "KLYNGE_ERROR_BAD_CVR", "KLYNGE_ERROR_BAD_ENUM", "KLYNGE_ERROR_BAD_VALUE",
      "KLYNGE_ERROR_SHARES_NOT_100", "KLYNGE_ERROR_DUPLICATE_ID",
      "KLYNGE_ERROR_UNRESOLVED_REFERENCE", "KLYNGE_ERROR_WRONG_REFERENCE_KIND",
      "KLYNGE_ERROR_TOO_FEW_PARTIES", "KLYNGE_ERROR_DUPLICATE_MEMBERSHIP",
      "KLYNGE_ERROR_REFERENCED", "KLYNGE_ERROR_NOT_FOUND", "KLYNGE_ERROR_INCONSISTENT",
      "KLYNGE_ERROR_CONTRACT_GAP", "KLYNGE_ERROR_CONTRACT_OVERLAP", "KLYNGE_ERROR_SHARES_NOT_EQUAL",
      "KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE", "KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE",
      "KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR", "KLYNGE_ERROR_MERGER_CYCLE",
      "KLYNGE_ERROR_MERGER_DATE_ORDER", "KLYNGE_ERROR_MERGER_ALREADY_COMPLETED",
      "KLYNGE_ERROR_OVERFLOW",
      "KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION",
      "KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING",
      "KLYNGE_ERROR_DESIGNATION_AFTER_DISSOLUTION",
      "KLYNGE_ERROR_DESIGNATION_BEFORE_FOUNDING",
      "KLYNGE_ERROR_CONTRACT_AFTER_DISSOLUTION",
      "KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING",
      "KLYNGE_ERROR_INITIATIVE_AFTER_DISSOLUTION",
      "KLYNGE_ERROR_INITIATIVE_BEFORE_FOUNDING",
      "KLYNGE_ERROR_PARTICIPATION_AFTER_DISSOLUTION",
      "KLYNGE_ERROR_PARTICIPATION_BEFORE_FOUNDING",
      "KLYNGE_ERROR_LABEL_AFTER_DISSOLUTION",
      "KLYNGE_ERROR_LABEL_BEFORE_FOUNDING",
      "KLYNGE_ERROR_MEMBERSHIP_OVERLAP",
      "KLYNGE_ERROR_BAD_IDENTIFIER",
      "KLYNGE_ERROR_DUPLICATE_IDENTIFIER",
      "KLYNGE_ERROR_UNKNOWN_REGION",
      "KLYNGE_ERROR_UNKNOWN_MUNICIPALITY",
      "KLYNGE_ERROR_REGION_MISMATCH",
      "KLYNGE_ERROR_UNKNOWN_AREA",
      "KLYNGE_ERROR_UNKNOWN_FILTER_VALUE",
      "KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS",
      "KLYNGE_ERROR_MERGER_CANCELLED",
      "KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL",
      "KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW",
      "KLYNGE_ERROR_TABLE_SYNTAX",
      "KLYNGE_ERROR_TABLE_HEADER",
      "KLYNGE_ERROR_UNKNOWN_COLUMN",
      "KLYNGE_ERROR_UNKNOWN_TABLE",
      "KLYNGE_ERROR_MISSING_TABLE",
    };
    *code = -1;
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (g_strcmp0 (words[0], names[i]) == 0)
        *code = (int) i;
  }
  (void) errors;
  (void) value;
  ck_assert_msg (*code >= 0, "%s: unknown code %s", expect_path, words[0]);
  *line = (guint) g_ascii_strtoull (words[1], NULL, 10);
}

/* The line of an error message "path:LINE:COL: …" or "path:LINE: …". */
static guint
error_line (const GError *error,
            const char   *path)
{
  const char *rest;

  if (!g_str_has_prefix (error->message, path))
    return 0;
  rest = error->message + strlen (path);
  if (*rest != ':')
    return 0;
  return (guint) g_ascii_strtoull (rest + 1, NULL, 10);
}

/* The _with_problem loads of @path, from the file and from memory, fail
 * with the problem that @error (of the GError load) reports: the same
 * code and text, and the location as data. */
static void
assert_problem_is_error (const char   *path,
                         const GError *error)
{
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeProblem) from_bytes = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  landscape = klynge_landscape_load_file_with_problem (path, NULL, &problem);
  ck_assert_msg (landscape == NULL, "%s loaded, but should fail", path);
  ck_assert_msg (problem != NULL, "%s: no problem", path);
  ck_assert_int_eq (klynge_problem_get_code (problem), error->code);
  ck_assert_str_eq (klynge_problem_get_file (problem), path);
  ck_assert_uint_eq (klynge_problem_get_line (problem), error_line (error, path));
  text = klynge_problem_to_string (problem);
  ck_assert_str_eq (text, error->message);
  ck_assert_ptr_null (klynge_problem_get_record_id (problem));

  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  ck_assert_ptr_null (klynge_landscape_load_bytes (bytes, path, NULL, &bytes_error));
  ck_assert_ptr_nonnull (bytes_error);
  ck_assert_ptr_null (klynge_landscape_load_bytes_with_problem (bytes, path, NULL, &from_bytes));
  ck_assert_ptr_nonnull (from_bytes);
  ck_assert_int_eq (klynge_problem_get_code (from_bytes), bytes_error->code);
  ck_assert_str_eq (klynge_problem_get_file (from_bytes), path);
  g_free (text);
  text = klynge_problem_to_string (from_bytes);
  ck_assert_str_eq (text, bytes_error->message);
}

static void
assert_rejected_as_expected (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  int code;
  guint line;

  read_expectation (path, &code, &line);
  landscape = klynge_landscape_load_file (path, &error);
  ck_assert_msg (landscape == NULL, "%s loaded, but should fail", path);
  ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR,
                 "%s: no KLYNGE_ERROR", path);
  ck_assert_msg (error->code == code, "%s: expected code %d, got %d: %s",
                 path, code, error->code, error->message);
  if (line > 0)
    ck_assert_msg (error_line (error, path) == line, "%s: expected line %u: %s",
                   path, line, error->message);
  assert_problem_is_error (path, error);
}

/* --- valid and invalid fixtures ----------------------------------------- */

START_TEST (test_reader_loads_every_valid_fixture)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/valid", ".xml");

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (g_ptr_array_index (files, i), &error);
      g_autoptr(GPtrArray) problems = NULL;

      ck_assert_msg (landscape != NULL, "%s: %s", (char *) g_ptr_array_index (files, i),
                     error ? error->message : "");
      problems = klynge_landscape_validate (landscape);
      ck_assert_msg (problems->len == 0, "%s: %s", (char *) g_ptr_array_index (files, i),
                     problems->len ? klynge_problem_get_message (g_ptr_array_index (problems, 0)) : "");
    }
}
END_TEST

START_TEST (test_reader_rejects_every_invalid_fixture_with_its_code_and_line)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/invalid", ".xml");

  for (guint i = 0; i < files->len; i++)
    assert_rejected_as_expected (g_ptr_array_index (files, i));
}
END_TEST

START_TEST (test_reader_rejects_every_hostile_fixture_with_its_code)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/hostile", ".xml");

  for (guint i = 0; i < files->len; i++)
    assert_rejected_as_expected (g_ptr_array_index (files, i));
}
END_TEST

START_TEST (test_reader_error_message_names_file_line_and_column)
{
  g_autofree char *path = klynge_test_path ("tests/data/invalid/bad-date--feb-29-2019.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);

  ck_assert_ptr_null (landscape);
  ck_assert_msg (g_str_has_prefix (error->message, path), "%s", error->message);
  ck_assert_uint_gt (error_line (error, path), 0);
  ck_assert_msg (strstr (error->message, "2019-02-29") != NULL, "%s", error->message);
}
END_TEST

/* --- content ------------------------------------------------------------- */

static const char full_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"siu\" kind=\"national-agency\"><name>Styrelsen</name>"
  "<parent>Ministeriet</parent></funding-source>\n"
  "    <funding-source id=\"es\" kind=\"national-agency\"><name>Erhvervsstyrelsen</name></funding-source>\n"
  "  </funding-sources>\n"
  "  <members>\n"
  "    <member id=\"m-1\" cvr=\"13748136\" kind=\"company\" size=\"sme\"><name>Eksempel ApS</name></member>\n"
  "    <member id=\"m-2\" kind=\"knowledge-institution\"><name>Et Universitet</name>"
  "<source href=\"https://example.org/u\"/><note>kilde</note></member>\n"
  "  </members>\n"
  "  <organisations>\n"
  "    <organisation id=\"ced\" kind=\"support-body\" founded=\"2014\"><name>Støttefunktion</name>"
  "<location city=\"Lemvig\" address=\"Havnen 1\" role=\"secretariat\"/></organisation>\n"
  "    <organisation id=\"a\" kind=\"cluster\" founded=\"2014-05-09\" dissolved=\"2020-06-30\" cvr=\"24256790\">"
  "<name>Klynge A</name><name-en>Cluster A</name-en><website>https://a.example</website>"
  "<location city=\"Aalborg\"/><focus-area>energy</focus-area>"
  "<label level=\"gold\" awarded=\"2019-07\" valid-until=\"2021-07\"/>"
  "<membership member=\"m-2\" since=\"2015\" until=\"2019-12-31\"/>"
  "<membership member=\"m-1\" since=\"2019-10-01\"/>"
  "<note>Kilder er uenige.</note></organisation>\n"
  "    <organisation id=\"b\" kind=\"cluster\" founded=\"2015\" dissolved=\"2020-06-30\"><name>Klynge B</name>"
  "<membership member=\"m-1\" since=\"2016\"/></organisation>\n"
  "    <organisation id=\"ab\" kind=\"cluster\" founded=\"2020-07-01\"><name>Klynge AB</name></organisation>\n"
  "  </organisations>\n"
  "  <contracts>\n"
  "    <contract id=\"c-1\" holder=\"ced\" start=\"2019-10-01\" end=\"2021-09-30\" amount=\"8000000.00\">"
  "<share source=\"siu\" percent=\"50\"/><share source=\"es\" percent=\"50.00\"/></contract>\n"
  "    <contract id=\"c-2\" holder=\"ced\" start=\"2021-10-01\" end=\"2022-09-30\" amount=\"4000000\" renews=\"c-1\">"
  "<share source=\"siu\" percent=\"100\"/></contract>\n"
  "  </contracts>\n"
  "  <mergers>\n"
  "    <merger id=\"m2020\" effective=\"2020-07-01\" successor=\"ab\" kind=\"merger\" status=\"completed\">"
  "<predecessor ref=\"a\"/><predecessor ref=\"b\"/></merger>\n"
  "  </mergers>\n"
  "  <initiatives>\n"
  "    <initiative id=\"summit\" kind=\"event\" theme=\"professionalisation\" host=\"ced\" start=\"2020\" replaces=\"camp\">"
  "<title>Summit</title><participant ref=\"a\"/></initiative>\n"
  "    <initiative id=\"camp\" kind=\"event\" theme=\"professionalisation\" host=\"ced\"><title>Camp</title></initiative>\n"
  "  </initiatives>\n"
  "</landscape>\n";

static KlyngeLandscape *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return klynge_landscape_load_bytes (bytes, "test.xml", NULL, error);
}

START_TEST (test_reader_builds_every_kind_of_record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_string (full_document, &error);
  g_autoptr(GPtrArray) memberships = NULL;
  KlyngeRecord *record;
  KlyngeContract *contract;

  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_FUNDING_SOURCE), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION), 4);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_CONTRACT), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MERGER), 1);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_INITIATIVE), 2);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), 3);

  record = klynge_landscape_lookup (landscape, "a");
  ck_assert (KLYNGE_IS_ORGANISATION (record));
  ck_assert_str_eq (klynge_organisation_get_name (KLYNGE_ORGANISATION (record)), "Klynge A");
  ck_assert_str_eq (klynge_organisation_get_name_en (KLYNGE_ORGANISATION (record)), "Cluster A");
  ck_assert_str_eq (klynge_organisation_get_cvr (KLYNGE_ORGANISATION (record)), "24256790");
  ck_assert_str_eq (klynge_record_get_note (record), "Kilder er uenige.");
  ck_assert_uint_eq (klynge_record_get_line (record), 13);
  ck_assert_uint_eq (klynge_organisation_get_labels (KLYNGE_ORGANISATION (record))->len, 1);

  record = klynge_landscape_lookup (landscape, "m-2");
  ck_assert (KLYNGE_IS_MEMBER (record));
  ck_assert_str_eq (klynge_member_get_name (KLYNGE_MEMBER (record)), "Et Universitet");
  ck_assert_uint_eq (klynge_record_get_n_sources (record), 1);
  ck_assert_str_eq (klynge_record_get_note (record), "kilde");
  record = klynge_landscape_lookup (landscape, "m-1");
  ck_assert_str_eq (klynge_member_get_cvr (KLYNGE_MEMBER (record)), "13748136");
  ck_assert_int_eq (klynge_member_get_size (KLYNGE_MEMBER (record)), KLYNGE_MEMBER_SIZE_SME);

  contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-1"));
  ck_assert_int_eq (klynge_contract_get_amount (contract), 800000000);
  ck_assert_uint_eq (klynge_contract_get_period (contract)->end.day, 30);
  contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-2"));
  ck_assert_str_eq (klynge_contract_get_renews (contract), "c-1");

  /* memberships come out sorted by member (landscape order), not file order */
  memberships = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  ck_assert_uint_eq (memberships->len, 2);
  ck_assert_str_eq (klynge_membership_get_member (g_ptr_array_index (memberships, 0)), "m-1");
  ck_assert_str_eq (klynge_membership_get_member (g_ptr_array_index (memberships, 1)), "m-2");
}
END_TEST

START_TEST (test_reader_allows_forward_references_for_renews_and_replaces)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_string (full_document, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (klynge_initiative_get_replaces (KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "summit"))),
                    "camp");
}
END_TEST

START_TEST (test_reader_loads_an_empty_landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape =
    load_string ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"/>", &error);

  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), 0);
}
END_TEST

/* --- entry points -------------------------------------------------------- */

START_TEST (test_reader_loads_from_a_stream)
{
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (full_document, (gssize) strlen (full_document), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape =
    klynge_landscape_load_stream (stream, "stream.xml", NULL, NULL, &error);

  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION), 4);
}
END_TEST

START_TEST (test_reader_refuses_a_missing_file_with_io_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file ("/nonexistent/klynge.xml", &error);

  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
}
END_TEST

START_TEST (test_reader_reports_a_missing_file_as_a_problem_naming_it)
{
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) landscape =
    klynge_landscape_load_file_with_problem ("/nonexistent/klynge.xml", NULL, &problem);

  ck_assert_ptr_null (landscape);
  ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_IO);
  ck_assert_str_eq (klynge_problem_get_file (problem), "/nonexistent/klynge.xml");
  ck_assert_uint_eq (klynge_problem_get_line (problem), 0);
  ck_assert_uint_eq (klynge_problem_get_column (problem), 0);
  ck_assert (g_str_has_prefix (klynge_problem_get_message (problem), "cannot open: "));
}
END_TEST

START_TEST (test_reader_reports_no_problem_when_the_load_succeeds)
{
  g_autofree char *path = klynge_test_path ("tests/data/valid/full.xml");
  g_autoptr(KlyngeProblem) problem = klynge_problem_new (KLYNGE_ERROR_FAILED, NULL, 0, 0, NULL, "stale");
  KlyngeProblem *stale = problem;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeLandscape) without = NULL;

  /* the out parameter is overwritten, not freed: it is the caller's */
  landscape = klynge_landscape_load_file_with_problem (path, NULL, &problem);
  ck_assert_ptr_nonnull (landscape);
  ck_assert_ptr_null (problem);
  klynge_problem_unref (stale);
  without = klynge_landscape_load_file_with_problem (path, NULL, NULL);
  ck_assert_ptr_nonnull (without);
}
END_TEST

START_TEST (test_reader_reports_a_column_where_libxml2_gives_one)
{
  g_autoptr(KlyngeProblem) problem = NULL;
  const char *text = "<landscape\n  x";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  ck_assert_ptr_null (klynge_landscape_load_bytes_with_problem (bytes, "broken.xml", NULL, &problem));
  ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_XML_SYNTAX);
  ck_assert_str_eq (klynge_problem_get_file (problem), "broken.xml");
  ck_assert_uint_eq (klynge_problem_get_line (problem), 2);
  ck_assert_uint_gt (klynge_problem_get_column (problem), 0);
}
END_TEST

START_TEST (test_reader_refuses_empty_input_as_syntax_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_string ("", &error);

  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_XML_SYNTAX);
}
END_TEST

/* What libxml2 reports, under the code a user would look for: a
 * document cut short ends early, markup that is not XML is a syntax
 * error, never a limit or a missing attribute. */
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
#define CASE(name, text, code, line, message) \
  { name, text, sizeof text - 1, code, line, message }

static const struct {
  const char *name;
  const char *text;
  gsize length;
  int code;
  guint line;
  const char *message;   /* how the message starts */
} misleading_cases[] = {
  CASE ("doctype-in-content",
        HEAD "  <members>\n    <!DOCTYPE x>\n  </members>\n</landscape>\n",
        KLYNGE_ERROR_XML_SYNTAX, 4, ""),
  CASE ("nul-before-an-attribute",
        HEAD "  <members>\n    <member id=\"m1\" \0kind=\"company\"><name>A</name></member>\n"
        "  </members>\n</landscape>\n",
        KLYNGE_ERROR_XML_SYNTAX, 4, ""),
  CASE ("nul-after-an-attribute",
        HEAD "  <members>\n    <member id=\"m1\"\0 kind=\"company\"><name>A</name></member>\n"
        "  </members>\n</landscape>\n",
        KLYNGE_ERROR_XML_SYNTAX, 4, ""),
  CASE ("nul-before-a-membership-attribute",
        HEAD "  <members>\n    <member id=\"m1\" kind=\"company\"><name>A</name></member>\n  </members>\n"
        "  <organisations>\n    <organisation id=\"o1\" kind=\"cluster\"><name>O</name>\n"
        "      <membership \0member=\"m1\" since=\"2020\"/>\n"
        "    </organisation>\n  </organisations>\n</landscape>\n",
        KLYNGE_ERROR_XML_SYNTAX, 8, ""),
  CASE ("truncated-between-elements",
        HEAD "  <members>\n    <member id=\"m1\" kind=\"company\"><name>A</name></member>\n",
        KLYNGE_ERROR_XML_SYNTAX, 4, "the document ends early"),
  CASE ("truncated-after-the-root-start",
        HEAD,
        KLYNGE_ERROR_XML_SYNTAX, 2, "the document ends early"),
  CASE ("truncated-in-text",
        HEAD "  <members>\n    <member id=\"m1\" kind=\"company\"><name>Aa",
        KLYNGE_ERROR_XML_SYNTAX, 4, "the document ends early"),
  /* still what they were: input without a root, content after it */
  CASE ("no-root", "x\n", KLYNGE_ERROR_XML_SYNTAX, 1, "Extra content at the end of the document"),
  CASE ("doctype-after-the-root",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"/>\n<!DOCTYPE x>\n",
        KLYNGE_ERROR_XML_SYNTAX, 3, "Extra content at the end of the document"),
};

#undef CASE
#undef HEAD

START_TEST (test_reader_reports_libxml2_errors_under_the_code_a_user_expects)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (misleading_cases[_i].text, misleading_cases[_i].length);
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  landscape = klynge_landscape_load_bytes_with_problem (bytes, misleading_cases[_i].name, NULL, &problem);
  ck_assert_ptr_null (landscape);
  ck_assert_ptr_nonnull (problem);
  ck_assert_msg (klynge_problem_get_code (problem) == misleading_cases[_i].code,
                 "%s: code %d, expected %d (%s)", misleading_cases[_i].name,
                 klynge_problem_get_code (problem), misleading_cases[_i].code,
                 klynge_problem_get_message (problem));
  ck_assert_msg (klynge_problem_get_line (problem) == misleading_cases[_i].line,
                 "%s: line %u, expected %u", misleading_cases[_i].name,
                 klynge_problem_get_line (problem), misleading_cases[_i].line);
  ck_assert_msg (g_str_has_prefix (klynge_problem_get_message (problem), misleading_cases[_i].message),
                 "%s: message “%s”", misleading_cases[_i].name, klynge_problem_get_message (problem));
}
END_TEST

/* member-list takes its three values, spelled as the format spells
 * them, in a version 2 document; a version 1 document has no such
 * attribute. */
static const struct {
  const char *version;
  const char *value;
  int code;
} bad_member_lists[] = {
  { "2", "all", KLYNGE_ERROR_BAD_ENUM },
  { "2", "", KLYNGE_ERROR_BAD_ENUM },
  { "2", "Complete", KLYNGE_ERROR_BAD_ENUM },
  { "2", "unknown ", KLYNGE_ERROR_BAD_ENUM },
  { "2", "none", KLYNGE_ERROR_BAD_ENUM },
  { "1", "complete", KLYNGE_ERROR_UNKNOWN_ATTRIBUTE },
};

START_TEST (test_reader_refuses_a_bad_member_list_with_its_code_and_line)
{
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"%s\">\n"
                                           "  <organisations>\n"
                                           "    <organisation id=\"a\" kind=\"cluster\" member-list=\"%s\">\n"
                                           "      <name>A</name>\n"
                                           "    </organisation>\n"
                                           "  </organisations>\n"
                                           "</landscape>\n",
                                           bad_member_lists[_i].version, bad_member_lists[_i].value);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  landscape = klynge_landscape_load_bytes_with_problem (bytes, "member-list.xml", NULL, &problem);
  ck_assert_ptr_null (landscape);
  ck_assert_ptr_nonnull (problem);
  ck_assert_int_eq (klynge_problem_get_code (problem), bad_member_lists[_i].code);
  ck_assert_uint_eq (klynge_problem_get_line (problem), 4);
}
END_TEST

/* A stream that fails after handing out a part of a document. */
#define FAILING_TYPE_STREAM (failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (FailingStream, failing_stream, FAILING, STREAM, GInputStream)

struct _FailingStream
{
  GInputStream parent_instance;
  gsize offset;
  gsize fail_at;
};

G_DEFINE_FINAL_TYPE (FailingStream, failing_stream, G_TYPE_INPUT_STREAM)

static gssize
failing_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  FailingStream *self = FAILING_STREAM (stream);
  gsize n = MIN (count, self->fail_at - self->offset);

  if (n == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "injected read failure");
      return -1;
    }
  memcpy (buffer, full_document + self->offset, n);
  self->offset += n;
  return (gssize) n;
}

static gboolean
failing_stream_close (GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return TRUE;
}

static void
failing_stream_class_init (FailingStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = failing_stream_read;
  G_INPUT_STREAM_CLASS (klass)->close_fn = failing_stream_close;
}

static void
failing_stream_init (FailingStream *self)
{
}

START_TEST (test_reader_returns_no_landscape_when_reading_fails)
{
  static const gsize fail_points[] = { 0, 1, 100, 1000, sizeof full_document - 2 };

  for (guint i = 0; i < G_N_ELEMENTS (fail_points); i++)
    {
      g_autoptr(FailingStream) stream = g_object_new (FAILING_TYPE_STREAM, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = NULL;

      stream->fail_at = fail_points[i];
      landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "failing", NULL, NULL, &error);
      ck_assert_ptr_null (landscape);
      ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
    }
}
END_TEST

typedef struct {
  GMainLoop *loop;
  KlyngeLandscape *landscape;
  GError *error;
  guint progress_calls;
  guint64 last_done;
  guint64 last_total;
} AsyncState;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  ck_assert_uint_ge (done, state->last_done);
  state->progress_calls++;
  state->last_done = done;
  state->last_total = total;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;

  state->landscape = klynge_landscape_load_file_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

START_TEST (test_reader_loads_a_file_asynchronously_with_progress)
{
  g_autofree char *path = klynge_test_path ("tests/data/roundtrip/out/canonical-full.xml");
  AsyncState state = { 0, };

  state.loop = g_main_loop_new (NULL, FALSE);
  klynge_landscape_load_file_async (path, NULL, NULL, on_progress, &state, NULL, on_loaded, &state);
  g_main_loop_run (state.loop);
  /* progress reports queued before the result are delivered first */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ck_assert_no_error (state.error);
  ck_assert_ptr_nonnull (state.landscape);
  ck_assert_uint_gt (state.progress_calls, 0);
  ck_assert_uint_eq (state.last_done, state.last_total);
  g_object_unref (state.landscape);
  g_main_loop_unref (state.loop);
}
END_TEST

START_TEST (test_reader_async_load_can_be_cancelled)
{
  g_autofree char *path = klynge_test_path ("tests/data/roundtrip/out/canonical-full.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0, };

  state.loop = g_main_loop_new (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  klynge_landscape_load_file_async (path, NULL, cancellable, NULL, NULL, NULL, on_loaded, &state);
  g_main_loop_run (state.loop);
  ck_assert_ptr_null (state.landscape);
  ck_assert (g_error_matches (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}
END_TEST

/* --- documents over libxml2's 10,000,000-byte lookup limit -------------- */

/* About 27 MB, yet small enough a landscape to load seven times */
#define HUGE_N_MEMBERS 23000
#define HUGE_N_ORGS 20

static void
assert_huge_landscape (KlyngeLandscape *landscape,
                       GError          *error)
{
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (landscape);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape),
                     (guint) HUGE_N_MEMBERS * HUGE_N_ORGS);
}

/* libxml2 2.9.14 stops a push parse ("Huge input lookup") once more than
 * XML_MAX_LOOKUP_LIMIT bytes wait in one chunk; the bytes path used to
 * hand it 16 MiB at a time. */
START_TEST (test_reader_loads_a_27_mb_document_through_every_entry_point)
{
  g_autoptr(GBytes) bytes = klynge_test_members_document (HUGE_N_MEMBERS, HUGE_N_ORGS);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autofree char *path = NULL;
  KlyngeLandscape *landscape;
  AsyncState state = { 0, };
  int fd;

  ck_assert_uint_gt (g_bytes_get_size (bytes), 25 * 1000 * 1000);
  landscape = klynge_landscape_load_bytes (bytes, "huge.xml", NULL, &error);
  assert_huge_landscape (landscape, error);
  /* what the library saves, it loads again */
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (g_bytes_get_size (saved), 10 * 1000 * 1000);
  g_object_unref (landscape);
  landscape = klynge_landscape_load_bytes (saved, "saved.xml", NULL, &error);
  assert_huge_landscape (landscape, error);
  g_object_unref (landscape);

  landscape = klynge_landscape_load_bytes_with_problem (bytes, "huge.xml", NULL, &problem);
  ck_assert_ptr_null (problem);
  assert_huge_landscape (landscape, NULL);
  g_object_unref (landscape);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  landscape = klynge_landscape_load_stream (stream, "huge.xml", NULL, NULL, &error);
  assert_huge_landscape (landscape, error);
  g_object_unref (landscape);

  fd = g_file_open_tmp ("klynge-huge-XXXXXX.xml", &path, &error);
  ck_assert_no_error (error);
  close (fd);
  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error));
  landscape = klynge_landscape_load_file (path, &error);
  assert_huge_landscape (landscape, error);
  g_object_unref (landscape);

  problems = klynge_landscape_validate_file (path, NULL);
  ck_assert_uint_eq (problems->len, 0);

  state.loop = g_main_loop_new (NULL, FALSE);
  klynge_landscape_load_file_async (path, NULL, NULL, NULL, NULL, NULL, on_loaded, &state);
  g_main_loop_run (state.loop);
  assert_huge_landscape (state.landscape, state.error);
  g_object_unref (state.landscape);
  g_main_loop_unref (state.loop);
  g_unlink (path);
}
END_TEST

/* --- caps ---------------------------------------------------------------- */

START_TEST (test_reader_refuses_input_over_the_size_cap_before_parsing)
{
  g_autofree char *path = klynge_test_path ("tests/data/roundtrip/out/canonical-full.xml");
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (full_document, strlen (full_document));

  klynge_load_options_set_max_input_size (options, 100);
  landscape = klynge_landscape_load_file_full (path, options, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);

  landscape = klynge_landscape_load_bytes (bytes, "bytes", options, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
}
END_TEST

START_TEST (test_reader_refuses_values_over_the_length_cap)
{
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (full_document, strlen (full_document));

  klynge_load_options_set_max_value_length (options, 10);
  landscape = klynge_landscape_load_bytes (bytes, "bytes", options, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
}
END_TEST

START_TEST (test_reader_refuses_an_element_with_100000_attributes)
{
  GString *doc = g_string_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><members><member");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (doc, " a%u=\"\"", i);
  g_string_append (doc, "><name>x</name></member></members></landscape>");
  bytes = g_string_free_to_bytes (doc);
  landscape = klynge_landscape_load_bytes (bytes, "attributes.xml", NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
}
END_TEST

START_TEST (test_reader_refuses_nesting_deeper_than_the_cap)
{
  /* five levels, one past the cap: refused for the depth, before the
   * name <x> is even looked at */
  static const char deep[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
    "<organisations><organisation id=\"a\" kind=\"cluster\"><name><x/></name>"
    "</organisation></organisations></landscape>";
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GBytes) full = g_bytes_new_static (full_document, strlen (full_document));
  g_autoptr(GBytes) too_deep = g_bytes_new_static (deep, sizeof deep - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  klynge_load_options_set_max_depth (options, 4);
  landscape = klynge_landscape_load_bytes (full, "full", options, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (landscape);

  g_clear_object (&landscape);
  landscape = klynge_landscape_load_bytes (too_deep, "deep", options, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
}
END_TEST

/* --- no file is ever opened ------------------------------------------- */

#ifdef HAVE_SYS_INOTIFY_H
/* Loads @document (with CANARY replaced by a fresh file's path) and
 * asserts the load fails with @code and the canary file is never opened. */
static void
assert_canary_untouched (const char *document,
                         int         code)
{
  g_autofree char *dir = g_dir_make_tmp ("klynge-canary-XXXXXX", NULL);
  g_autofree char *canary = g_build_filename (dir, "canary.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.xml", NULL);
  g_autoptr(GString) text = g_string_new (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  char events[4096];
  int fd, watch;
  gssize n;

  ck_assert (g_file_set_contents (canary, "secret", -1, NULL));
  g_string_replace (text, "CANARY", canary, 0);
  ck_assert (g_file_set_contents (path, text->str, -1, NULL));

  fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  ck_assert_int_ge (fd, 0);
  watch = inotify_add_watch (fd, canary, IN_OPEN | IN_ACCESS);
  ck_assert_int_ge (watch, 0);

  landscape = klynge_landscape_load_file (path, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, code);

  n = read (fd, events, sizeof events);
  ck_assert_msg (n < 0 && errno == EAGAIN, "the loader opened %s", canary);
  close (fd);
  g_unlink (canary);
  g_unlink (path);
  g_rmdir (dir);
}
#endif

START_TEST (test_reader_never_opens_the_file_an_external_entity_names)
{
#ifdef HAVE_SYS_INOTIFY_H
  assert_canary_untouched ("<?xml version=\"1.0\"?>\n"
                           "<!DOCTYPE landscape [<!ENTITY x SYSTEM \"file://CANARY\">]>\n"
                           "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
                           "<members><member id=\"m\" kind=\"company\"><name>&x;</name></member></members>"
                           "</landscape>\n", KLYNGE_ERROR_DOCTYPE_FORBIDDEN);
  assert_canary_untouched ("<?xml version=\"1.0\"?>\n"
                           "<!DOCTYPE landscape SYSTEM \"file://CANARY\">\n"
                           "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"/>\n",
                           KLYNGE_ERROR_DOCTYPE_FORBIDDEN);
  assert_canary_untouched ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
                           "<organisations><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                           "href=\"CANARY\" parse=\"text\"/></organisations></landscape>\n",
                           KLYNGE_ERROR_UNKNOWN_ELEMENT);
#endif
}
END_TEST

/* --- validate_file ------------------------------------------------------ */

START_TEST (test_validate_file_lists_every_problem_with_its_line)
{
  const char doc[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "  <organisations>\n"
    "    <organisation id=\"a\" kind=\"club\"><name>A</name></organisation>\n"
    "    <organisation id=\"b\" kind=\"cluster\" founded=\"2019-02-29\"><name>B</name></organisation>\n"
    "    <organisation id=\"a\" kind=\"cluster\"><name>A again</name></organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";
  g_autofree char *dir = g_dir_make_tmp ("klynge-validate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "three.xml", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert (g_file_set_contents (path, doc, -1, NULL));
  problems = klynge_landscape_validate_file (path, NULL);
  ck_assert_uint_eq (problems->len, 3);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_BAD_ENUM);
  ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, 0)), 3);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 1)), KLYNGE_ERROR_BAD_DATE);
  ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, 1)), 4);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 2)), KLYNGE_ERROR_DUPLICATE_ID);
  ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, 2)), 5);
  ck_assert_str_eq (klynge_problem_get_file (g_ptr_array_index (problems, 2)), path);
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

/* A membership with an unknown attribute leaves the fast path: the
 * general path must check role and end as the bulk path does. */
START_TEST (test_validate_file_checks_role_and_end_on_the_general_path_too)
{
  const char doc[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
    "  <members><member id=\"m-1\" kind=\"company\"><name>M</name></member></members>\n"
    "  <organisations>\n"
    "    <organisation id=\"a\" kind=\"cluster\"><name>A</name>\n"
    "      <membership member=\"m-1\" since=\"2015\" colour=\"red\" role=\"board\"/>\n"
    "      <membership member=\"m-1\" since=\"2016\" colour=\"red\" end=\"left\"/>\n"
    "      <membership member=\"m-1\" since=\"2017\" until=\"2018\" colour=\"red\" role=\"partner\" end=\"merged\"/>\n"
    "    </organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";
  static const struct { int code; guint line; } expected[] = {
    { KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, 5 }, { KLYNGE_ERROR_BAD_ENUM, 5 },
    { KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, 6 }, { KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL, 6 },
    { KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, 7 },
  };
  g_autofree char *dir = g_dir_make_tmp ("klynge-validate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roles.xml", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert (g_file_set_contents (path, doc, -1, NULL));
  problems = klynge_landscape_validate_file (path, NULL);
  ck_assert_msg (problems->len == G_N_ELEMENTS (expected), "%s", klynge_test_problems_text (problems));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, i)), expected[i].code);
      ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, i)), expected[i].line);
    }
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_validate_file_finds_nothing_in_valid_fixtures)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/valid", ".xml");

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) problems = klynge_landscape_validate_file (g_ptr_array_index (files, i), NULL);
      ck_assert_msg (problems->len == 0, "%s: %s", (char *) g_ptr_array_index (files, i),
                     problems->len ? klynge_problem_get_message (g_ptr_array_index (problems, 0)) : "");
    }
}
END_TEST

/* Whether @code is about one membership: a loaded landscape keeps no
 * line per membership, so klynge_landscape_validate() gives its
 * organisation's line, and only validating the file gives its own. */
static gboolean
is_about_a_membership (int code)
{
  return code == KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION
         || code == KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING
         || code == KLYNGE_ERROR_MEMBERSHIP_OVERLAP;
}

/* An inconsistent fixture loads, since each record is well formed, and
 * validation (of the landscape and of the file) finds exactly the one
 * problem its .expect names, at that line (in the landscape, a
 * membership's at its organisation's). */
START_TEST (test_validate_reports_every_inconsistent_fixture_with_its_code_and_line)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/inconsistent", ".xml");

  ck_assert_uint_gt (files->len, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) file_problems = NULL;
      KlyngeProblem *problem;
      int code;
      guint line;

      read_expectation (path, &code, &line);
      ck_assert_msg (landscape != NULL, "%s: %s", path, error ? error->message : "");

      problems = klynge_landscape_validate (landscape);
      ck_assert_msg (problems->len == 1, "%s: %u problems", path, problems->len);
      problem = g_ptr_array_index (problems, 0);
      ck_assert_msg (klynge_problem_get_code (problem) == code, "%s: expected code %d, got %d: %s",
                     path, code, klynge_problem_get_code (problem), klynge_problem_get_message (problem));
      if (is_about_a_membership (code))
        ck_assert_uint_eq (klynge_problem_get_line (problem),
                           klynge_record_get_line (klynge_landscape_lookup (landscape,
                                                                            klynge_problem_get_record_id (problem))));
      else
        ck_assert_uint_eq (klynge_problem_get_line (problem), line);

      file_problems = klynge_landscape_validate_file (path, NULL);
      ck_assert_msg (file_problems->len == 1, "%s: %u problems in the file", path, file_problems->len);
      problem = g_ptr_array_index (file_problems, 0);
      ck_assert_int_eq (klynge_problem_get_code (problem), code);
      ck_assert_uint_eq (klynge_problem_get_line (problem), line);
      ck_assert_str_eq (klynge_problem_get_file (problem), path);
    }
}
END_TEST

static Suite *
reader_suite (void)
{
  Suite *suite = suite_create ("xml-reader");
  TCase *fixtures = tcase_create ("fixtures");
  TCase *content = tcase_create ("content");
  TCase *entry = tcase_create ("entry-points");
  TCase *caps = tcase_create ("caps");
  TCase *validate = tcase_create ("validate-file");
  TCase *huge = tcase_create ("huge");

  tcase_add_test (fixtures, test_reader_loads_every_valid_fixture);
  tcase_add_test (fixtures, test_reader_rejects_every_invalid_fixture_with_its_code_and_line);
  tcase_add_test (fixtures, test_reader_rejects_every_hostile_fixture_with_its_code);
  tcase_add_test (fixtures, test_reader_error_message_names_file_line_and_column);
  tcase_add_test (content, test_reader_builds_every_kind_of_record);
  tcase_add_test (content, test_reader_allows_forward_references_for_renews_and_replaces);
  tcase_add_test (content, test_reader_loads_an_empty_landscape);
  tcase_add_loop_test (content, test_reader_refuses_a_bad_member_list_with_its_code_and_line,
                       0, G_N_ELEMENTS (bad_member_lists));
  tcase_add_test (entry, test_reader_loads_from_a_stream);
  tcase_add_test (entry, test_reader_refuses_a_missing_file_with_io_error);
  tcase_add_test (entry, test_reader_reports_a_missing_file_as_a_problem_naming_it);
  tcase_add_test (entry, test_reader_reports_no_problem_when_the_load_succeeds);
  tcase_add_test (entry, test_reader_reports_a_column_where_libxml2_gives_one);
  tcase_add_test (entry, test_reader_refuses_empty_input_as_syntax_error);
  tcase_add_loop_test (entry, test_reader_reports_libxml2_errors_under_the_code_a_user_expects,
                       0, G_N_ELEMENTS (misleading_cases));
  tcase_add_test (entry, test_reader_returns_no_landscape_when_reading_fails);
  tcase_add_test (entry, test_reader_loads_a_file_asynchronously_with_progress);
  tcase_add_test (entry, test_reader_async_load_can_be_cancelled);
  tcase_add_test (huge, test_reader_loads_a_27_mb_document_through_every_entry_point);
  /* seven loads of 27 MB on a shared machine */
  tcase_set_timeout (huge, 60);
  tcase_add_test (caps, test_reader_refuses_input_over_the_size_cap_before_parsing);
  tcase_add_test (caps, test_reader_refuses_values_over_the_length_cap);
  tcase_add_test (caps, test_reader_refuses_an_element_with_100000_attributes);
  tcase_add_test (caps, test_reader_refuses_nesting_deeper_than_the_cap);
  tcase_add_test (caps, test_reader_never_opens_the_file_an_external_entity_names);
  tcase_add_test (validate, test_validate_file_lists_every_problem_with_its_line);
  tcase_add_test (validate, test_validate_file_checks_role_and_end_on_the_general_path_too);
  tcase_add_test (validate, test_validate_file_finds_nothing_in_valid_fixtures);
  tcase_add_test (validate, test_validate_reports_every_inconsistent_fixture_with_its_code_and_line);
  suite_add_tcase (suite, fixtures);
  suite_add_tcase (suite, content);
  suite_add_tcase (suite, entry);
  suite_add_tcase (suite, caps);
  suite_add_tcase (suite, validate);
  suite_add_tcase (suite, huge);
  return suite;
}

int
main (void)
{
  return klynge_test_run (reader_suite ());
}
