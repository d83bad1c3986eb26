/* check-corpus.c: the third-party hostile XML corpus is refused safely
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   check-corpus [CORPUS-DIR]
 *
 * Loads every file under CORPUS-DIR (default: $KLYNGE_XML_CORPUS) with
 * klynge_landscape_load_file() and klynge_landscape_validate_file(), and
 * asserts for each that
 *   - the load fails with a KLYNGE_ERROR (no landscape, no other domain)
 *     and the validation lists at least one problem;
 *   - it ends in bounded time (KLYNGE_CORPUS_TIME_LIMIT seconds a file,
 *     default 10; a hang is killed by an alarm at four times that);
 *   - no file is opened but the document itself, and no connection is
 *     made: open(), openat(), fopen() (and their 64-bit and fortified
 *     forms) and connect() are interposed in this program, so every call
 *     that libxml2, GLib or klynge makes is seen, whatever the path
 *     (/etc/passwd, a neighbouring file, http://...); and every directory
 *     of the corpus is watched with inotify (IN_OPEN), which also sees
 *     opens from inside the C library. (/etc is not watched with inotify:
 *     that sees every process on the machine, and compilers running
 *     beside the check open /etc/ld.so.cache all the time.)
 * Run it under valgrind (make check-corpus-valgrind) or ASan for leaks and
 * memory errors. A missing corpus is skipped with a message.
 */
#include "config.h"

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/socket.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_INOTIFY_H
#include <sys/inotify.h>
#endif

#include <klynge/klynge.h>

/* --- every open and connect of this process ------------------------------ */

/* While a document loads, the paths opened other than the document itself
 * (and connections attempted) are noted here. Only async-signal-safe,
 * allocation-free work happens in the wrappers. */
static const char *watched_document;
static char foreign_calls[4096];
static gsize foreign_length;

static void
note_call (const char *what,
           const char *path)
{
  gsize n;

  if (watched_document == NULL || (path != NULL && strcmp (path, watched_document) == 0))
    return;
  if (path == NULL)
    path = "?";
  n = strlen (what) + strlen (path) + 2;
  if (foreign_length + n + 1 >= sizeof foreign_calls)
    return;
  foreign_calls[foreign_length++] = ' ';
  memcpy (foreign_calls + foreign_length, what, strlen (what));
  foreign_length += strlen (what);
  memcpy (foreign_calls + foreign_length, path, strlen (path));
  foreign_length += strlen (path);
  foreign_calls[foreign_length] = '\0';
}

#define REAL(type, name, args) \
  static type (*real) args; \
  if (real == NULL) \
    real = (type (*) args) dlsym (RTLD_NEXT, name)

#define OPEN_WRAPPER(name) \
  int name (const char *path, int flags, ...); \
  int \
  name (const char *path, int flags, ...) \
  { \
    mode_t mode = 0; \
    REAL (int, #name, (const char *, int, ...)); \
    if ((flags & (O_CREAT | O_TMPFILE)) != 0) \
      { \
        va_list args; \
        va_start (args, flags); \
        mode = va_arg (args, mode_t); \
        va_end (args); \
      } \
    note_call ("open:", path); \
    return real (path, flags, mode); \
  }

#define OPENAT_WRAPPER(name) \
  int name (int dirfd, const char *path, int flags, ...); \
  int \
  name (int dirfd, const char *path, int flags, ...) \
  { \
    mode_t mode = 0; \
    REAL (int, #name, (int, const char *, int, ...)); \
    if ((flags & (O_CREAT | O_TMPFILE)) != 0) \
      { \
        va_list args; \
        va_start (args, flags); \
        mode = va_arg (args, mode_t); \
        va_end (args); \
      } \
    note_call ("open:", path); \
    return real (dirfd, path, flags, mode); \
  }

#define FORTIFIED_WRAPPER(name) \
  int name (const char *path, int flags); \
  int \
  name (const char *path, int flags) \
  { \
    REAL (int, #name, (const char *, int)); \
    note_call ("open:", path); \
    return real (path, flags); \
  }

#define FOPEN_WRAPPER(name) \
  FILE *name (const char *path, const char *mode); \
  FILE * \
  name (const char *path, const char *mode) \
  { \
    REAL (FILE *, #name, (const char *, const char *)); \
    note_call ("fopen:", path); \
    return real (path, mode); \
  }

OPEN_WRAPPER (open)
OPEN_WRAPPER (open64)
OPENAT_WRAPPER (openat)
OPENAT_WRAPPER (openat64)
FORTIFIED_WRAPPER (__open_2)
FORTIFIED_WRAPPER (__open64_2)
FOPEN_WRAPPER (fopen)
FOPEN_WRAPPER (fopen64)

int connect (int fd, const struct sockaddr *address, socklen_t length);
int
connect (int                    fd,
         const struct sockaddr *address,
         socklen_t              length)
{
  REAL (int, "connect", (int, const struct sockaddr *, socklen_t));
  note_call ("connect:", address && address->sa_family == AF_UNIX ? "unix" : "inet");
  return real (fd, address, length);
}


typedef struct {
  int fd;
  GHashTable *dirs;     /* watch descriptor → directory */
} Watcher;

static const char *current_file;

static void
on_alarm (int signum)
{
  static const char message[] = "check-corpus: FAIL: a load hangs: ";

  (void) !write (STDERR_FILENO, message, sizeof message - 1);
  if (current_file != NULL)
    (void) !write (STDERR_FILENO, current_file, strlen (current_file));
  (void) !write (STDERR_FILENO, "\n", 1);
  _exit (1);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files,
         GPtrArray  *dirs)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  g_ptr_array_add (dirs, g_strdup (path));
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      collect (child, files, dirs);
    }
  g_dir_close (dir);
}

#ifdef HAVE_SYS_INOTIFY_H
static gboolean
watcher_init (Watcher   *watcher,
              GPtrArray *dirs)
{
  watcher->fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  watcher->dirs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (watcher->fd < 0)
    return FALSE;
  for (guint i = 0; i < dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (dirs, i);
      int wd = inotify_add_watch (watcher->fd, dir, IN_OPEN);

      if (wd < 0)
        {
          fprintf (stderr, "check-corpus: cannot watch %s: %s\n", dir, g_strerror (errno));
          return FALSE;
        }
      g_hash_table_insert (watcher->dirs, GINT_TO_POINTER (wd), g_strdup (dir));
    }
  return TRUE;
}

/* Reads the events since the last call; returns the paths opened other
 * than @allowed, as one text, or NULL. */
static char *
watcher_take_foreign_opens (Watcher    *watcher,
                            const char *allowed)
{
  GString *foreign = NULL;
  char buffer[16384] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize n;

  while ((n = read (watcher->fd, buffer, sizeof buffer)) > 0)
    {
      for (char *p = buffer; p < buffer + n;)
        {
          const struct inotify_event *event = (const struct inotify_event *) p;
          const char *dir = g_hash_table_lookup (watcher->dirs, GINT_TO_POINTER (event->wd));
          g_autofree char *path = g_build_filename (dir ? dir : "?",
                                                    event->len > 0 ? event->name : "", NULL);

          p += sizeof (struct inotify_event) + event->len;
          if ((event->mask & IN_Q_OVERFLOW) != 0)
            path = g_strdup ("(inotify queue overflow)");
          else if (event->len > 0 && strcmp (path, allowed) == 0)
            continue;
          if (foreign == NULL)
            foreign = g_string_new (NULL);
          g_string_append_printf (foreign, " %s%s", path,
                                  (event->mask & IN_ISDIR) ? " (directory)" : "");
        }
    }
  return foreign ? g_string_free (foreign, FALSE) : NULL;
}

static void
watcher_clear (Watcher *watcher)
{
  if (watcher->fd >= 0)
    close (watcher->fd);
  g_hash_table_unref (watcher->dirs);
}
#endif

int
main (int    argc,
      char **argv)
{
  const char *corpus = argc > 1 ? argv[1] : g_getenv ("KLYNGE_XML_CORPUS");
  const char *limit_text = g_getenv ("KLYNGE_CORPUS_TIME_LIMIT");
  double limit = limit_text ? g_ascii_strtod (limit_text, NULL) : 10.0;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (NULL, NULL);
  g_autofree char *real_corpus = NULL;
  g_autofree char *slowest_file = NULL;
  gint64 slowest = 0;
  guint failures = 0;
#ifdef HAVE_SYS_INOTIFY_H
  Watcher watcher;
#endif

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      printf ("check-corpus: SKIP: no corpus at %s (give a directory or set KLYNGE_XML_CORPUS)\n",
              corpus ? corpus : "(unset)");
      return 0;
    }
  if (limit <= 0)
    limit = 10.0;
  real_corpus = g_canonicalize_filename (corpus, NULL);
  collect (real_corpus, files, dirs);
  g_ptr_array_sort (files, compare_paths);
  if (files->len == 0)
    {
      fprintf (stderr, "check-corpus: FAIL: %s holds no files\n", real_corpus);
      return 1;
    }

#ifdef HAVE_SYS_INOTIFY_H
  if (!watcher_init (&watcher, dirs))
    {
      fprintf (stderr, "check-corpus: FAIL: cannot set up inotify\n");
      return 1;
    }
#else
  printf ("check-corpus: no inotify here: file opens are not watched\n");
#endif

  /* A first pass loads everything once, so that the process has read
   * what it reads once in its life (the dynamic loader's cache when
   * libxml2 first asks iconv for a converter, the locale aliases when
   * a message is first translated). What it opened is shown, not judged:
   * a document that makes the loader open a file opens it on every load,
   * and the second pass, which judges, sees it. */
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      foreign_length = 0;
      watched_document = g_ptr_array_index (files, i);
      landscape = klynge_landscape_load_file (g_ptr_array_index (files, i), &error);
      problems = klynge_landscape_validate_file (g_ptr_array_index (files, i), NULL);
      watched_document = NULL;
      if (foreign_length > 0)
        printf ("check-corpus: first pass, once per process, called%s\n", foreign_calls);
#ifdef HAVE_SYS_INOTIFY_H
      {
        g_autofree char *foreign = watcher_take_foreign_opens (&watcher, g_ptr_array_index (files, i));

        if (foreign != NULL)
          printf ("check-corpus: first pass, once per process, opened (inotify):%s\n", foreign);
      }
#endif
    }

  signal (SIGALRM, on_alarm);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gint64 started, elapsed;
      const char *shown = file + strlen (real_corpus) + 1;

      current_file = file;
      alarm ((unsigned) (4 * limit) + 1);
      foreign_length = 0;
      foreign_calls[0] = '\0';
      watched_document = file;
      started = g_get_monotonic_time ();
      landscape = klynge_landscape_load_file (file, &error);
      problems = klynge_landscape_validate_file (file, NULL);
      elapsed = g_get_monotonic_time () - started;
      watched_document = NULL;
      alarm (0);

      if (landscape != NULL || error == NULL)
        {
          printf ("FAIL: %s: loaded as a landscape\n", shown);
          failures++;
        }
      else if (error->domain != KLYNGE_ERROR)
        {
          printf ("FAIL: %s: refused outside the KLYNGE_ERROR domain: %s\n", shown, error->message);
          failures++;
        }
      else
        g_hash_table_insert (codes, GINT_TO_POINTER (error->code),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (codes, GINT_TO_POINTER (error->code))) + 1));
      if (problems == NULL || problems->len == 0)
        {
          printf ("FAIL: %s: validate_file finds no problem\n", shown);
          failures++;
        }
      if (elapsed > (gint64) (limit * G_USEC_PER_SEC))
        {
          printf ("FAIL: %s: took %.1f s (limit %.1f s)\n", shown, elapsed / 1e6, limit);
          failures++;
        }
      if (elapsed > slowest)
        {
          slowest = elapsed;
          g_free (slowest_file);
          slowest_file = g_strdup (shown);
        }
      if (foreign_length > 0)
        {
          printf ("FAIL: %s: loading it called%s\n", shown, foreign_calls);
          failures++;
        }
#ifdef HAVE_SYS_INOTIFY_H
      {
        g_autofree char *foreign = watcher_take_foreign_opens (&watcher, file);

        if (foreign != NULL)
          {
            printf ("FAIL: %s: loading it opened (inotify):%s\n", shown, foreign);
            failures++;
          }
      }
#endif
    }
  current_file = NULL;

  printf ("check-corpus: %u files under %s, %u failures; slowest %.1f ms (%s)\n",
          files->len, real_corpus, failures, slowest / 1e3, slowest_file);
  printf ("check-corpus: refusals by KlyngeError code (code×files):");
  for (int code = 0; code < 256; code++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (codes, GINT_TO_POINTER (code)));

      if (count > 0)
        printf (" %d×%u", code, count);
    }
  printf ("\n");
#ifdef HAVE_SYS_INOTIFY_H
  watcher_clear (&watcher);
#endif
  return failures == 0 ? 0 : 1;
}
