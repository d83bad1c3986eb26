/* fuzz-load.c: libFuzzer harness for the loader and the writer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Any bytes: loading either fails with a KLYNGE_ERROR and no landscape, or
 * gives a landscape whose canonical document is a fixed point (saving,
 * loading that and saving again reproduces the saved bytes exactly) and
 * whose validation finds the same problems before and after the round
 * trip. The same bytes also go through klynge_landscape_validate_file(),
 * which keeps reading after data problems, a path of its own. Any
 * critical or warning from GLib is a crash.
 *
 * Built two ways: with clang -fsanitize=fuzzer (make fuzz), and with the
 * ordinary compiler and fuzz/replay.c (make check replays every seed).
 */
#include "config.h"

#define _GNU_SOURCE
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <klynge/klynge.h>

#define FUZZ_NAME "fuzz-load"
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Small caps keep each run fast; the caps themselves are part of what is
 * tested (every refusal must be a coded error). */
static KlyngeLoadOptions *options;


int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  options = klynge_load_options_new ();
  klynge_load_options_set_max_input_size (options, 1 << 20);
  klynge_load_options_set_max_value_length (options, 1 << 16);
  return 0;
}

/* The problems as one text, for comparing two validations. */
static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, "%d %s\n", klynge_problem_get_code (problem),
                              klynge_problem_get_message (problem));
    }
  return g_string_free (text, FALSE);
}

/* klynge_landscape_validate_file() on the bytes, through a memfd so that
 * nothing touches the disk. */
static void
validate_as_file (const uint8_t *data,
                  size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  char path[64];
  int fd;

  fd = memfd_create ("fuzz-load", MFD_CLOEXEC);
  if (fd < 0)
    return;
  if (size > 0 && write (fd, data, size) != (ssize_t) size)
    {
      close (fd);
      return;
    }
  g_snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  problems = klynge_landscape_validate_file (path, options);
  close (fd);
  check_problems (problems, "validate_file");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeLandscape) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) reloaded_problems = NULL;
  g_autofree char *problems_before = NULL;
  g_autofree char *problems_after = NULL;
  g_autoptr(GError) error = NULL;

  if (options == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  validate_as_file (data, size);

  input = g_bytes_new_static (data, size);
  landscape = klynge_landscape_load_bytes (input, "fuzz", options, &error);
  if (landscape == NULL)
    {
      check_error (error, "load");
      return 0;
    }
  if (error != NULL)
    FAIL ("load gave a landscape and an error");

  saved = klynge_landscape_save_bytes (landscape, &error);
  if (saved == NULL)
    FAIL ("a loaded landscape cannot be saved: %s", error ? error->message : "no error");

  reloaded = check_fixed_point (saved, "a loaded landscape");

  problems = klynge_landscape_validate (landscape);
  reloaded_problems = klynge_landscape_validate (reloaded);
  problems_before = problems_text (problems);
  problems_after = problems_text (reloaded_problems);
  if (strcmp (problems_before, problems_after) != 0)
    FAIL ("validation differs after a round trip:\n%s---\n%s", problems_before, problems_after);
  return 0;
}
