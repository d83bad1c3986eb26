/* test-crash-safety.c: a save killed at any moment leaves a whole file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A child process saves a large synthetic landscape (20,000 members,
 * 100,000 memberships) to one path over and over, alternating between two
 * versions of it; the parent kills it with SIGKILL at a random moment, a
 * hundred times. After every kill the file must be byte for byte one of
 * the two complete documents (or, when the first save was killed, not
 * there at all), and must load. The random seed is printed, and
 * KLYNGE_TEST_SEED repeats a run.
 *
 * The same large save also fails, through the file output's hooks, at every
 * one of its write(2) calls in turn, and at fsync(2) and rename(2): each
 * time the error is KLYNGE_ERROR_IO naming the file, the old document is
 * untouched and no temporary file is left behind.
 *
 * What a killed save left (its temporary file) is removed by the next
 * save of the same target, unless a save still running holds it.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-test.h"
#include "klynge-test-faults.h"
#include "klynge-xml-private.h"

#define N_ORGANISATIONS 50
#define N_MEMBERS 20000
#define MEMBERSHIPS_PER_MEMBER 5
#define N_KILLS 100

/* Two versions of one landscape that differ in every member's name, so a
 * file mixing the two could never pass for either. */
static KlyngeLandscape *
build_landscape (guint version)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GError) error = NULL;
  KlyngeDate since;

  ck_assert (klynge_date_parse ("2019-10-01", &since, NULL));
  for (guint o = 0; o < N_ORGANISATIONS; o++)
    {
      g_autofree char *id = g_strdup_printf ("klynge-%u", o);
      g_autofree char *name = g_strdup_printf ("Syntetisk klynge %u", o);
      g_autoptr(KlyngeOrganisation) organisation =
        klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER, name);

      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
    }
  for (guint m = 0; m < N_MEMBERS; m++)
    {
      g_autofree char *id = g_strdup_printf ("m-%u", m);
      g_autofree char *name = g_strdup_printf ("Syntetisk virksomhed %u, udgave %u", m, version);
      g_autoptr(KlyngeMember) member = klynge_member_new (id, KLYNGE_MEMBER_KIND_COMPANY, name);

      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
      for (guint k = 0; k < MEMBERSHIPS_PER_MEMBER; k++)
        {
          g_autofree char *organisation = g_strdup_printf ("klynge-%u", (m + 7 * k) % N_ORGANISATIONS);

          ck_assert_msg (klynge_landscape_add_membership (landscape, organisation, id, &since, NULL, &error),
                         "%s", error ? error->message : "");
        }
    }
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), N_MEMBERS * MEMBERSHIPS_PER_MEMBER);
  return g_steal_pointer (&landscape);
}

/* Removes what killed saves leave behind (their temporary files) and
 * returns how many there were. */
static guint
remove_leftovers (const char *dir,
                  const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (strcmp (name, keep) == 0)
        continue;
      ck_assert_msg (g_str_has_prefix (name, ".landscape.xml."), "unexpected file %s", name);
      path = g_build_filename (dir, name, NULL);
      g_unlink (path);
      removed++;
    }
  return removed;
}

START_TEST (test_a_save_killed_at_a_random_moment_leaves_the_old_or_the_new_document)
{
  g_autoptr(KlyngeLandscape) old_landscape = build_landscape (1);
  g_autoptr(KlyngeLandscape) new_landscape = build_landscape (2);
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GBytes) new_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.xml", NULL);
  g_autoptr(GRand) rand = NULL;
  const char *seed_text = g_getenv ("KLYNGE_TEST_SEED");
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  gint64 started, save_usec;
  guint seen_old = 0, seen_new = 0, seen_none = 0, mid_save = 0;

  old_bytes = klynge_landscape_save_bytes (old_landscape, &error);
  ck_assert_no_error (error);
  new_bytes = klynge_landscape_save_bytes (new_landscape, &error);
  ck_assert_no_error (error);
  ck_assert (!g_bytes_equal (old_bytes, new_bytes));

  /* how long a save takes, so the kills spread over whole saves */
  started = g_get_monotonic_time ();
  ck_assert (klynge_landscape_save_file (old_landscape, path, &error));
  save_usec = MAX (g_get_monotonic_time () - started, 1000);
  rand = g_rand_new_with_seed (seed);
  printf ("crash-safety: seed %u (KLYNGE_TEST_SEED), %zu-byte documents, a save takes %" G_GINT64_FORMAT " µs\n",
          seed, g_bytes_get_size (old_bytes), save_usec);

  for (guint kill_number = 0; kill_number < N_KILLS; kill_number++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(KlyngeLandscape) loaded = NULL;
      gsize length;
      pid_t child;
      int status;
      gboolean existed;

      /* every tenth round starts with no file, killing the very first save */
      if (kill_number % 10 == 9)
        g_unlink (path);
      existed = g_file_test (path, G_FILE_TEST_EXISTS);

      fflush (NULL);
      child = fork ();
      ck_assert_int_ge (child, 0);
      if (child == 0)
        {
          for (guint round = 0;; round++)
            if (!klynge_landscape_save_file (round % 2 == 0 ? new_landscape : old_landscape, path, NULL))
              _exit (3);
        }

      g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) MIN (3 * save_usec, G_MAXINT32)));
      ck_assert_int_eq (kill (child, SIGKILL), 0);
      ck_assert_int_eq (waitpid (child, &status, 0), child);
      ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                     "the saving child ended by itself (status %d): a save failed", status);

      mid_save += remove_leftovers (dir, "landscape.xml") > 0;
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          ck_assert_msg (!existed && g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT),
                         "kill %u: %s", kill_number, error->message);
          g_clear_error (&error);
          seen_none++;
          continue;
        }
      if (length == g_bytes_get_size (old_bytes) && memcmp (contents, g_bytes_get_data (old_bytes, NULL), length) == 0)
        seen_old++;
      else if (length == g_bytes_get_size (new_bytes) && memcmp (contents, g_bytes_get_data (new_bytes, NULL), length) == 0)
        seen_new++;
      else
        ck_abort_msg ("kill %u (seed %u): the file (%zu bytes) is neither document", kill_number, seed, length);

      loaded = klynge_landscape_load_file (path, &error);
      ck_assert_no_error (error);
      ck_assert_uint_eq (klynge_landscape_count_memberships (loaded), N_MEMBERS * MEMBERSHIPS_PER_MEMBER);
    }
  printf ("crash-safety: %u kills: old document %u times, new %u, no file yet %u; "
          "%u kills left a temporary file (killed mid-save)\n",
          N_KILLS, seen_old, seen_new, seen_none, mid_save);
  ck_assert_uint_eq (seen_old + seen_new + seen_none, N_KILLS);

  g_unlink (path);
  ck_assert_uint_eq (remove_leftovers (dir, "landscape.xml"), 0);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* Saves @landscape over @path with @hooks and asserts the failure is
 * coded, names the file, and leaves @old_bytes in place and nothing else. */
static void
assert_failed_save_leaves_the_old_file (KlyngeLandscape             *landscape,
                                        const char                  *dir,
                                        const char                  *path,
                                        GBytes                      *old_bytes,
                                        const KlyngeFileOutputHooks *hooks,
                                        const char                  *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean ok;

  _klynge_file_output_set_hooks (hooks);
  ok = klynge_landscape_save_file (landscape, path, &error);
  _klynge_file_output_set_hooks (NULL);
  ck_assert_msg (!ok, "%s: the save succeeded", what);
  ck_assert_msg (error != NULL && strstr (error->message, path) != NULL, "%s: %s", what,
                 error ? error->message : "no error");
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  ck_assert_msg (length == g_bytes_get_size (old_bytes)
                 && memcmp (contents, g_bytes_get_data (old_bytes, NULL), length) == 0,
                 "%s: the old document changed", what);
  ck_assert_msg (remove_leftovers (dir, "landscape.xml") == 0, "%s: a temporary file was left", what);
}

START_TEST (test_a_save_failing_at_any_write_fsync_or_rename_keeps_the_old_document)
{
  g_autoptr(KlyngeLandscape) old_landscape = build_landscape (1);
  g_autoptr(KlyngeLandscape) new_landscape = build_landscape (2);
  g_autoptr(GBytes) old_bytes = klynge_landscape_save_bytes (old_landscape, NULL);
  g_autofree char *dir = g_dir_make_tmp ("klynge-faults-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.xml", NULL);
  KlyngeFileOutputHooks counting = { klynge_test_write_failing_at_call, NULL, NULL };
  KlyngeFileOutputHooks fsync_hooks = { NULL, klynge_test_fsync_failing, NULL };
  KlyngeFileOutputHooks rename_hooks = { NULL, NULL, klynge_test_rename_failing };
  static const int errnos[] = { ENOSPC, EIO, EDQUOT, EFBIG };
  guint n_writes;

  ck_assert (klynge_landscape_save_file (old_landscape, path, NULL));

  /* how many write(2) calls a whole save makes */
  klynge_test_writes_before_failure = G_MAXUINT;
  klynge_test_writes_made = 0;
  _klynge_file_output_set_hooks (&counting);
  ck_assert (klynge_landscape_save_file (old_landscape, path, NULL));
  _klynge_file_output_set_hooks (NULL);
  n_writes = klynge_test_writes_made;
  ck_assert_uint_gt (n_writes, 10);

  for (guint k = 0; k < n_writes; k++)
    {
      g_autofree char *what = g_strdup_printf ("write %u of %u failing", k + 1, n_writes);

      klynge_test_writes_before_failure = k;
      klynge_test_writes_made = 0;
      klynge_test_injected_errno = errnos[k % G_N_ELEMENTS (errnos)];
      assert_failed_save_leaves_the_old_file (new_landscape, dir, path, old_bytes, &counting, what);
    }
  assert_failed_save_leaves_the_old_file (new_landscape, dir, path, old_bytes, &fsync_hooks, "fsync failing");
  assert_failed_save_leaves_the_old_file (new_landscape, dir, path, old_bytes, &rename_hooks, "rename failing");

  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* --- what killed saves leave ------------------------------------------------- */

static int hang_signal_fd = -1;

/* The child's write(2): tells the parent it has begun writing (so its
 * temporary file exists and is locked) and never returns. */
static gssize
write_hanging (int         fd,
               const void *buf,
               gsize       count)
{
  (void) !write (hang_signal_fd, "w", 1);
  for (;;)
    pause ();
  return -1;
}

/* Starts a child process that saves @landscape to @path and hangs in its
 * first write; returns once it is there. */
static pid_t
start_hanging_save (KlyngeLandscape *landscape,
                    const char      *path)
{
  int pipe_fds[2];
  char c;
  pid_t pid;

  ck_assert_int_eq (pipe (pipe_fds), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      KlyngeFileOutputHooks hooks = { write_hanging, NULL, NULL };

      close (pipe_fds[0]);
      hang_signal_fd = pipe_fds[1];
      _klynge_file_output_set_hooks (&hooks);
      (void) klynge_landscape_save_file (landscape, path, NULL);
      _exit (1);
    }
  close (pipe_fds[1]);
  ck_assert_int_eq (read (pipe_fds[0], &c, 1), 1);
  close (pipe_fds[0]);
  return pid;
}

static void
kill_and_reap (pid_t pid)
{
  int status;

  ck_assert_int_eq (kill (pid, SIGKILL), 0);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
}

/* The names in @dir other than @keep that begin with @prefix. */
static guint
count_named (const char *dir,
             const char *prefix,
             const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, keep) != 0 && g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Saves @landscape to @path, the file landscape.xml of @dir, asserts
 * that nothing else is left in @dir, and removes both. */
static void
assert_a_save_leaves_only_the_file (KlyngeLandscape *landscape,
                                    const char      *dir,
                                    const char      *path)
{
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_save_file (landscape, path, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_named (dir, "", "landscape.xml"), 0);
  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}

static KlyngeLandscape *
build_small_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("klynge", KLYNGE_ORGANISATION_KIND_CLUSTER, "Klynge");

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), NULL));
  return landscape;
}

START_TEST (test_a_save_removes_the_temporary_file_a_killed_save_left)
{
  g_autoptr(KlyngeLandscape) landscape = build_small_landscape ();
  g_autofree char *dir = g_dir_make_tmp ("klynge-leftovers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.xml", NULL);

  kill_and_reap (start_hanging_save (landscape, path));
  ck_assert_uint_eq (count_named (dir, ".landscape.xml.", ""), 1);
  assert_a_save_leaves_only_the_file (landscape, dir, path);
}
END_TEST

START_TEST (test_a_save_leaves_alone_the_temporary_file_of_a_save_still_running)
{
  g_autoptr(KlyngeLandscape) landscape = build_small_landscape ();
  g_autoptr(GBytes) expected = klynge_landscape_save_bytes (landscape, NULL);
  g_autofree char *dir = g_dir_make_tmp ("klynge-leftovers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.xml", NULL);
  g_autoptr(GError) error = NULL;
  pid_t writer = start_hanging_save (landscape, path);

  ck_assert (klynge_landscape_save_file (landscape, path, &error));
  ck_assert_no_error (error);
  /* the other save's file is still there, and ours is whole */
  ck_assert_uint_eq (count_named (dir, ".landscape.xml.", ""), 1);
  klynge_test_assert_file_holds (path, expected);

  /* once that save is gone, the next one removes its file */
  kill_and_reap (writer);
  assert_a_save_leaves_only_the_file (landscape, dir, path);
}
END_TEST

/* Only names that a save of this target makes are taken, and only
 * regular files: `.landscape.xml.` and six letters or digits. */
START_TEST (test_a_save_removes_only_the_leftovers_of_its_own_target)
{
  g_autoptr(KlyngeLandscape) landscape = build_small_landscape ();
  g_autofree char *dir = g_dir_make_tmp ("klynge-leftovers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.xml", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("klynge-elsewhere-XXXXXX", NULL);
  g_autofree char *linked = g_build_filename (elsewhere, "linked", NULL);
  static const char * const kept_files[] = {
    ".landscape.xml.Ab3xY",     /* five characters */
    ".landscape.xml.Ab3xYz9",   /* seven */
    ".landscape.xml.Ab-xYz",    /* not mkstemp's alphabet */
    ".landscape.xml~.Ab3xYz",
    ".other.xml.Ab3xYz",        /* another target's */
    "landscape.xml.Ab3xYz",     /* not hidden */
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = g_build_filename (dir, ".landscape.xml.Ab3xYz", NULL);
  g_autofree char *link = g_build_filename (dir, ".landscape.xml.LINK01", NULL);
  g_autofree char *fifo = g_build_filename (dir, ".landscape.xml.FIFO01", NULL);
  g_autofree char *subdir = g_build_filename (dir, ".landscape.xml.DIR001", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kept_files); i++)
    {
      g_autofree char *kept = g_build_filename (dir, kept_files[i], NULL);

      ck_assert (g_file_set_contents (kept, "keep", -1, NULL));
    }
  ck_assert (g_file_set_contents (stale, "half a document", -1, NULL));
  ck_assert (g_file_set_contents (linked, "keep", -1, NULL));
  ck_assert_int_eq (symlink (linked, link), 0);
  ck_assert_int_eq (mkfifo (fifo, 0644), 0);
  ck_assert_int_eq (g_mkdir (subdir, 0755), 0);

  ck_assert (klynge_landscape_save_file (landscape, path, &error));
  ck_assert_no_error (error);

  ck_assert (!g_file_test (stale, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (kept_files); i++)
    {
      g_autofree char *kept = g_build_filename (dir, kept_files[i], NULL);

      ck_assert_msg (g_file_test (kept, G_FILE_TEST_IS_REGULAR), "%s was removed", kept_files[i]);
      g_unlink (kept);
    }
  ck_assert (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  ck_assert (g_file_test (linked, G_FILE_TEST_IS_REGULAR));
  ck_assert (g_file_test (fifo, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (subdir, G_FILE_TEST_IS_DIR));

  g_unlink (link);
  g_unlink (fifo);
  g_rmdir (subdir);
  g_unlink (path);
  g_unlink (linked);
  ck_assert_int_eq (g_rmdir (dir), 0);
  ck_assert_int_eq (g_rmdir (elsewhere), 0);
}
END_TEST

static Suite *
crash_safety_suite (void)
{
  Suite *suite = suite_create ("crash-safety");
  TCase *kills = tcase_create ("sigkill");
  TCase *faults = tcase_create ("injected-failures");
  TCase *leftovers = tcase_create ("leftovers");

  tcase_set_timeout (kills, 120);
  tcase_add_test (kills, test_a_save_killed_at_a_random_moment_leaves_the_old_or_the_new_document);
  tcase_set_timeout (faults, 60);
  tcase_add_test (faults, test_a_save_failing_at_any_write_fsync_or_rename_keeps_the_old_document);
  tcase_add_test (leftovers, test_a_save_removes_the_temporary_file_a_killed_save_left);
  tcase_add_test (leftovers, test_a_save_leaves_alone_the_temporary_file_of_a_save_still_running);
  tcase_add_test (leftovers, test_a_save_removes_only_the_leftovers_of_its_own_target);
  suite_add_tcase (suite, kills);
  suite_add_tcase (suite, faults);
  suite_add_tcase (suite, leftovers);
  return suite;
}

int
main (void)
{
  return klynge_test_run (crash_safety_suite ());
}
