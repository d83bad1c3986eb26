/* test-coverage-gaps.c: focused tests for code the other suites miss
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * make coverage showed these paths unexercised: the run-time version
 * checks, the reference counting and boxed copies of the small value
 * types, and the writer's less common paths (a value larger than its
 * buffer, an interrupted write, a failing or cancelled output stream)
 * and files that cannot be read; and documents in other encodings, which
 * must be refused before libxml2 hands them to iconv (and so loads a
 * converter module of the C library).
 */
#include "config.h"

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-test.h"
#include "klynge-file-output-private.h"
#include "klynge-xml-private.h"

/* --- version ------------------------------------------------------------- */

START_TEST (test_version_functions_agree_with_the_header)
{
  g_autofree char *expected = g_strdup_printf ("%u.%u.%u", KLYNGE_MAJOR_VERSION,
                                               KLYNGE_MINOR_VERSION, KLYNGE_MICRO_VERSION);

  ck_assert_uint_eq (klynge_get_major_version (), KLYNGE_MAJOR_VERSION);
  ck_assert_uint_eq (klynge_get_minor_version (), KLYNGE_MINOR_VERSION);
  ck_assert_uint_eq (klynge_get_micro_version (), KLYNGE_MICRO_VERSION);
  ck_assert_str_eq (klynge_get_version_string (), expected);
}
END_TEST

START_TEST (test_check_version_accepts_this_and_older_versions_only)
{
  guint major = klynge_get_major_version ();
  guint minor = klynge_get_minor_version ();
  guint micro = klynge_get_micro_version ();

  ck_assert (klynge_check_version (major, minor, micro));
  ck_assert (klynge_check_version (0, 0, 0));
  ck_assert (!klynge_check_version (major + 1, 0, 0));
  ck_assert (!klynge_check_version (major, minor + 1, 0));
  ck_assert (!klynge_check_version (major, minor, micro + 1));
  if (minor > 0)
    ck_assert (klynge_check_version (major, minor - 1, micro + 1));
}
END_TEST

/* --- reference-counted values ------------------------------------------- */

START_TEST (test_load_options_keep_what_was_set_and_share_it_between_references)
{
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  KlyngeLoadOptions *copy;

  ck_assert_uint_eq (klynge_load_options_get_max_input_size (options), KLYNGE_LOAD_DEFAULT_MAX_INPUT_SIZE);
  ck_assert_uint_eq (klynge_load_options_get_max_depth (options), KLYNGE_LOAD_DEFAULT_MAX_DEPTH);
  ck_assert_uint_eq (klynge_load_options_get_max_value_length (options), KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH);
  ck_assert_uint_eq (klynge_load_options_get_max_attributes (options), KLYNGE_LOAD_DEFAULT_MAX_ATTRIBUTES);

  klynge_load_options_set_max_input_size (options, 12345);
  klynge_load_options_set_max_depth (options, 7);
  klynge_load_options_set_max_value_length (options, 99);
  klynge_load_options_set_max_attributes (options, 8);

  copy = g_boxed_copy (KLYNGE_TYPE_LOAD_OPTIONS, options);
  ck_assert_ptr_eq (copy, options);
  ck_assert_uint_eq (klynge_load_options_get_max_input_size (copy), 12345);
  ck_assert_uint_eq (klynge_load_options_get_max_depth (copy), 7);
  ck_assert_uint_eq (klynge_load_options_get_max_value_length (copy), 99);
  ck_assert_uint_eq (klynge_load_options_get_max_attributes (copy), 8);
  g_boxed_free (KLYNGE_TYPE_LOAD_OPTIONS, copy);
  klynge_load_options_unref (klynge_load_options_ref (options));
  ck_assert_uint_eq (klynge_load_options_get_max_depth (options), 7);
}
END_TEST

START_TEST (test_a_filter_survives_while_referenced_and_clearing_active_on_matches_any_day)
{
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(KlyngeOrganisation) old = klynge_organisation_new ("old", KLYNGE_ORGANISATION_KIND_CLUSTER, "Gammel");
  KlyngeDate day, founded, dissolved;
  KlyngeFilter *copy;

  ck_assert (klynge_date_parse ("2000", &founded, NULL));
  ck_assert (klynge_date_parse ("2005", &dissolved, NULL));
  ck_assert (klynge_organisation_set_founded (old, &founded, NULL));
  ck_assert (klynge_organisation_set_dissolved (old, &dissolved, NULL));
  ck_assert (klynge_date_parse ("2020-01-01", &day, NULL));

  klynge_filter_set_active_on (filter, &day);
  ck_assert (!klynge_filter_matches (filter, old));
  copy = g_boxed_copy (KLYNGE_TYPE_FILTER, filter);
  klynge_filter_set_active_on (copy, NULL);
  /* the copy is the same filter */
  ck_assert (klynge_filter_matches (filter, old));
  g_boxed_free (KLYNGE_TYPE_FILTER, copy);
  klynge_filter_unref (klynge_filter_ref (filter));
  ck_assert (klynge_filter_matches (filter, old));
}
END_TEST

START_TEST (test_a_problem_keeps_its_place_and_is_shared_by_its_copies)
{
  g_autoptr(KlyngeProblem) problem =
    klynge_problem_new (KLYNGE_ERROR_BAD_DATE, "x.xml", 3, 14, "rec", "a date is wrong");
  KlyngeProblem *copy = g_boxed_copy (KLYNGE_TYPE_PROBLEM, problem);
  g_autofree char *text = klynge_problem_to_string (copy);

  ck_assert_ptr_eq (copy, problem);
  ck_assert_int_eq (klynge_problem_get_code (copy), KLYNGE_ERROR_BAD_DATE);
  ck_assert_str_eq (klynge_problem_get_file (copy), "x.xml");
  ck_assert_uint_eq (klynge_problem_get_line (copy), 3);
  ck_assert_uint_eq (klynge_problem_get_column (copy), 14);
  ck_assert_str_eq (klynge_problem_get_record_id (copy), "rec");
  ck_assert_str_eq (klynge_problem_get_message (copy), "a date is wrong");
  ck_assert_ptr_nonnull (strstr (text, "x.xml:3:14"));
  g_boxed_free (KLYNGE_TYPE_PROBLEM, copy);
  ck_assert_str_eq (klynge_problem_get_message (problem), "a date is wrong");
}
END_TEST

START_TEST (test_a_copied_membership_is_equal_and_independent)
{
  KlyngeDate since, until;
  KlyngeMembership *membership, *copy, *boxed;

  ck_assert (klynge_date_parse ("2019-10", &since, NULL));
  ck_assert (klynge_date_parse ("2021", &until, NULL));
  membership = klynge_membership_new ("o", "m", &since, &until);
  copy = klynge_membership_copy (membership);
  boxed = g_boxed_copy (KLYNGE_TYPE_MEMBERSHIP, membership);
  klynge_membership_free (membership);

  ck_assert_str_eq (klynge_membership_get_organisation (copy), "o");
  ck_assert_str_eq (klynge_membership_get_member (copy), "m");
  ck_assert (klynge_date_equal (klynge_membership_get_since (copy), &since));
  ck_assert (klynge_date_equal (klynge_membership_get_until (boxed), &until));
  klynge_membership_free (copy);
  g_boxed_free (KLYNGE_TYPE_MEMBERSHIP, boxed);
  klynge_membership_free (NULL);
}
END_TEST

/* --- the writer's less common paths -------------------------------------- */

static KlyngeLandscape *
landscape_with_a_long_name (gsize length)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autofree char *name = g_strnfill (length, 'a');
  g_autoptr(KlyngeMember) member = NULL;

  /* every tenth character escaped, so the escaping path runs too */
  for (gsize i = 9; i < length; i += 10)
    name[i] = '&';
  member = klynge_member_new ("m", KLYNGE_MEMBER_KIND_COMPANY, name);
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), NULL));
  return landscape;
}

START_TEST (test_a_value_larger_than_the_write_buffer_is_saved_whole)
{
  /* 600 KiB of name, more than the writer's 256 KiB buffer */
  g_autoptr(KlyngeLandscape) landscape = landscape_with_a_long_name (600 * 1024);
  g_autoptr(KlyngeLandscape) loaded = NULL;
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeMember *member;

  bytes = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  klynge_load_options_set_max_value_length (options, 1 << 22);
  loaded = klynge_landscape_load_bytes (bytes, "long", options, &error);
  ck_assert_no_error (error);
  member = KLYNGE_MEMBER (klynge_landscape_lookup (loaded, "m"));
  ck_assert_uint_eq (strlen (klynge_member_get_name (member)), 600 * 1024);
  again = klynge_landscape_save_bytes (loaded, &error);
  ck_assert (g_bytes_equal (bytes, again));
}
END_TEST

static guint interrupted_writes;

static gssize
write_interrupted_every_other_time (int         fd,
                                    const void *buf,
                                    gsize       count)
{
  if (interrupted_writes++ % 2 == 0)
    {
      errno = EINTR;
      return -1;
    }
  /* and short: at most 1000 bytes at a time */
  return write (fd, buf, MIN (count, 1000));
}

START_TEST (test_save_file_retries_interrupted_and_short_writes)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_with_a_long_name (300 * 1024);
  g_autofree char *dir = g_dir_make_tmp ("klynge-gaps-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.xml", NULL);
  g_autoptr(GBytes) expected = klynge_landscape_save_bytes (landscape, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  KlyngeFileOutputHooks hooks = { write_interrupted_every_other_time, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  interrupted_writes = 0;
  _klynge_file_output_set_hooks (&hooks);
  ok = klynge_landscape_save_file (landscape, path, &error);
  _klynge_file_output_set_hooks (NULL);
  ck_assert_no_error (error);
  ck_assert (ok);
  ck_assert_uint_gt (interrupted_writes, 2);
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  ck_assert_uint_eq (length, g_bytes_get_size (expected));
  ck_assert (memcmp (contents, g_bytes_get_data (expected, NULL), length) == 0);
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

/* An output stream that fails every write: cancelled if its cancellable
 * is, out of space otherwise. */
#define BROKEN_TYPE_STREAM (broken_stream_get_type ())
G_DECLARE_FINAL_TYPE (BrokenStream, broken_stream, BROKEN, STREAM, GOutputStream)

struct _BrokenStream
{
  GOutputStream parent_instance;
};

G_DEFINE_FINAL_TYPE (BrokenStream, broken_stream, G_TYPE_OUTPUT_STREAM)

static gssize
broken_stream_write (GOutputStream  *stream,
                     const void     *buffer,
                     gsize           count,
                     GCancellable   *cancellable,
                     GError        **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "injected: no space left");
  return -1;
}

static void
broken_stream_class_init (BrokenStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = broken_stream_write;
}

static void
broken_stream_init (BrokenStream *self)
{
}

START_TEST (test_save_stream_to_a_failing_stream_is_an_io_error)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_with_a_long_name (10);
  g_autoptr(GOutputStream) stream = g_object_new (BROKEN_TYPE_STREAM, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_landscape_save_stream (landscape, stream, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
}
END_TEST

START_TEST (test_save_stream_that_is_cancelled_reports_the_cancellation)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_with_a_long_name (10);
  g_autoptr(GOutputStream) stream = g_object_new (BROKEN_TYPE_STREAM, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ck_assert (!klynge_landscape_save_stream (landscape, stream, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

/* --- read failures on files -------------------------------------------- */

/* /proc/self/mem opens like a file, claims to be empty and fails the
 * first read with EIO: a read failure without any shim. */
START_TEST (test_a_file_whose_reads_fail_gives_an_io_error_and_no_landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!g_file_test ("/proc/self/mem", G_FILE_TEST_EXISTS))
    return;
  landscape = klynge_landscape_load_file ("/proc/self/mem", &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);

  problems = klynge_landscape_validate_file ("/proc/self/mem", NULL);
  ck_assert_uint_ge (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_IO);
}
END_TEST

START_TEST (test_a_directory_is_refused_with_an_io_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-gaps-XXXXXX", NULL);

  landscape = klynge_landscape_load_file (dir, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  g_rmdir (dir);
}
END_TEST

/* --- other encodings never reach iconv --------------------------------- */

/* iconv_open() interposed: libxml2 calls it for any encoding it does not
 * decode itself. */
static guint iconv_opens;

iconv_t iconv_open (const char *to, const char *from);
iconv_t
iconv_open (const char *to,
            const char *from)
{
  static iconv_t (*real) (const char *, const char *);

  if (real == NULL)
    real = (iconv_t (*) (const char *, const char *)) dlsym (RTLD_NEXT, "iconv_open");
  iconv_opens++;
  return real (to, from);
}

START_TEST (test_documents_in_other_encodings_are_refused_before_iconv_sees_them)
{
  static const char body[] =
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><members>"
    "<member id=\"m\" kind=\"company\"><name>x</name></member></members></landscape>";
  static const char * const declarations[] = {
    "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>",
    "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>",
    "<?xml version='1.0' standalone='yes' encoding='UCS-4'?>",
    "<?xml version=\"encoding='UTF-8'\" encoding=\"SHIFT_JIS\"?>",
    "<?xml version=\"1.0\"\n  encoding = \"ebcdic-cp-us\" ?>",
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"EUC-JP\"?>",
  };
  g_autoptr(GString) utf16 = g_string_new (NULL);
  g_autoptr(GString) utf32 = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GBytes) bytes = NULL;

  iconv_opens = 0;
  for (guint i = 0; i < G_N_ELEMENTS (declarations); i++)
    {
      g_autofree char *doc = g_strconcat (declarations[i], body, NULL);

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = g_bytes_new (doc, strlen (doc));
      landscape = klynge_landscape_load_bytes (bytes, "declared", NULL, &error);
      ck_assert_ptr_null (landscape);
      ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);
    }
  /* UTF-16LE and UTF-32LE without a byte-order mark */
  for (const char *p = body; *p != '\0'; p++)
    {
      g_string_append_c (utf16, *p);
      g_string_append_len (utf16, "\0", 1);
      g_string_append_c (utf32, *p);
      g_string_append_len (utf32, "\0\0\0", 3);
    }
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (utf16->str, utf16->len);
  landscape = klynge_landscape_load_bytes (bytes, "utf16", NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (utf32->str, utf32->len);
  landscape = klynge_landscape_load_bytes (bytes, "utf32", NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);

  ck_assert_uint_eq (iconv_opens, 0);
}
END_TEST

static Suite *
coverage_gaps_suite (void)
{
  Suite *suite = suite_create ("coverage-gaps");
  TCase *version = tcase_create ("version");
  TCase *values = tcase_create ("values");
  TCase *writer = tcase_create ("writer");
  TCase *reading = tcase_create ("read-failures");
  TCase *encodings = tcase_create ("foreign-encodings");

  tcase_add_test (version, test_version_functions_agree_with_the_header);
  tcase_add_test (version, test_check_version_accepts_this_and_older_versions_only);
  tcase_add_test (values, test_load_options_keep_what_was_set_and_share_it_between_references);
  tcase_add_test (values, test_a_filter_survives_while_referenced_and_clearing_active_on_matches_any_day);
  tcase_add_test (values, test_a_problem_keeps_its_place_and_is_shared_by_its_copies);
  tcase_add_test (values, test_a_copied_membership_is_equal_and_independent);
  tcase_add_test (writer, test_a_value_larger_than_the_write_buffer_is_saved_whole);
  tcase_add_test (writer, test_save_file_retries_interrupted_and_short_writes);
  tcase_add_test (writer, test_save_stream_to_a_failing_stream_is_an_io_error);
  tcase_add_test (writer, test_save_stream_that_is_cancelled_reports_the_cancellation);
  tcase_add_test (reading, test_a_file_whose_reads_fail_gives_an_io_error_and_no_landscape);
  tcase_add_test (reading, test_a_directory_is_refused_with_an_io_error);
  tcase_add_test (encodings, test_documents_in_other_encodings_are_refused_before_iconv_sees_them);
  suite_add_tcase (suite, version);
  suite_add_tcase (suite, values);
  suite_add_tcase (suite, writer);
  suite_add_tcase (suite, reading);
  suite_add_tcase (suite, encodings);
  return suite;
}

int
main (void)
{
  return klynge_test_run (coverage_gaps_suite ());
}
