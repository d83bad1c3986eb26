/* klynge-test.h: shared helpers for the Check suites
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>

#include <check.h>
#include <klynge/klynge.h>

/* Asserts that @err is set with domain KLYNGE_ERROR and @code, then frees
 * and clears it. */
#define ck_assert_klynge_error(err, code_) \
  do { \
    ck_assert_msg ((err) != NULL, "expected error %s, got none", #code_); \
    ck_assert_msg ((err)->domain == KLYNGE_ERROR, "wrong domain: %s", (err)->message); \
    ck_assert_msg ((err)->code == (code_), "expected %s (%d), got %d: %s", \
                   #code_, (int) (code_), (err)->code, (err)->message); \
    g_clear_error (&(err)); \
  } while (0)

/* Asserts that the file @path holds exactly the bytes @expected. */
static G_GNUC_UNUSED void
klynge_test_assert_file_holds (const char *path,
                               GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert_msg (g_file_get_contents (path, &contents, &length, NULL), "cannot read %s", path);
  ck_assert_uint_eq (length, g_bytes_get_size (expected));
  ck_assert (memcmp (contents, g_bytes_get_data (expected, NULL), length) == 0);
}

/* Asserts that @err is unset, printing its message otherwise. */
#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

/* Counts criticals from the library instead of aborting on them (make
 * check runs with G_DEBUG=fatal-criticals), for the tests of programmer
 * errors. */
static guint klynge_test_n_criticals;

static G_GNUC_UNUSED void
klynge_test_count_critical (const char     *domain,
                            GLogLevelFlags  level,
                            const char     *message,
                            gpointer        user_data)
{
  klynge_test_n_criticals++;
}

/* Asserts that @statement emits exactly one critical in the Klynge log
 * domain (a g_return_if_fail, say). */
#define assert_critical(statement) \
  G_STMT_START { \
    GLogLevelFlags old_fatal_ = g_log_set_always_fatal (G_LOG_FATAL_MASK); \
    guint handler_ = g_log_set_handler ("Klynge", G_LOG_LEVEL_CRITICAL, \
                                        klynge_test_count_critical, NULL); \
    klynge_test_n_criticals = 0; \
    statement; \
    g_log_remove_handler ("Klynge", handler_); \
    g_log_set_always_fatal (old_fatal_); \
    ck_assert_msg (klynge_test_n_criticals == 1, "expected one critical from: %s", #statement); \
  } G_STMT_END

/* The path of a file in the source tree (tests/data/...); free with g_free. */
static inline char *
klynge_test_path (const char *relative)
{
  const char *srcdir = g_getenv ("KLYNGE_TEST_SRCDIR");
  return g_build_filename (srcdir ? srcdir : KLYNGE_TEST_SRCDIR, relative, NULL);
}

/* A date from text; "" or NULL gives "no date". */
static G_GNUC_UNUSED KlyngeDate
klynge_test_date (const char *text)
{
  KlyngeDate date = { 0, };
  g_autoptr(GError) error = NULL;

  if (text == NULL || *text == '\0')
    return date;
  ck_assert_msg (klynge_date_parse (text, &date, &error), "bad test date %s: %s",
                 text, error ? error->message : "");
  return date;
}

/* Adds a membership that must succeed; NULL dates are left out. */
static G_GNUC_UNUSED void
klynge_test_add_membership (KlyngeLandscape *landscape,
                            const char      *organisation,
                            const char      *member,
                            const char      *since,
                            const char      *until)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate s = klynge_test_date (since), u = klynge_test_date (until);

  ck_assert (klynge_landscape_add_membership (landscape, organisation, member,
                                              since ? &s : NULL, until ? &u : NULL, &error));
  ck_assert_no_error (error);
}

/* Every problem of @problems on a line of its own, for failure messages. */
static G_GNUC_UNUSED char *
klynge_test_problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *one = klynge_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (text, "\n  %s", one);
    }
  return g_string_free (text, FALSE);
}

/* Runs @suite and returns the process exit status. */
static inline int
klynge_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}

/* The files of a fixture folder (tests/data/...) with the given suffix,
 * sorted; at least one. */
static G_GNUC_UNUSED GPtrArray *
klynge_test_fixture_files (const char *folder,
                           const char *suffix)
{
  g_autofree char *dir_path = klynge_test_path (folder);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_msg (dir != NULL, "no fixture folder %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  ck_assert_uint_gt (files->len, 0);
  return files;
}

/* A landscape document of @n_members members and @n_orgs organisations
 * in which member m belongs to organisation o when (m + o) % @every is 0:
 * big documents, made fast. */
static G_GNUC_UNUSED GBytes *
klynge_test_sparse_members_document (guint n_members,
                                     guint n_orgs,
                                     guint every)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
                               "  <members>\n");

  for (guint m = 0; m < n_members; m++)
    g_string_append_printf (xml, "    <member id=\"m-%u\" kind=\"company\"><name>Member %u</name></member>\n", m, m);
  g_string_append (xml, "  </members>\n  <organisations>\n");
  for (guint o = 0; o < n_orgs; o++)
    {
      g_string_append_printf (xml, "    <organisation id=\"org-%u\" kind=\"cluster\"><name>Org %u</name>\n", o, o);
      for (guint m = 0; m < n_members; m++)
        if ((m + o) % every == 0)
          g_string_append_printf (xml, "      <membership member=\"m-%u\" since=\"2020-01-%02u\"/>\n", m, 1 + m % 28);
      g_string_append (xml, "    </organisation>\n");
    }
  g_string_append (xml, "  </organisations>\n</landscape>\n");
  return g_string_free_to_bytes (xml);
}

/* Each of @n_members members belongs to each of @n_orgs organisations. */
static G_GNUC_UNUSED GBytes *
klynge_test_members_document (guint n_members,
                              guint n_orgs)
{
  return klynge_test_sparse_members_document (n_members, n_orgs, 1);
}
