/* fuzz-common.h: what every harness asks of a failure
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Included by the harnesses, each after defining FUZZ_NAME (its name in
 * messages). A broken property aborts, which libFuzzer and fuzz/replay.c
 * both report as a crash.
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <klynge/klynge.h>

#define FAIL(...) G_STMT_START { \
    fprintf (stderr, FUZZ_NAME ": " __VA_ARGS__); \
    fputc ('\n', stderr); \
    abort (); \
  } G_STMT_END

/* The last code of KlyngeError: a new code goes at the end of the enum,
 * and here. */
#define FUZZ_LAST_ERROR_CODE KLYNGE_ERROR_MISSING_TABLE

/* A refusal: a KLYNGE_ERROR with one of the codes, and a UTF-8 message. */
static inline void
check_error (const GError *error,
             const char   *what)
{
  if (error == NULL)
    FAIL ("%s failed without an error", what);
  if (error->domain != KLYNGE_ERROR)
    FAIL ("%s failed outside the KLYNGE_ERROR domain: %s", what, error->message);
  if (error->code < 0 || error->code > FUZZ_LAST_ERROR_CODE)
    FAIL ("%s failed with an unknown code %d", what, error->code);
  if (error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
    FAIL ("%s failed with a message that is not UTF-8", what);
}

/* Problems: each with one of the codes and a UTF-8 message. */
static inline void
check_problems (GPtrArray  *problems,
                const char *what)
{
  if (problems == NULL)
    FAIL ("%s gave no array", what);
  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeProblem *problem = g_ptr_array_index (problems, i);
      const char *message = klynge_problem_get_message (problem);
      int code = klynge_problem_get_code (problem);

      if (code < 0 || code > FUZZ_LAST_ERROR_CODE)
        FAIL ("%s: a problem has an unknown code %d", what, code);
      if (message == NULL || !g_utf8_validate (message, -1, NULL))
        FAIL ("%s: a problem's message is not UTF-8", what);
    }
}

/* Loads @saved (what @what saved) with the default options and saves that
 * again: the very same bytes, a fixed point. Returns the reloaded
 * landscape. */
static inline KlyngeLandscape *
check_fixed_point (GBytes     *saved,
                   const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) resaved = NULL;
  KlyngeLandscape *reloaded = klynge_landscape_load_bytes (saved, "saved", NULL, &error);

  if (reloaded == NULL)
    FAIL ("what %s saved does not load: %s", what, error ? error->message : "no error");
  resaved = klynge_landscape_save_bytes (reloaded, &error);
  if (resaved == NULL)
    FAIL ("a reloaded landscape cannot be saved: %s", error ? error->message : "no error");
  if (!g_bytes_equal (saved, resaved))
    FAIL ("save → load → save is not a fixed point (%zu vs %zu bytes)",
          g_bytes_get_size (saved), g_bytes_get_size (resaved));
  return reloaded;
}
