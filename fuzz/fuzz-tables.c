/* fuzz-tables.c: libFuzzer harness for the table loader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is a set of CSV tables. Its first byte holds flags (bit 0:
 * also load through the _with_problems variant and compare; bit 1: small
 * caps). The rest is cut at every 0x1E (ASCII record separator, which no
 * table needs) into chunks; a chunk's first byte names its table,
 * ('a' + i) for the i-th of klynge_landscape_export_csv_kinds() (any byte
 * reaches some table: it is taken modulo the number of tables plus one,
 * the last being a name that is no table), and the rest is the table's
 * CSV text. A later chunk of the same table replaces an earlier one.
 * Seeds written that way stay readable: `0` `aid,kind,...` RS `b...`.
 * fuzz/make-tables-seeds.py writes them from directories of tables.
 *
 * Properties:
 * - klynge_landscape_load_tables_from_bytes() gives a landscape and no
 *   error, or NULL and a KLYNGE_ERROR with a known code and a UTF-8
 *   message; the _with_problems variant agrees (the same outcome; its
 *   first problem has the error's code; every problem a known code);
 * - a loaded landscape saves, and what it saves loads with the default
 *   options and saves to the same bytes (check_fixed_point()), with the
 *   same validation problems;
 * - tables → landscape → tables → landscape: its tables, exported and
 *   loaded again with the default options, give the very same canonical
 *   document, and export to the very same tables.
 * Any critical or warning from GLib is a crash.
 *
 * Built two ways, like fuzz-load.c: with clang -fsanitize=fuzzer (make
 * fuzz FUZZ_HARNESSES=tables), and with fuzz/replay.c (make check
 * replays fuzz/seeds-tables and fuzz/regressions/tables-*).
 */
#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <klynge/klynge.h>

#define FUZZ_NAME "fuzz-tables"
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FLAG_WITH_PROBLEMS 0x01
#define FLAG_SMALL_CAPS    0x02

/* What separates the tables of an input. */
#define TABLE_SEPARATOR 0x1e

/* A chunk whose selector is past the tables gets this name: the loader
 * must refuse it, not crash. */
#define NOT_A_TABLE "no-such-table"

static KlyngeLoadOptions *options;
static KlyngeLoadOptions *small_options;
static const char * const *kinds;
static guint n_kinds;

/* FUZZ_TABLES_TRACE=1 prints what each input loads to, and the two
 * documents when the round trip changes one. */
static gboolean trace;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* as fuzz-load.c: small enough for fast runs, every refusal coded */
  options = klynge_load_options_new ();
  klynge_load_options_set_max_input_size (options, 1 << 20);
  klynge_load_options_set_max_value_length (options, 1 << 16);
  /* caps the seeds themselves reach */
  small_options = klynge_load_options_new ();
  klynge_load_options_set_max_input_size (small_options, 8192);
  klynge_load_options_set_max_value_length (small_options, 16);
  kinds = klynge_landscape_export_csv_kinds ();
  n_kinds = g_strv_length ((char **) kinds);
  trace = g_getenv ("FUZZ_TABLES_TRACE") != NULL;
  return 0;
}

/* The tables of an input: name → GBytes. */
static GHashTable *
split_tables (const uint8_t *data,
              size_t         size)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_bytes_unref);
  size_t start = 0;

  while (start < size)
    {
      const uint8_t *end = memchr (data + start, TABLE_SEPARATOR, size - start);
      size_t length = end != NULL ? (size_t) (end - (data + start)) : size - start;

      if (length > 0)
        {
          guint selector = (uint8_t) (data[start] - 'a') % (n_kinds + 1);
          const char *name = selector < n_kinds ? kinds[selector] : NOT_A_TABLE;

          g_hash_table_insert (tables, (gpointer) name,
                               g_bytes_new (data + start + 1, length - 1));
        }
      start += length + 1;
    }
  return tables;
}

/* The problems of a validation as one text, for comparing two. */
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

/* Every table of @landscape as CSV: name → GBytes. */
static GHashTable *
export_tables (KlyngeLandscape *landscape,
               const char      *what)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GError) error = NULL;
      GBytes *csv = klynge_landscape_export_csv_bytes (landscape, kinds[i], &error);

      if (csv == NULL)
        FAIL ("%s: the table %s cannot be exported: %s", what, kinds[i],
              error ? error->message : "no error");
      g_hash_table_insert (tables, (gpointer) kinds[i], csv);
    }
  return tables;
}

/* The loaders with and without problems agree on @tables. */
static void
check_with_problems (GHashTable        *tables,
                     KlyngeLoadOptions *load_options,
                     KlyngeLandscape   *landscape,
                     const GError      *error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KlyngeLandscape) other = NULL;

  other = klynge_landscape_load_tables_from_bytes_with_problems (tables, load_options, &problems);
  if ((other == NULL) != (landscape == NULL))
    FAIL ("load_tables_from_bytes %s, the _with_problems variant %s",
          landscape ? "loaded" : "failed", other ? "loaded" : "failed");
  if (other != NULL)
    {
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) other_saved = NULL;

      if (problems != NULL && problems->len > 0)
        FAIL ("load_tables_from_bytes_with_problems gave a landscape and %u problems",
              problems->len);
      saved = klynge_landscape_save_bytes (landscape, NULL);
      other_saved = klynge_landscape_save_bytes (other, NULL);
      if (saved == NULL || other_saved == NULL || !g_bytes_equal (saved, other_saved))
        FAIL ("load_tables_from_bytes and its _with_problems variant loaded different landscapes");
      return;
    }
  check_problems (problems, "load_tables_from_bytes_with_problems");
  if (problems->len == 0)
    FAIL ("load_tables_from_bytes_with_problems failed without a problem");
  if (klynge_problem_get_code (g_ptr_array_index (problems, 0)) != error->code)
    FAIL ("load_tables_from_bytes failed with code %d, its first problem has %d",
          error->code, klynge_problem_get_code (g_ptr_array_index (problems, 0)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) tables = NULL;
  g_autoptr(GHashTable) exported = NULL;
  g_autoptr(GHashTable) reexported = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(KlyngeLandscape) reloaded = NULL;
  g_autoptr(KlyngeLandscape) from_tables = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_from_tables = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) reloaded_problems = NULL;
  g_autofree char *problems_before = NULL;
  g_autofree char *problems_after = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeLoadOptions *load_options;
  guint8 flags;

  if (options == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  if (size == 0)
    return 0;

  flags = data[0];
  load_options = (flags & FLAG_SMALL_CAPS) ? small_options : options;
  tables = split_tables (data + 1, size - 1);

  landscape = klynge_landscape_load_tables_from_bytes (tables, load_options, NULL, &error);
  if (trace)
    fprintf (stderr, "%u tables, flags 0x%02x: %s\n", g_hash_table_size (tables), flags,
             landscape ? "loaded" : error->message);
  if (landscape == NULL)
    check_error (error, "load_tables_from_bytes");
  else if (error != NULL)
    FAIL ("load_tables_from_bytes gave a landscape and an error");
  if (flags & FLAG_WITH_PROBLEMS)
    check_with_problems (tables, load_options, landscape, error);
  if (landscape == NULL)
    return 0;

  /* the landscape is a valid one: its document loads as XML */
  saved = klynge_landscape_save_bytes (landscape, &error);
  if (saved == NULL)
    FAIL ("a landscape loaded from tables cannot be saved: %s",
          error ? error->message : "no error");
  reloaded = check_fixed_point (saved, "a landscape loaded from tables");
  problems = klynge_landscape_validate (landscape);
  reloaded_problems = klynge_landscape_validate (reloaded);
  problems_before = problems_text (problems);
  problems_after = problems_text (reloaded_problems);
  if (strcmp (problems_before, problems_after) != 0)
    FAIL ("validation differs after saving and loading:\n%s---\n%s",
          problems_before, problems_after);

  /* its tables load again, to the same landscape and the same tables */
  exported = export_tables (landscape, "a landscape loaded from tables");
  from_tables = klynge_landscape_load_tables_from_bytes (exported, NULL, NULL, &error);
  if (from_tables == NULL)
    FAIL ("the tables a landscape exports do not load: %s", error->message);
  saved_from_tables = klynge_landscape_save_bytes (from_tables, &error);
  if (saved_from_tables == NULL)
    FAIL ("a landscape loaded from exported tables cannot be saved: %s", error->message);
  if (!g_bytes_equal (saved, saved_from_tables))
    {
      if (trace)
        fprintf (stderr, "--- loaded\n%.*s\n--- from its tables\n%.*s\n",
                 (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL),
                 (int) g_bytes_get_size (saved_from_tables),
                 (const char *) g_bytes_get_data (saved_from_tables, NULL));
      FAIL ("tables → landscape → tables → landscape changed the document (%zu vs %zu bytes)",
            g_bytes_get_size (saved), g_bytes_get_size (saved_from_tables));
    }
  reexported = export_tables (from_tables, "a landscape loaded from exported tables");
  for (guint i = 0; i < n_kinds; i++)
    if (!g_bytes_equal (g_hash_table_lookup (exported, kinds[i]),
                        g_hash_table_lookup (reexported, kinds[i])))
      FAIL ("the table %s differs after loading the exported tables", kinds[i]);
  return 0;
}
