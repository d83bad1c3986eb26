/* klynge-test.h: shared helpers for the Check suites
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

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

/* Asserts that @err is unset, printing its message otherwise. */
#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

/* The path of a file in the source tree (tests/data/...); free with g_free. */
static inline char *
klynge_test_path (const char *relative)
{
  const char *srcdir = g_getenv ("KLYNGE_TEST_SRCDIR");
  return g_build_filename (srcdir ? srcdir : KLYNGE_TEST_SRCDIR, relative, NULL);
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
