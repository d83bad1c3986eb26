/* klynge-bench.c: klynge against libxml2's own floor, at three sizes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `make bench` runs this driver. For every size it generates a synthetic
 * landscape (bench/klynge-generate), then, round after round, runs the
 * floor (bench/sax-floor: a bare libxml2 SAX2 pass) and each klynge
 * operation in a child process of its own, so that every figure comes
 * with that process's peak RSS (getrusage of the child) and no operation
 * warms or pollutes the next. Each child times only its operation (after
 * loading, for the queries) and prints the seconds. Floor and klynge run
 * interleaved in the same rounds, so the ratios hold on a shared machine;
 * the figures are medians. At the end every target of issue 8 is printed
 * with its measured figure and PASS or FAIL; the exit status is 0 only
 * when all pass.
 *
 * The driver is also its own child: `klynge-bench --child OP FILE [OUT]`.
 *
 * The diff (issue 18) compares each generated landscape with a copy that
 * the generator writes with 1 % of its memberships changed
 * (--change-memberships=1): its child loads both files, compares them
 * and writes the text of the differences, as `klynge diff OLD NEW` does,
 * and the target holds that whole to 3 × one load of the file, the load
 * measured in the same rounds.
 *
 * The report (issue 19) is timed on a landscape of its own, generated
 * with 10,000 organisations and the generator's other defaults: its
 * child loads it and writes klynge_landscape_write_report_file(), and
 * the targets hold the write to 2 s and the page to 5 MB.
 * `--only-report` runs that row alone.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <klynge/klynge.h>

/* Colleagues' functions may be missing from the library the driver runs
 * against; a weak reference is NULL then and the figure says "not
 * available". */
#pragma weak klynge_landscape_member_overlaps
#pragma weak klynge_landscape_funding_totals
#pragma weak klynge_landscape_list_ancestors
#pragma weak klynge_landscape_list_descendants
#pragma weak klynge_landscape_diff
#pragma weak klynge_diff_get_n_changes
#pragma weak klynge_diff_to_text
#pragma weak klynge_landscape_write_report_file

#define EXIT_NOT_AVAILABLE 3

/* contracts in the renewal chain that "validate chain" builds */
#define BENCH_CHAIN 40000u
/* mergers in the history that "validate history" and "DOT of a chain"
 * build */
#define BENCH_HISTORY 100000u

/* organisations in the landscape the report is timed on, and its limits */
#define BENCH_REPORT_ORGANISATIONS 10000
#define BENCH_REPORT_SECONDS 2.0
#define BENCH_REPORT_BYTES (5 * 1000 * 1000)

/* --- children ------------------------------------------------------------ */

static KlyngeLandscape *
child_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  KlyngeLandscape *landscape;

  /* the default cap (2 GiB) would refuse the largest size */
  klynge_load_options_set_max_input_size (options, G_MAXUINT64);
  landscape = klynge_landscape_load_file_full (path, options, NULL, NULL, NULL, &error);

  if (landscape == NULL)
    {
      g_printerr ("klynge-bench: %s\n", error->message);
      exit (1);
    }
  return landscape;
}

static void
child_report (gint64 start,
              const char *detail)
{
  printf ("%.6f %s\n", (g_get_monotonic_time () - start) / 1e6, detail ? detail : "");
  fflush (stdout);
}

/* A history of BENCH_HISTORY absorptions, one a day from 1700: mI folds
 * o(I-1) into oI, which is dissolved the day before. The mergers are
 * listed newest first, the order that once took the DOT export one pass
 * over all mergers per merger. */
static KlyngeLandscape *
child_history (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  KlyngeDate start = { 1700, 1, 1 };
  guint32 first = klynge_date_get_first_day (&start);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= BENCH_HISTORY; i++)
    {
      g_autofree char *id = g_strdup_printf ("o%u", i);
      g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER, id);
      KlyngeDate dissolved;

      klynge_date_init_from_day (&dissolved, first + i);
      if ((i < BENCH_HISTORY && !klynge_organisation_set_dissolved (organisation, &dissolved, &error))
          || !klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error))
        {
          g_printerr ("klynge-bench: %s\n", error->message);
          _exit (1);
        }
    }
  for (guint i = BENCH_HISTORY; i >= 1; i--)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      g_autofree char *from = g_strdup_printf ("o%u", i - 1);
      g_autofree char *to = g_strdup_printf ("o%u", i);
      KlyngeDate effective;
      g_autoptr(KlyngeMerger) merger = NULL;

      klynge_date_init_from_day (&effective, first + i);
      merger = klynge_merger_new (id, KLYNGE_MERGER_KIND_ABSORPTION, to, &effective);
      klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
      if (!klynge_merger_add_predecessor (merger, from, &error)
          || !klynge_landscape_add (landscape, KLYNGE_RECORD (merger), &error))
        {
          g_printerr ("klynge-bench: %s\n", error->message);
          _exit (1);
        }
    }
  return landscape;
}

/* Runs one operation and exits without freeing anything: the process is
 * about to end, and freeing is not what is measured. */
static int
run_child (const char *op,
           const char *path,
           const char *out)
{
  KlyngeLandscape *landscape;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 start;

  if (strcmp (op, "load") == 0)
    {
      /* the load alone, for profiling */
      start = g_get_monotonic_time ();
      landscape = child_load (path);
      child_report (start, NULL);
      _exit (0);
    }
  if (strcmp (op, "load-save") == 0)
    {
      struct rusage usage;
      double load_seconds;

      /* the peak RSS of the load is taken before the save begins */
      start = g_get_monotonic_time ();
      landscape = child_load (path);
      load_seconds = (g_get_monotonic_time () - start) / 1e6;
      getrusage (RUSAGE_SELF, &usage);
      start = g_get_monotonic_time ();
      if (!klynge_landscape_save_file (landscape, out, &error))
        {
          g_printerr ("klynge-bench: %s\n", error->message);
          _exit (1);
        }
      printf ("%.6f %ld %.6f\n", load_seconds, usage.ru_maxrss,
              (g_get_monotonic_time () - start) / 1e6);
      fflush (stdout);
      _exit (0);
    }
  if (strcmp (op, "diff") == 0)
    {
      /* what `klynge diff FILE OUT` costs: both loads, the comparison and
       * the text; prints the whole, then the comparison alone */
      KlyngeLandscape *changed;
      KlyngeDiff *diff;
      gint64 loaded, compared;
      char *text;

      if (klynge_landscape_diff == NULL || klynge_diff_get_n_changes == NULL || klynge_diff_to_text == NULL)
        _exit (EXIT_NOT_AVAILABLE);
      start = g_get_monotonic_time ();
      landscape = child_load (path);
      changed = child_load (out);
      loaded = g_get_monotonic_time ();
      diff = klynge_landscape_diff (landscape, changed);
      compared = g_get_monotonic_time ();
      text = klynge_diff_to_text (diff);
      printf ("%.6f %.6f %u changes, %zu bytes of text\n", (g_get_monotonic_time () - start) / 1e6,
              (compared - loaded) / 1e6, klynge_diff_get_n_changes (diff), strlen (text));
      fflush (stdout);
      _exit (0);
    }
  if (strcmp (op, "baseline") == 0)
    {
      /* the types registered and an empty landscape: the process's floor */
      start = g_get_monotonic_time ();
      landscape = klynge_landscape_new ();
      child_report (start, NULL);
      _exit (landscape != NULL ? 0 : 1);
    }
  if (strcmp (op, "default") == 0)
    {
      start = g_get_monotonic_time ();
      landscape = klynge_landscape_new_default ();
      child_report (start, NULL);
      _exit (landscape != NULL ? 0 : 1);
    }
  if (strcmp (op, "validate-chain") == 0)
    {
      /* a built landscape, whatever the size: one holder whose contracts
       * each renew the one before, as validation once took minutes on */
      g_autoptr(KlyngeOrganisation) holder = klynge_organisation_new ("holder", KLYNGE_ORGANISATION_KIND_CLUSTER, "Holder");
      g_autoptr(KlyngeFundingSource) fund = klynge_funding_source_new ("fund", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "Fund");
      KlyngeDate first = { 2000, 1, 1 }, last = { 2000, 12, 31 };
      KlyngePeriod period;
      GPtrArray *problems;

      landscape = klynge_landscape_new ();
      if (!klynge_period_init (&period, &first, &last, &error)
          || !klynge_landscape_add (landscape, KLYNGE_RECORD (holder), &error)
          || !klynge_landscape_add (landscape, KLYNGE_RECORD (fund), &error))
        {
          g_printerr ("klynge-bench: %s\n", error->message);
          _exit (1);
        }
      for (guint i = 0; i < BENCH_CHAIN; i++)
        {
          g_autofree char *id = g_strdup_printf ("c%u", i);
          g_autofree char *renews = i > 0 ? g_strdup_printf ("c%u", i - 1) : NULL;
          g_autoptr(KlyngeContract) contract = klynge_contract_new (id, "holder", &period, 100);
          g_autoptr(KlyngeShare) share = klynge_share_new ("fund", 10000, &error);

          if (share == NULL
              || (renews != NULL && !klynge_contract_set_renews (contract, renews, &error))
              || !klynge_contract_add_share (contract, share, &error)
              || !klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error))
            {
              g_printerr ("klynge-bench: %s\n", error->message);
              _exit (1);
            }
        }
      start = g_get_monotonic_time ();
      problems = klynge_landscape_validate (landscape);
      detail = g_strdup_printf ("%u chained contracts, %u problems (a built landscape)",
                                BENCH_CHAIN, problems->len);
      child_report (start, detail);
      _exit (0);
    }

  if (strcmp (op, "validate-history") == 0 || strcmp (op, "dot-chain") == 0)
    {
      landscape = child_history ();
      start = g_get_monotonic_time ();
      if (strcmp (op, "dot-chain") == 0)
        {
          char *dot = klynge_landscape_lineage_to_dot (landscape, "o0");

          detail = g_strdup_printf ("%u mergers listed newest first, %zu bytes of DOT (a built landscape)",
                                    BENCH_HISTORY, dot ? strlen (dot) : 0);
        }
      else
        {
          GPtrArray *problems = klynge_landscape_validate (landscape);

          detail = g_strdup_printf ("%u mergers listed newest first, %u problems (a built landscape)",
                                    BENCH_HISTORY, problems->len);
        }
      child_report (start, detail);
      _exit (0);
    }

  landscape = child_load (path);
  if (strcmp (op, "report") == 0)
    {
      GStatBuf st;

      if (klynge_landscape_write_report_file == NULL)
        _exit (EXIT_NOT_AVAILABLE);
      start = g_get_monotonic_time ();
      if (!klynge_landscape_write_report_file (landscape, NULL, out, NULL, &error))
        {
          g_printerr ("klynge-bench: %s\n", error->message);
          _exit (1);
        }
      /* the size first: the driver reads it back */
      detail = g_strdup_printf ("%" G_GUINT64_FORMAT " bytes of HTML",
                                g_stat (out, &st) == 0 ? (guint64) st.st_size : 0);
      child_report (start, detail);
      _exit (0);
    }
  if (strcmp (op, "lineage") == 0)
    {
      GPtrArray *mergers;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      guint64 links = 0;

      if (klynge_landscape_list_ancestors == NULL || klynge_landscape_list_descendants == NULL)
        _exit (EXIT_NOT_AVAILABLE);
      /* every organisation a merger names, once */
      mergers = klynge_landscape_list (landscape, KLYNGE_TYPE_MERGER);
      for (guint i = 0; i < mergers->len; i++)
        {
          KlyngeMerger *merger = g_ptr_array_index (mergers, i);
          const char * const *predecessors = klynge_merger_get_predecessors (merger);
          const char *successor = klynge_merger_get_successor (merger);

          if (g_hash_table_add (seen, (gpointer) successor))
            g_ptr_array_add (ids, (gpointer) successor);
          for (guint j = 0; predecessors[j] != NULL; j++)
            if (g_hash_table_add (seen, (gpointer) predecessors[j]))
              g_ptr_array_add (ids, (gpointer) predecessors[j]);
        }
      start = g_get_monotonic_time ();
      for (guint i = 0; i < ids->len; i++)
        {
          GPtrArray *up = klynge_landscape_list_ancestors (landscape, g_ptr_array_index (ids, i));
          GPtrArray *down = klynge_landscape_list_descendants (landscape, g_ptr_array_index (ids, i));

          links += (up ? up->len : 0) + (down ? down->len : 0);
          g_clear_pointer (&up, g_ptr_array_unref);
          g_clear_pointer (&down, g_ptr_array_unref);
        }
      detail = g_strdup_printf ("%u organisations, %" G_GUINT64_FORMAT " links", ids->len, links);
      child_report (start, detail);
      _exit (0);
    }
  if (strcmp (op, "funding") == 0)
    {
      GPtrArray *totals;

      if (klynge_landscape_funding_totals == NULL)
        _exit (EXIT_NOT_AVAILABLE);
      start = g_get_monotonic_time ();
      totals = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_YEAR, NULL);
      detail = g_strdup_printf ("%u years", totals ? totals->len : 0);
      child_report (start, detail);
      _exit (0);
    }
  if (strcmp (op, "overlap") == 0)
    {
      GPtrArray *overlaps;

      if (klynge_landscape_member_overlaps == NULL)
        _exit (EXIT_NOT_AVAILABLE);
      start = g_get_monotonic_time ();
      overlaps = klynge_landscape_member_overlaps (landscape, 1);
      detail = g_strdup_printf ("%u pairs share members", overlaps ? overlaps->len : 0);
      child_report (start, detail);
      _exit (0);
    }
  g_printerr ("klynge-bench: unknown operation %s\n", op);
  return 2;
}

/* --- the driver ---------------------------------------------------------- */

typedef struct {
  const char *label;
  gint64 organisations, members, memberships;
  gboolean roles;      /* a role on every membership (issue 16) */
  guint runs;
  gboolean enabled;
  char *skip_reason;
  char *path;
  char *saved;
  char *changed;       /* the copy with 1 % of the memberships changed */
  guint64 bytes;
  double generate_seconds;
} Size;

static Size sizes[] = {
  { "27 MB",   1000,   100000,   300000,   FALSE, 5, TRUE, NULL, NULL, NULL, NULL, 0, 0 },
  { "273 MB",  10000,  1000000,  3000000,  TRUE,  5, TRUE, NULL, NULL, NULL, NULL, 0, 0 },
  { "2.7 GB",  100000, 10000000, 30000000, TRUE,  5, TRUE, NULL, NULL, NULL, NULL, 0, 0 },
};
#define N_SIZES G_N_ELEMENTS (sizes)

typedef enum {
  OP_FLOOR, OP_LOAD, OP_SAVE, OP_FLOOR_SAVED, OP_LINEAGE, OP_FUNDING, OP_OVERLAP,
  OP_DEFAULT, OP_DATAFRAME, OP_VALIDATE_CHAIN, OP_VALIDATE_HISTORY, OP_DOT_CHAIN,
  OP_DIFF, OP_DIFF_COMPARE, OP_REPORT, N_OPS
} Op;

static const char * const op_names[N_OPS] = {
  "floor (SAX2 pass)", "load", "save", "floor on saved file", "lineage of merged",
  "funding per year", "all-pairs overlap", "new_default()", "to_dataframe()",
  "validate chain", "validate history", "DOT of a chain",
  "diff", "diff: compare only", "report",
};

typedef struct {
  GArray *seconds;     /* double */
  GArray *rss_kb;      /* glong */
  char *detail;
  char *unavailable;   /* why there is no figure */
} Figure;

static Figure figures[N_SIZES][N_OPS];

static char *opt_generate = NULL;
static char *opt_floor = NULL;
static char *opt_workdir = NULL;
static char *opt_python = NULL;
static char *opt_pythonpath = NULL;
static char *opt_typelibdir = NULL;
static char *opt_libdir = NULL;
static char *opt_sizes = NULL;
static gint opt_runs = 5;
static gint opt_timeout = 300;
static gint opt_budget = 330;
static glong baseline_rss_kb = 0;
static gboolean opt_keep = FALSE;
static gboolean opt_only_report = FALSE;
static char *self_exe;

/* Runs @argv with @timeout seconds; on success fills *seconds from the
 * child's first output word and *rss_kb from its rusage. Returns the exit
 * status, or -1 for a signal (a timeout is SIGALRM). */
static int
run (char       **argv,
     char       **envp,
     guint        timeout,
     double      *seconds,
     glong       *rss_kb,
     char       **rest,
     char       **error_text)
{
  int out_pipe[2], err_pipe[2];
  struct rusage usage;
  GString *out = g_string_new (NULL), *err = g_string_new (NULL);
  pid_t pid;
  int status;

  if (pipe (out_pipe) != 0 || pipe (err_pipe) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      dup2 (out_pipe[1], 1);
      dup2 (err_pipe[1], 2);
      close (out_pipe[0]);
      close (err_pipe[0]);
      /* an alarm survives exec: the child dies at its deadline */
      alarm (timeout);
      if (envp != NULL)
        execve (argv[0], argv, envp);
      else
        execv (argv[0], argv);
      fprintf (stderr, "cannot run %s: %s\n", argv[0], g_strerror (errno));
      _exit (127);
    }
  close (out_pipe[1]);
  close (err_pipe[1]);
  /* outputs are small: read stdout, then stderr */
  for (int i = 0; i < 2; i++)
    {
      int fd = i == 0 ? out_pipe[0] : err_pipe[0];
      GString *to = i == 0 ? out : err;
      char buf[4096];
      ssize_t n;

      while ((n = read (fd, buf, sizeof buf)) != 0)
        {
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            break;
          g_string_append_len (to, buf, n);
        }
      close (fd);
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      g_error ("wait4: %s", g_strerror (errno));

  *rss_kb = usage.ru_maxrss;
  *seconds = g_ascii_strtod (out->str, NULL);
  if (rest != NULL)
    {
      const char *space = strchr (out->str, ' ');
      *rest = g_strstrip (g_strdup (space ? space + 1 : ""));
    }
  if (error_text != NULL)
    *error_text = g_strstrip (g_string_free (err, FALSE));
  else
    g_string_free (err, TRUE);
  g_string_free (out, TRUE);
  if (WIFSIGNALED (status))
    return WTERMSIG (status) == SIGALRM ? -2 : -1;
  return WEXITSTATUS (status);
}

static const char python_script[] =
  "import sys, time\n"
  "path, expected = sys.argv[1], int(sys.argv[2])\n"
  "try:\n"
  "    import klynge\n"
  "    import pandas\n"
  "except Exception as e:\n"
  "    print('import failed: %s' % e, file=sys.stderr)\n"
  "    sys.exit(3)\n"
  "if not hasattr(klynge, 'to_dataframe'):\n"
  "    print('klynge has no to_dataframe()', file=sys.stderr)\n"
  "    sys.exit(3)\n"
  "landscape = klynge.load(path)\n"
  "start = time.monotonic()\n"
  "frame = klynge.to_dataframe(landscape, 'membership')\n"
  "seconds = time.monotonic() - start\n"
  "if len(frame) != expected:\n"
  "    print('%d rows, expected %d' % (len(frame), expected), file=sys.stderr)\n"
  "    sys.exit(1)\n"
  "print('%.6f %d rows' % (seconds, len(frame)))\n";

static void
measure (Size  *size,
         guint  s,
         Op     op)
{
  Figure *figure = &figures[s][op];
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = NULL;
  g_autofree char *error_text = NULL;
  g_autofree char *rest = NULL;
  char expected[32];
  double seconds;
  glong rss;
  int status;

  if (figure->unavailable != NULL)
    return;
  switch (op)
    {
    case OP_FLOOR:
    case OP_FLOOR_SAVED:
      if (op == OP_FLOOR_SAVED && !g_file_test (size->saved, G_FILE_TEST_EXISTS))
        return;
      g_ptr_array_add (argv, g_strdup (opt_floor));
      g_ptr_array_add (argv, g_strdup (op == OP_FLOOR ? size->path : size->saved));
      break;
    case OP_DATAFRAME:
      if (opt_python == NULL || *opt_python == '\0' || strcmp (opt_python, ":") == 0)
        {
          figure->unavailable = g_strdup ("no Python interpreter was configured");
          return;
        }
      g_snprintf (expected, sizeof expected, "%" G_GINT64_FORMAT, size->memberships);
      g_ptr_array_add (argv, g_find_program_in_path (opt_python));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup (python_script));
      g_ptr_array_add (argv, g_strdup (size->path));
      g_ptr_array_add (argv, g_strdup (expected));
      envp = g_get_environ ();
      if (opt_pythonpath != NULL)
        envp = g_environ_setenv (envp, "PYTHONPATH", opt_pythonpath, TRUE);
      if (opt_typelibdir != NULL)
        envp = g_environ_setenv (envp, "GI_TYPELIB_PATH", opt_typelibdir, TRUE);
      if (opt_libdir != NULL)
        envp = g_environ_setenv (envp, "LD_LIBRARY_PATH", opt_libdir, TRUE);
      envp = g_environ_setenv (envp, "PYTHONDONTWRITEBYTECODE", "1", TRUE);
      if (g_ptr_array_index (argv, 0) == NULL)
        {
          figure->unavailable = g_strdup_printf ("cannot find %s", opt_python);
          return;
        }
      break;
    default:
      g_ptr_array_add (argv, g_strdup (self_exe));
      g_ptr_array_add (argv, g_strdup ("--child"));
      g_ptr_array_add (argv, g_strdup (op == OP_LOAD ? "load-save"
                                       : op == OP_LINEAGE ? "lineage" : op == OP_FUNDING ? "funding"
                                       : op == OP_OVERLAP ? "overlap"
                                       : op == OP_VALIDATE_CHAIN ? "validate-chain"
                                       : op == OP_VALIDATE_HISTORY ? "validate-history"
                                       : op == OP_DOT_CHAIN ? "dot-chain"
                                       : op == OP_DIFF ? "diff" : op == OP_REPORT ? "report" : "default"));
      g_ptr_array_add (argv, g_strdup (size->path));
      g_ptr_array_add (argv, g_strdup (op == OP_DIFF ? size->changed : size->saved));
      break;
    }
  g_ptr_array_add (argv, NULL);

  status = run ((char **) argv->pdata, envp, (guint) opt_timeout, &seconds, &rss, &rest, &error_text);
  if (status == 0 && op == OP_LOAD)
    {
      /* load, its peak RSS, and the save that followed in the same process */
      g_auto(GStrv) words = g_strsplit (rest ? rest : "", " ", 0);
      Figure *save = &figures[s][OP_SAVE];
      double save_seconds;

      g_array_append_val (figure->seconds, seconds);
      rss = words[0] ? (glong) g_ascii_strtoll (words[0], NULL, 10) : 0;
      g_array_append_val (figure->rss_kb, rss);
      save_seconds = words[0] && words[1] ? g_ascii_strtod (words[1], NULL) : 0;
      g_array_append_val (save->seconds, save_seconds);
    }
  else if (status == 0 && op == OP_DIFF)
    {
      /* the whole, then the comparison alone, in the same process */
      Figure *compare = &figures[s][OP_DIFF_COMPARE];
      char *detail = NULL;
      double compare_seconds = g_ascii_strtod (rest ? rest : "", &detail);

      g_array_append_val (figure->seconds, seconds);
      g_array_append_val (figure->rss_kb, rss);
      g_array_append_val (compare->seconds, compare_seconds);
      g_free (figure->detail);
      figure->detail = g_strdup_printf ("%s; both loads, the comparison and the text", detail ? g_strstrip (detail) : "");
    }
  else if (status == 0)
    {
      g_array_append_val (figure->seconds, seconds);
      g_array_append_val (figure->rss_kb, rss);
      if (rest != NULL && *rest != '\0')
        {
          g_free (figure->detail);
          figure->detail = g_steal_pointer (&rest);
        }
    }
  else if (status == EXIT_NOT_AVAILABLE)
    figure->unavailable = g_strdup_printf ("not available%s%s",
                                           error_text && *error_text ? ": " : "",
                                           error_text ? error_text : "");
  else if (status == -2)
    figure->unavailable = g_strdup_printf ("timed out after %d s", opt_timeout);
  else
    figure->unavailable = g_strdup_printf ("failed (%s%d): %s", status < 0 ? "signal, " : "status ",
                                           status, error_text ? error_text : "");
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gboolean
median (Figure *figure,
        double *value)
{
  g_autoptr(GArray) sorted = NULL;
  guint n;

  if (figure->seconds == NULL || figure->seconds->len == 0)
    return FALSE;
  n = figure->seconds->len;
  sorted = g_array_copy (figure->seconds);
  g_array_sort (sorted, compare_double);
  *value = n % 2 ? g_array_index (sorted, double, n / 2)
                 : (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
  return TRUE;
}

static glong
peak_rss_kb (Figure *figure)
{
  glong peak = 0;

  for (guint i = 0; figure->rss_kb != NULL && i < figure->rss_kb->len; i++)
    peak = MAX (peak, g_array_index (figure->rss_kb, glong, i));
  return peak;
}

static char *
machine_description (void)
{
  g_autofree char *cpuinfo = NULL, *meminfo = NULL;
  g_autofree char *model = NULL;
  guint64 mem_kb = 0;
  char *line;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL)
      && (line = strstr (cpuinfo, "model name")) != NULL)
    {
      char *colon = strchr (line, ':');
      char *eol = strchr (line, '\n');
      if (colon != NULL && eol != NULL && colon < eol)
        model = g_strstrip (g_strndup (colon + 1, (gsize) (eol - colon - 1)));
    }
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL)
      && (line = strstr (meminfo, "MemTotal:")) != NULL)
    mem_kb = g_ascii_strtoull (line + 9, NULL, 10);
  return g_strdup_printf ("%ld cores (nproc), %s, %.1f GB RAM",
                          sysconf (_SC_NPROCESSORS_ONLN), model ? model : "unknown CPU",
                          mem_kb / 1048576.0);
}

static guint64
mem_available_bytes (void)
{
  g_autofree char *meminfo = NULL;
  char *line;

  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL)
      && (line = strstr (meminfo, "MemAvailable:")) != NULL)
    return g_ascii_strtoull (line + 13, NULL, 10) * 1024;
  return 0;
}

static guint64
disk_available_bytes (const char *dir)
{
  struct statvfs st;

  if (statvfs (dir, &st) != 0)
    return 0;
  return (guint64) st.f_bavail * st.f_frsize;
}

static gboolean
prepare_size (Size  *size,
              guint  s)
{
  g_autofree char *name = g_strdup_printf ("landscape-%" G_GINT64_FORMAT ".xml", size->members);
  g_autofree char *saved = g_strdup_printf ("saved-%" G_GINT64_FORMAT ".xml", size->members);
  g_autofree char *organisations = g_strdup_printf ("--organisations=%" G_GINT64_FORMAT, size->organisations);
  g_autofree char *members = g_strdup_printf ("--members=%" G_GINT64_FORMAT, size->members);
  g_autofree char *memberships = g_strdup_printf ("--memberships=%" G_GINT64_FORMAT, size->memberships);
  g_autofree char *output = NULL;
  g_autofree char *error_text = NULL;
  char *argv[9];
  GStatBuf st;
  double seconds;
  glong rss;
  gint64 start;
  int status;

  size->path = g_build_filename (opt_workdir, name, NULL);
  size->saved = g_build_filename (opt_workdir, saved, NULL);
  output = g_strdup_printf ("--output=%s", size->path);
  argv[0] = opt_generate;
  argv[1] = (char *) "--seed=8";
  argv[2] = organisations;
  argv[3] = members;
  argv[4] = memberships;
  argv[5] = output;
  argv[6] = size->roles ? (char *) "--roles" : NULL;
  argv[7] = NULL;

  start = g_get_monotonic_time ();
  status = run (argv, NULL, (guint) opt_timeout, &seconds, &rss, NULL, &error_text);
  size->generate_seconds = (g_get_monotonic_time () - start) / 1e6;
  if (status != 0 || g_stat (size->path, &st) != 0)
    {
      size->skip_reason = g_strdup_printf ("the generator failed: %s", error_text ? error_text : "");
      return FALSE;
    }
  size->bytes = (guint64) st.st_size;
  if (s < 2)
    {
      /* the same landscape with 1 % of its memberships changed, for the
       * diff (not at 2.7 GB: only the growth targets run there) */
      g_autofree char *changed = g_strdup_printf ("changed-%" G_GINT64_FORMAT ".xml", size->members);
      g_autofree char *changed_output = NULL;

      size->changed = g_build_filename (opt_workdir, changed, NULL);
      changed_output = g_strdup_printf ("--output=%s", size->changed);
      argv[5] = changed_output;
      argv[6] = (char *) "--change-memberships=1";
      argv[7] = size->roles ? (char *) "--roles" : NULL;
      argv[8] = NULL;
      g_clear_pointer (&error_text, g_free);
      if (run (argv, NULL, (guint) opt_timeout, &seconds, &rss, NULL, &error_text) != 0)
        figures[s][OP_DIFF].unavailable = g_strdup_printf ("the generator failed on the changed copy: %s",
                                                           error_text ? error_text : "");
    }
  for (guint op = 0; op < N_OPS; op++)
    {
      figures[s][op].seconds = g_array_new (FALSE, FALSE, sizeof (double));
      figures[s][op].rss_kb = g_array_new (FALSE, FALSE, sizeof (glong));
    }
  return TRUE;
}

/* The landscape the report is timed on (issue 19), generated whatever
 * sizes are asked for; its figure is figures[0][OP_REPORT]. */
static Size report_size = { "report", BENCH_REPORT_ORGANISATIONS, 0, 0, FALSE, 5, TRUE, NULL, NULL, NULL, NULL, 0, 0 };

static gboolean
prepare_report (void)
{
  g_autofree char *organisations = g_strdup_printf ("--organisations=%d", BENCH_REPORT_ORGANISATIONS);
  g_autofree char *output = NULL;
  g_autofree char *error_text = NULL;
  Figure *figure = &figures[0][OP_REPORT];
  char *argv[5];
  double seconds;
  glong rss;
  gint64 start;
  GStatBuf st;

  report_size.path = g_build_filename (opt_workdir, "report-landscape.xml", NULL);
  report_size.saved = g_build_filename (opt_workdir, "report.html", NULL);
  output = g_strdup_printf ("--output=%s", report_size.path);
  /* the generator's defaults for the rest: members and memberships do
   * not show in the report but as counts */
  argv[0] = opt_generate;
  argv[1] = (char *) "--seed=8";
  argv[2] = organisations;
  argv[3] = output;
  argv[4] = NULL;
  if (figure->seconds == NULL)
    {
      figure->seconds = g_array_new (FALSE, FALSE, sizeof (double));
      figure->rss_kb = g_array_new (FALSE, FALSE, sizeof (glong));
    }
  start = g_get_monotonic_time ();
  if (run (argv, NULL, (guint) opt_timeout, &seconds, &rss, NULL, &error_text) != 0
      || g_stat (report_size.path, &st) != 0)
    {
      figure->unavailable = g_strdup_printf ("the generator failed: %s", error_text ? error_text : "");
      return FALSE;
    }
  report_size.bytes = (guint64) st.st_size;
  report_size.generate_seconds = (g_get_monotonic_time () - start) / 1e6;
  return TRUE;
}

/* Reads a file through once. klynge saves large files with direct I/O,
 * which leaves them out of the page cache; the floor on the saved file
 * must read it from memory, as the floor on the generated file does. */
static void
read_through (const char *path)
{
  FILE *file = fopen (path, "rb");
  char *buffer = g_malloc (1 << 20);

  while (file != NULL && fread (buffer, 1, 1 << 20, file) > 0)
    ;
  if (file != NULL)
    fclose (file);
  g_free (buffer);
}

/* Compares two files a block at a time (they may not fit in memory). */
static gboolean
files_equal (const char *a,
             const char *b)
{
  FILE *fa = fopen (a, "rb"), *fb = fopen (b, "rb");
  gboolean equal = fa != NULL && fb != NULL;
  char *ba = g_malloc (1 << 20), *bb = g_malloc (1 << 20);

  while (equal)
    {
      size_t na = fread (ba, 1, 1 << 20, fa), nb = fread (bb, 1, 1 << 20, fb);

      equal = na == nb && memcmp (ba, bb, na) == 0;
      if (na == 0)
        break;
    }
  if (fa != NULL)
    fclose (fa);
  if (fb != NULL)
    fclose (fb);
  g_free (ba);
  g_free (bb);
  return equal;
}

typedef struct {
  guint passed, failed;
} Tally;

static void
target (Tally      *tally,
        const char *what,
        gboolean    measured,
        double      value,
        const char *unit,
        double      limit,
        const char *why_not)
{
  if (!measured)
    {
      printf ("  %-58s %-20s FAIL\n", what, why_not ? why_not : "not measured");
      tally->failed++;
      return;
    }
  printf ("  %-58s %8.2f%-3s (≤ %.2f%s) %s\n", what, value, unit, limit, unit,
          value <= limit ? "PASS" : "FAIL");
  if (value <= limit)
    tally->passed++;
  else
    tally->failed++;
}

/* The figures of the report and its targets: the median time of the
 * write, and the size of the page (the same every run). */
static void
report_targets (Tally *tally)
{
  Figure *figure = &figures[0][OP_REPORT];
  double seconds;
  gboolean ok = median (figure, &seconds);
  guint64 bytes = figure->detail != NULL ? g_ascii_strtoull (figure->detail, NULL, 10) : 0;
  g_autofree char *what = g_strdup_printf ("report of %d organisations ≤ %.0f s", BENCH_REPORT_ORGANISATIONS,
                                           BENCH_REPORT_SECONDS);

  target (tally, what, ok, seconds, " s", BENCH_REPORT_SECONDS, figure->unavailable);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("report of %d organisations ≤ %.0f MB", BENCH_REPORT_ORGANISATIONS,
                          BENCH_REPORT_BYTES / 1e6);
  target (tally, what, ok && bytes > 0, bytes / 1e6, " MB", BENCH_REPORT_BYTES / 1e6, figure->unavailable);
}

int
main (int    argc,
      char **argv)
{
  GOptionEntry entries[] = {
    { "generate", 0, 0, G_OPTION_ARG_FILENAME, &opt_generate, "The generator", "PROGRAM" },
    { "floor", 0, 0, G_OPTION_ARG_FILENAME, &opt_floor, "The SAX2 floor program", "PROGRAM" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_workdir, "Where generated files go", "DIR" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &opt_python, "Python for to_dataframe()", "PROGRAM" },
    { "pythonpath", 0, 0, G_OPTION_ARG_STRING, &opt_pythonpath, "PYTHONPATH for it", "PATH" },
    { "typelibdir", 0, 0, G_OPTION_ARG_STRING, &opt_typelibdir, "GI_TYPELIB_PATH for it", "PATH" },
    { "libdir", 0, 0, G_OPTION_ARG_STRING, &opt_libdir, "LD_LIBRARY_PATH for it", "PATH" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &opt_sizes, "Sizes to run: any of 27,273,2700 (all)", "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Rounds per size, at least 5 (5)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &opt_timeout, "Seconds before a run is given up (300)", "S" },
    { "budget", 0, 0, G_OPTION_ARG_INT, &opt_budget, "Skip 2.7 GB if it would take longer, in seconds (330)", "S" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the generated files", NULL },
    { "only-report", 0, 0, G_OPTION_ARG_NONE, &opt_only_report, "Run only the report's row (issue 19)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *machine = NULL;
  Tally tally = { 0, 0 };
  double load_ratio_limit = 2.0, save_ratio_limit = 1.5, rss_limit = 0.6;

  if (argc >= 4 && strcmp (argv[1], "--child") == 0)
    return run_child (argv[2], argv[3], argc > 4 ? argv[4] : NULL);

  context = g_option_context_new ("- time klynge against a bare libxml2 SAX2 pass");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Run by `make bench`. Every target of issue 8 is printed with its\n"
    "figure and PASS or FAIL; the exit status is 0 when all pass.\n"
    "Example: klynge-bench --generate=bench/klynge-generate --floor=bench/sax-floor \\\n"
    "           --workdir=bench-data --sizes=27,273 --runs=5\n");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("klynge-bench: %s\n", error->message);
      return 2;
    }
  if (opt_generate == NULL || opt_floor == NULL || opt_workdir == NULL)
    {
      g_printerr ("klynge-bench: --generate, --floor and --workdir are needed\n");
      return 2;
    }
  if (opt_runs < 5)
    opt_runs = 5;
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);
  if (opt_only_report)
    for (guint s = 0; s < N_SIZES; s++)
      {
        sizes[s].enabled = FALSE;
        sizes[s].skip_reason = g_strdup ("not asked for (--only-report)");
      }
  else if (opt_sizes != NULL)
    {
      g_auto(GStrv) wanted = g_strsplit (opt_sizes, ",", -1);
      static const char * const keys[N_SIZES] = { "27", "273", "2700" };

      for (guint s = 0; s < N_SIZES; s++)
        {
          sizes[s].enabled = g_strv_contains ((const char * const *) wanted, keys[s]);
          if (!sizes[s].enabled)
            sizes[s].skip_reason = g_strdup ("not asked for (--sizes)");
        }
    }
  g_mkdir_with_parents (opt_workdir, 0755);

  machine = machine_description ();
  printf ("klynge benchmarks (issue 8)\n");
  printf ("machine: %s\n", machine);
  {
    double load[3];
    if (getloadavg (load, 3) == 3)
      printf ("load average: %.2f %.2f %.2f (the machine is shared: every ratio compares "
              "runs interleaved in the same rounds)\n", load[0], load[1], load[2]);
  }
  printf ("each figure: median of %d runs, each in its own process; RSS is that process's peak\n\n",
          opt_runs);

  /* the baseline: what any process that uses klynge starts with */
  {
    char *argv_baseline[] = { self_exe, (char *) "--child", (char *) "baseline", (char *) "-", NULL };
    double seconds;

    if (run (argv_baseline, NULL, (guint) opt_timeout, &seconds, &baseline_rss_kb, NULL, NULL) != 0)
      baseline_rss_kb = 0;
    printf ("a process that has created an empty landscape: %.1f MB peak RSS\n\n", baseline_rss_kb / 1024.0);
  }

  /* generate; 2.7 GB only where disk, memory and time allow, judged by a
   * pilot round at 273 MB */
  for (guint s = 0; s < N_SIZES; s++)
    {
      Size *size = &sizes[s];
      double estimate;

      if (!size->enabled)
        continue;
      if (s == 2)
        {
          guint64 need_disk = (guint64) 3 * 2800000000u, need_mem = (guint64) 4 * 1700000000u;
          double floor273, load273, save273;

          if (sizes[1].enabled)
            {
              measure (&sizes[1], 1, OP_FLOOR);
              measure (&sizes[1], 1, OP_LOAD);
            }
          if (disk_available_bytes (opt_workdir) < need_disk)
            size->skip_reason = g_strdup_printf ("skipped: %.1f GB of disk free, %.1f GB needed",
                                                 disk_available_bytes (opt_workdir) / 1e9, need_disk / 1e9);
          else if (mem_available_bytes () < need_mem)
            size->skip_reason = g_strdup_printf ("skipped: %.1f GB of memory available, %.1f GB needed",
                                                 mem_available_bytes () / 1e9, need_mem / 1e9);
          else if (!sizes[1].enabled)
            size->skip_reason = g_strdup ("skipped: the 273 MB size, which it is compared with, is not run");
          else if (median (&figures[1][OP_FLOOR], &floor273) && median (&figures[1][OP_LOAD], &load273)
                   && median (&figures[1][OP_SAVE], &save273)
                   && (estimate = 10.5 * opt_runs * (2 * floor273 + load273 + save273)
                       + 10 * sizes[1].generate_seconds) > opt_budget)
            size->skip_reason = g_strdup_printf ("skipped: it would take about %.0f s (more than --budget=%d)",
                                                 estimate, opt_budget);
          /* the pilot round was a warm-up */
          for (guint op = 0; op < N_OPS; op++)
            {
              g_array_set_size (figures[1][op].seconds, 0);
              g_array_set_size (figures[1][op].rss_kb, 0);
            }
          if (size->skip_reason != NULL)
            {
              size->enabled = FALSE;
              continue;
            }
        }
      if (!prepare_size (size, s))
        {
          size->enabled = FALSE;
          continue;
        }
    }

  prepare_report ();

  /* every round runs every size: the floor, the load and save, the floor
   * on the saved file, back to back, then the queries; and the report */
  for (int r = 0; r < opt_runs; r++)
    {
      for (guint s = 0; s < N_SIZES; s++)
        {
          Size *size = &sizes[s];

          if (!size->enabled)
            continue;
          measure (size, s, OP_FLOOR);
          measure (size, s, OP_LOAD);   /* and the save */
          read_through (size->saved);
          measure (size, s, OP_FLOOR_SAVED);
          if (s == 2)
            continue;   /* at 2.7 GB only what the growth targets need */
          measure (size, s, OP_LINEAGE);
          measure (size, s, OP_FUNDING);
          measure (size, s, OP_OVERLAP);
          measure (size, s, OP_DIFF);   /* and the comparison alone */
          if (s == 0)
            {
              measure (size, s, OP_DEFAULT);
              measure (size, s, OP_VALIDATE_CHAIN);
              measure (size, s, OP_VALIDATE_HISTORY);
              measure (size, s, OP_DOT_CHAIN);
            }
          measure (size, s, OP_DATAFRAME);
        }
      measure (&report_size, 0, OP_REPORT);
    }

  for (guint s = 0; s < N_SIZES; s++)
    {
      Size *size = &sizes[s];
      double floor_s = 0, floor_saved = 0;
      gboolean have_floor;

      if (!size->enabled)
        {
          printf ("== %s: %s\n\n", size->label, size->skip_reason ? size->skip_reason : "skipped");
          continue;
        }
      printf ("== %s: %s, %" G_GUINT64_FORMAT " bytes; %" G_GINT64_FORMAT " organisations, %"
              G_GINT64_FORMAT " members, %" G_GINT64_FORMAT " memberships%s (generated in %.2f s)\n",
              size->label, size->path, size->bytes, size->organisations, size->members,
              size->memberships, size->roles ? ", each with a role" : "", size->generate_seconds);
      have_floor = median (&figures[s][OP_FLOOR], &floor_s);
      median (&figures[s][OP_FLOOR_SAVED], &floor_saved);
      printf ("  %-22s %10s %9s %12s %10s  %s\n", "operation", "median s", "× floor",
              "peak RSS MB", "RSS/file", "notes");
      for (guint op = 0; op < N_OPS; op++)
        {
          Figure *figure = &figures[s][op];
          double value;
          double base = op == OP_SAVE ? floor_saved : floor_s;

          if (op == OP_REPORT)
            continue;   /* of a landscape of its own, below */
          if (figure->unavailable != NULL)
            {
              printf ("  %-22s %s\n", op_names[op], figure->unavailable);
              continue;
            }
          if (!median (figure, &value))
            continue;
          printf ("  %-22s %10.3f %9.2f ", op_names[op], value,
                  have_floor && base > 0 ? value / base : 0.0);
          if (peak_rss_kb (figure) > 0)
            printf ("%12.1f %10.2f", peak_rss_kb (figure) / 1024.0,
                    peak_rss_kb (figure) * 1024.0 / (double) size->bytes);
          else
            printf ("%12s %10s", "-", "-");
          printf ("  %s%s\n",
                  op == OP_SAVE ? "in the load's process, after it; × the floor on the saved file"
                  : op == OP_DIFF_COMPARE ? "in the diff's process, after both loads"
                  : op == OP_FLOOR || op == OP_FLOOR_SAVED ? "elements: " : "",
                  figure->detail ? figure->detail : "");
        }
      printf ("  saved file is byte-identical to the generated one: %s\n\n",
              files_equal (size->path, size->saved) ? "yes" : "NO");
      fflush (stdout);
    }

  {
    Figure *figure = &figures[0][OP_REPORT];
    double value;

    printf ("== report (issue 19): %s, %" G_GUINT64_FORMAT " bytes; %d organisations (generated in %.2f s)\n",
            report_size.path, report_size.bytes, BENCH_REPORT_ORGANISATIONS, report_size.generate_seconds);
    if (figure->unavailable != NULL)
      printf ("  %-22s %s\n\n", op_names[OP_REPORT], figure->unavailable);
    else if (median (figure, &value))
      printf ("  %-22s %10.3f s, peak RSS %.1f MB (with the load), %s\n\n", op_names[OP_REPORT], value,
              peak_rss_kb (figure) / 1024.0, figure->detail ? figure->detail : "");
  }

  printf ("targets (issue 8)\n");
  for (guint s = 0; s < N_SIZES; s++)
    {
      double floor_s, floor_saved, load_s, save_s;
      g_autofree char *what = NULL;
      gboolean ok;

      if (!sizes[s].enabled)
        continue;
      ok = median (&figures[s][OP_FLOOR], &floor_s) && median (&figures[s][OP_LOAD], &load_s);
      what = g_strdup_printf ("load ≤ 2.0 × floor, %s", sizes[s].label);
      target (&tally, what, ok, ok ? load_s / floor_s : 0, " ×", load_ratio_limit,
              figures[s][OP_LOAD].unavailable);
      g_clear_pointer (&what, g_free);
      ok = median (&figures[s][OP_FLOOR_SAVED], &floor_saved) && median (&figures[s][OP_SAVE], &save_s);
      what = g_strdup_printf ("save ≤ 1.5 × floor on the saved file, %s", sizes[s].label);
      target (&tally, what, ok, ok ? save_s / floor_saved : 0, " ×", save_ratio_limit,
              figures[s][OP_SAVE].unavailable);
      g_clear_pointer (&what, g_free);
      ok = figures[s][OP_LOAD].rss_kb != NULL && figures[s][OP_LOAD].rss_kb->len > 0;
      if (s == 0)
        {
          /* not a target at this size: the process's own start is a
           * quarter of the file */
          if (ok)
            printf ("  %-58s %8.2f ×    (%.2f × net of the %.1f MB any klynge process has) INFO\n",
                    "peak RSS while loading / file size, 27 MB",
                    peak_rss_kb (&figures[s][OP_LOAD]) * 1024.0 / (double) sizes[s].bytes,
                    (peak_rss_kb (&figures[s][OP_LOAD]) - baseline_rss_kb) * 1024.0 / (double) sizes[s].bytes,
                    baseline_rss_kb / 1024.0);
          continue;
        }
      what = g_strdup_printf ("peak RSS while loading ≤ 0.6 × file size, %s", sizes[s].label);
      target (&tally, what, ok, ok ? peak_rss_kb (&figures[s][OP_LOAD]) * 1024.0 / (double) sizes[s].bytes : 0,
              " ×", rss_limit, figures[s][OP_LOAD].unavailable);
    }
  /* growth: the time for 10 × the data, scaled to exactly 10 × the bytes */
  for (guint s = 1; s < N_SIZES; s++)
    {
      static const Op grown[] = { OP_LOAD, OP_SAVE };

      if (!sizes[s].enabled || !sizes[s - 1].enabled)
        {
          if (s == 2 && sizes[1].enabled)
            printf ("  %-58s %s\n", "growth 273 MB → 2.7 GB", sizes[2].skip_reason
                    ? sizes[2].skip_reason : "skipped");
          continue;
        }
      for (guint g = 0; g < G_N_ELEMENTS (grown); g++)
        {
          double small, large;
          gboolean ok = median (&figures[s - 1][grown[g]], &small) && median (&figures[s][grown[g]], &large);
          double data = (double) sizes[s].bytes / (double) sizes[s - 1].bytes;
          g_autofree char *what = g_strdup_printf ("%s: 10 × the data (%s → %s) within 12 × the time",
                                                   op_names[grown[g]], sizes[s - 1].label, sizes[s].label);

          target (&tally, what, ok, ok ? large / small * 10.0 / data : 0, " ×", 12.0, NULL);
        }
    }
  if (sizes[1].enabled)
    {
      double value;
      gboolean ok = median (&figures[1][OP_OVERLAP], &value);

      target (&tally, "all-pairs member overlap, 10,000 organisations ≤ 2 s", ok, value, " s", 2.0,
              figures[1][OP_OVERLAP].unavailable);
      ok = median (&figures[1][OP_DATAFRAME], &value);
      target (&tally, "klynge.to_dataframe() of 3,000,000 memberships ≤ 3 s", ok, value, " s", 3.0,
              figures[1][OP_DATAFRAME].unavailable);
    }
  else
    printf ("  the overlap and to_dataframe() targets need the 273 MB size\n");
  for (guint s = 0; s < 2; s++)
    {
      double diff_s, compare_s, load_s;
      gboolean ok;
      g_autofree char *what = NULL;

      if (!sizes[s].enabled)
        continue;
      /* issue 18: the whole diff (both loads, comparison, text) against
       * one load of the file, medians of the same rounds */
      ok = median (&figures[s][OP_DIFF], &diff_s) && median (&figures[s][OP_LOAD], &load_s) && load_s > 0;
      what = g_strdup_printf ("diff, 1 %% of memberships changed ≤ 3 × load, %s", sizes[s].label);
      if (s == 1)
        target (&tally, what, ok, ok ? diff_s / load_s : 0, " ×", 3.0, figures[s][OP_DIFF].unavailable);
      else if (ok)
        printf ("  %-58s %8.2f ×    INFO\n", what, diff_s / load_s);
      g_clear_pointer (&what, g_free);
      what = g_strdup_printf ("  of which the comparison alone / load, %s", sizes[s].label);
      if (ok && median (&figures[s][OP_DIFF_COMPARE], &compare_s))
        printf ("  %-58s %8.2f ×    INFO\n", what, compare_s / load_s);
    }
  report_targets (&tally);
  printf ("%u of %u targets pass\n", tally.passed, tally.passed + tally.failed);

  if (!opt_keep)
    {
      if (report_size.path != NULL)
        g_unlink (report_size.path);
      if (report_size.saved != NULL)
        g_unlink (report_size.saved);
    }
  if (!opt_keep)
    for (guint s = 0; s < N_SIZES; s++)
      {
        if (sizes[s].path != NULL)
          g_unlink (sizes[s].path);
        if (sizes[s].saved != NULL)
          g_unlink (sizes[s].saved);
        if (sizes[s].changed != NULL)
          g_unlink (sizes[s].changed);
      }
  return tally.failed == 0 ? 0 : 1;
}
