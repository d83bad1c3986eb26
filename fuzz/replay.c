/* replay.c: runs a libFuzzer harness over files, without libFuzzer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   replay-HARNESS [FILE-OR-DIRECTORY...]
 *
 * Feeds every file named, and every file under every directory named, to
 * LLVMFuzzerTestOneInput() in name order. With no arguments it replays
 * the seeds and regressions of the source tree ($KLYNGE_TEST_SRCDIR):
 * tests/data/{valid,invalid,hostile,roundtrip} and fuzz/regressions;
 * replay-api (built with REPLAY_API_SEEDS) fuzz/seeds-api and the
 * regressions named api-*; replay-tables (built with REPLAY_TABLES_SEEDS)
 * fuzz/seeds-tables and the regressions named tables-*.
 * A failing input aborts, so the program crashes; otherwise it prints how
 * many inputs it ran and exits 0. Built with the ordinary compiler, it
 * runs in make check; the harness is the same file libFuzzer links.
 */
#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Seed directories, and the prefix of the file names to take from each
 * (NULL: all). The API harness reads programs of operations and the
 * table harness sets of tables, not documents, so each has seeds and
 * regressions of its own. */
static const struct {
  const char *dir;
  const char *prefix;
} default_seeds[] = {
#ifdef REPLAY_API_SEEDS
  { "fuzz/seeds-api", NULL },
  { "fuzz/regressions", "api-" },
#elif defined (REPLAY_TABLES_SEEDS)
  { "fuzz/seeds-tables", NULL },
  { "fuzz/regressions", "tables-" },
#else
  { "tests/data/valid", NULL },
  { "tests/data/invalid", NULL },
  { "tests/data/hostile", NULL },
  { "tests/data/roundtrip", NULL },
  { "fuzz/regressions", NULL },
#endif
};

static void
collect (const char *path,
         const char *prefix,
         GPtrArray  *files)
{
  GDir *dir;
  const char *name;
  g_autoptr(GPtrArray) names = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child = NULL;

      if (prefix != NULL && !g_str_has_prefix (child_name, prefix))
        continue;
      child = g_build_filename (path, child_name, NULL);
      collect (child, NULL, files);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint ran = 0;

  LLVMFuzzerInitialize (&argc, &argv);

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        collect (argv[i], NULL, files);
    }
  else
    {
      const char *srcdir = g_getenv ("KLYNGE_TEST_SRCDIR");

      if (srcdir == NULL)
        srcdir = KLYNGE_TEST_SRCDIR;
      for (guint i = 0; i < G_N_ELEMENTS (default_seeds); i++)
        {
          g_autofree char *dir = g_build_filename (srcdir, default_seeds[i].dir, NULL);

          if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
            {
              fprintf (stderr, "%s: no seed directory %s\n", argv[0], dir);
              return 1;
            }
          collect (dir, default_seeds[i].prefix, files);
        }
    }
  g_ptr_array_sort (files, compare_paths);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &data, &length, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[0], error->message);
          return 1;
        }
      if (g_getenv ("REPLAY_VERBOSE") != NULL)
        fprintf (stderr, "%s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
      ran++;
    }
  printf ("%s: %u inputs replayed, no failure\n", argv[0], ran);
  return 0;
}
