/* klynge-file-output.c: writing a file all or nothing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every file the library writes (the landscape's save, the CSV and
 * GraphML exports) goes through here: the bytes go to a temporary file
 * beside the target, which is flushed to disk and renamed over it, so the
 * target is at every moment the old file (or absent) or the whole new
 * one. On a failure the temporary is removed; what a killed process left
 * is removed by the next write of the same target (see
 * remove_stale_temporaries()).
 */
/* sync_file_range(), O_DIRECT, statx() */
#define _GNU_SOURCE

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-file-output-private.h"
#include "klynge-lock-private.h"

/* Direct I/O is not POSIX: where <fcntl.h> has no O_DIRECT (macOS, some
 * BSDs) every write goes through the page cache, and the flag is 0 so
 * that the code that clears it needs no conditions of its own. */
#ifdef O_DIRECT
#define HAVE_DIRECT_IO 1
#else
#define HAVE_DIRECT_IO 0
#define O_DIRECT 0
#endif

/* --- writing, buffered or direct ----------------------------------------- */

static KlyngeFileOutputHooks hooks;

void
_klynge_file_output_set_hooks (const KlyngeFileOutputHooks *new_hooks)
{
  if (new_hooks != NULL)
    hooks = *new_hooks;
  else
    memset (&hooks, 0, sizeof hooks);
}

static gssize
do_write (int         fd,
          const void *buf,
          gsize       count)
{
  return hooks.write != NULL ? hooks.write (fd, buf, count) : write (fd, buf, count);
}

/* Writes all of @data; 0, or the errno of the failure. A write that
 * direct I/O refuses after all (EINVAL: an alignment the file system
 * wants bigger, or a short write that left the offset unaligned) is
 * retried through the page cache, and the file stays there. */
static int
write_all (int          fd,
           const char  *data,
           gsize        length,
           gboolean    *direct)
{
  while (length > 0)
    {
      gssize n = do_write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EINVAL && *direct)
        {
          int flags = fcntl (fd, F_GETFL);

          if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_DIRECT) != 0)
            return EINVAL;
          *direct = FALSE;
          continue;
        }
      if (n <= 0)
        return n < 0 ? errno : ENOSPC;
      data += n;
      length -= (gsize) n;
    }
  return 0;
}

/* A large file goes to the disk with direct I/O, from a thread of its
 * own. Through the page cache, the kernel's copy of every byte took a
 * third of a 2.7 GB save, and the final fsync() then waited while the
 * dirty pages trickled out at a fraction of what the disk takes from
 * large direct writes; a save also need not push gigabytes of other
 * files out of the cache. The first DIRECT_FROM bytes (all of most files)
 * are written as usual, and where the file system refuses direct I/O the
 * whole file is. Once direct, the output's buffer is itself the block
 * that goes to the disk: the writer fills a block, hands it to the
 * thread and carries on in the next. */
#define DIRECT_FROM (32 * 1024 * 1024)
#define DIRECT_BLOCK_SIZE (4 * 1024 * 1024)
#define DIRECT_BLOCKS 4
#define DIRECT_ALIGN 4096

typedef struct {
  char *data;            /* DIRECT_ALIGN-aligned, block_size bytes */
  gsize length;          /* 0 only in the block that stops the thread */
} DirectBlock;

typedef struct {
  int fd;
  const char *path;
  goffset written;       /* bytes handed on so far */
  goffset flushing;      /* bytes whose writing-back has been started */

  gsize direct_from;     /* DIRECT_FROM but in tests */
  gsize block_size;      /* DIRECT_BLOCK_SIZE but in tests */
  gboolean direct_tried;
  GThread *thread;       /* set while blocks go to the disk directly */
  GAsyncQueue *full;     /* DirectBlock *, in file order, for the thread */
  GAsyncQueue *empty;    /* DirectBlock *, written, for the writer */
  DirectBlock blocks[DIRECT_BLOCKS];
  DirectBlock stop;
  DirectBlock *current;  /* the output's buffer */
  char *plain_buffer;    /* the output's own, while it writes into blocks */
  gboolean direct;       /* the thread's: O_DIRECT still set */
  int failure;           /* the thread's first errno, atomic */
} FileTarget;

static void
set_write_error (FileTarget  *target,
                 int          failure,
                 GError     **error)
{
  _klynge_set_error_at (error, KLYNGE_ERROR_IO, target->path, 0, 0,
                        "cannot write: %s", g_strerror (failure));
}

static gpointer
direct_thread (gpointer data)
{
  FileTarget *target = data;
  DirectBlock *block;

  while ((block = _klynge_handoff_pop (target->full))->length > 0)
    {
      /* after a failure, blocks only go round until the writer sees it */
      if (g_atomic_int_get (&target->failure) == 0)
        {
          int failure = write_all (target->fd, block->data, block->length, &target->direct);

          if (failure != 0)
            g_atomic_int_set (&target->failure, failure);
        }
      _klynge_handoff_push (target->empty, block);
    }
  return NULL;
}

/* Hands the whole blocks of the output's buffer to the thread and goes on
 * in an empty block, with the few bytes past the last whole block (only
 * at the end of the document: the output flushes full buffers). */
static gboolean
flush_direct (KlyngeOutput  *output,
              GError       **error)
{
  FileTarget *target = output->target;
  DirectBlock *block = target->current;
  gsize whole = output->length & ~(gsize) (DIRECT_ALIGN - 1);
  gsize rest = output->length - whole;
  DirectBlock *next;
  int failure;

  if (whole == 0)
    return TRUE;
  next = _klynge_handoff_pop (target->empty);
  memcpy (next->data, block->data + whole, rest);
  block->length = whole;
  _klynge_handoff_push (target->full, block);
  target->current = next;
  target->written += whole;
  output->buffer = next->data;
  output->length = rest;
  if ((failure = g_atomic_int_get (&target->failure)) != 0)
    {
      set_write_error (target, failure, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the file's file system takes direct I/O in DIRECT_ALIGN units:
 * offsets and lengths are multiples of it, buffers aligned to it. Linux
 * 6.1 and later say so through statx(); where nothing says, the fcntl()
 * that sets O_DIRECT and then the first write (EINVAL, see write_all())
 * decide. */
static gboolean
direct_io_fits (int fd)
{
#if HAVE_DIRECT_IO && defined (STATX_DIOALIGN)
  struct statx stx;

  if (statx (fd, "", AT_EMPTY_PATH, STATX_DIOALIGN, &stx) == 0
      && (stx.stx_mask & STATX_DIOALIGN) != 0)
    return stx.stx_dio_offset_align != 0   /* no direct I/O here at all */
      && DIRECT_ALIGN % stx.stx_dio_offset_align == 0
      && DIRECT_ALIGN % stx.stx_dio_mem_align == 0;
#endif
  return HAVE_DIRECT_IO;
}

/* At an aligned offset, with @length (less than DIRECT_ALIGN) bytes of
 * @data still to write: switches the file to direct I/O, starts the
 * thread and puts @data in the first block, or leaves the file as it is
 * when the platform or the file system cannot. */
static gboolean
start_direct (KlyngeOutput *output,
              const char   *data,
              gsize         length)
{
  FileTarget *target = output->target;
  int flags;

  target->direct_tried = TRUE;
  if (hooks.buffered_only || !direct_io_fits (target->fd))
    return FALSE;
  flags = fcntl (target->fd, F_GETFL);
  if (flags < 0 || fcntl (target->fd, F_SETFL, flags | O_DIRECT) != 0)
    return FALSE;
  target->direct = TRUE;
  target->full = g_async_queue_new ();
  target->empty = g_async_queue_new ();
  for (guint i = 0; i < DIRECT_BLOCKS; i++)
    {
      target->blocks[i].data = g_aligned_alloc (1, target->block_size, DIRECT_ALIGN);
      target->blocks[i].length = 0;
      if (i > 0)
        _klynge_handoff_push (target->empty, &target->blocks[i]);
    }
  target->current = &target->blocks[0];
  memcpy (target->current->data, data, length);
  target->plain_buffer = output->buffer;
  output->buffer = target->current->data;
  output->length = length;
  output->capacity = target->block_size;
  output->flush = flush_direct;
  target->thread = g_thread_new ("klynge-save", direct_thread, target);
  return TRUE;
}

/* Ends direct I/O: the whole blocks still in the output go to the thread,
 * the thread stops, and what is left (less than a block, rarely aligned)
 * is written through the page cache. The output gets its own buffer back.
 * Every save that started the thread ends here; after an error, nothing
 * more is written. */
static void
stop_direct (KlyngeOutput *output)
{
  FileTarget *target = output->target;
  DirectBlock *tail;
  int failure;

  if (target->thread == NULL)
    return;
  if (output->error == NULL)
    (void) flush_direct (output, &output->error);
  tail = target->current;
  _klynge_handoff_push (target->full, &target->stop);
  g_thread_join (target->thread);
  target->thread = NULL;

  failure = target->failure;
  if (output->error == NULL && failure == 0 && output->length > 0)
    {
      gboolean direct = FALSE;
      int flags = fcntl (target->fd, F_GETFL);

      if (flags < 0 || fcntl (target->fd, F_SETFL, flags & ~O_DIRECT) != 0)
        failure = errno;
      else
        failure = write_all (target->fd, tail->data, output->length, &direct);
      if (failure == 0)
        target->written += output->length;
    }
  if (output->error == NULL && failure != 0)
    set_write_error (target, failure, &output->error);

  output->buffer = target->plain_buffer;
  output->length = 0;
  output->capacity = KLYNGE_OUTPUT_BUFFER_SIZE;
  for (guint i = 0; i < DIRECT_BLOCKS; i++)
    g_aligned_free (target->blocks[i].data);
  g_async_queue_unref (target->full);
  g_async_queue_unref (target->empty);
}

/* Below DIRECT_FROM, or without direct I/O: a large file is handed to the
 * disk as it is written, not all at the final fsync(), so that writing it
 * back overlaps writing it. */
#define WRITE_BACK_EVERY (32 * 1024 * 1024)

static gboolean
write_buffered (FileTarget  *target,
                const char  *data,
                gsize        length,
                GError     **error)
{
  gboolean direct = FALSE;
  int failure = write_all (target->fd, data, length, &direct);

  if (failure != 0)
    {
      set_write_error (target, failure, error);
      return FALSE;
    }
  target->written += length;
#if defined (SYNC_FILE_RANGE_WRITE)
  if (target->written - target->flushing >= WRITE_BACK_EVERY)
    {
      /* only a start: errors show at the fsync() */
      (void) sync_file_range (target->fd, target->flushing, target->written - target->flushing,
                              SYNC_FILE_RANGE_WRITE);
      target->flushing = target->written;
    }
#endif
  return TRUE;
}

static gboolean
flush_to_fd (KlyngeOutput  *output,
             GError       **error)
{
  FileTarget *target = output->target;
  const char *data = output->buffer;
  gsize length = output->length;

  if (!target->direct_tried && (guint64) target->written + length >= target->direct_from)
    {
      /* as usual up to the last aligned offset; the few bytes past it
       * begin the first block */
      gsize keep = (gsize) (target->written + length) & (DIRECT_ALIGN - 1);

      if (!write_buffered (target, data, length - keep, error))
        return FALSE;
      if (start_direct (output, data + length - keep, keep))
        return TRUE;
      data += length - keep;
      length = keep;
    }
  if (!write_buffered (target, data, length, error))
    return FALSE;
  output->length = 0;
  return TRUE;
}

/* The file a save to @path should replace: @path with its symbolic links
 * followed, so that saving through a link updates the file it names and
 * keeps the link. A link to nothing yet gives the path it names. Returns
 * %NULL with errno set (ELOOP for too many links). */
static char *
resolve_save_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, &st) != 0)
        return errno == ENOENT ? g_steal_pointer (&current) : NULL;
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return NULL;
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }
  errno = ELOOP;
  return NULL;
}

/* --- temporaries ------------------------------------------------------- */

/* A temporary is named `.NAME.XXXXXX` (mkstemp's six characters) beside
 * the target NAME: hidden, and plainly whose it is. A name is at most
 * NAME_MAX bytes (255 nearly everywhere), so a NAME of more than
 * NAME_MAX - 8 bytes is cut in the temporary's name, at a character
 * boundary when NAME is UTF-8. Two long targets that share those first
 * bytes then share a pattern, and a write of one may remove what a killed
 * write of the other left: debris either way, and a live write is never
 * touched, since only unlocked temporaries are removed. */
#define TEMP_SUFFIX_LENGTH 6

static const char temp_alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* `.NAME.` as cut for the directory @dir, to which the six characters are
 * added. */
static char *
temp_prefix (const char *dir,
             const char *base)
{
  long name_max = pathconf (dir, _PC_NAME_MAX);
  gsize room, length = strlen (base);

  if (name_max <= 0 || name_max > 255)
    name_max = 255;
  room = (gsize) name_max - 2 - TEMP_SUFFIX_LENGTH;
  if (length > room)
    {
      length = room;
      /* not in the middle of a UTF-8 sequence */
      while (length > 1 && ((guchar) base[length] & 0xC0) == 0x80)
        length--;
    }
  return g_strdup_printf (".%.*s.", (int) length, base);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix,
              gsize       prefix_length)
{
  const char *suffix = name + prefix_length;

  return strncmp (name, prefix, prefix_length) == 0
    && strlen (suffix) == TEMP_SUFFIX_LENGTH
    && strspn (suffix, temp_alphabet) == TEMP_SUFFIX_LENGTH;
}

/* Removes the temporaries of the target whose temporaries begin with
 * @prefix that no one is writing any more: what a write killed before it
 * could remove its temporary (SIGKILL, a crash, a power cut) left, up to
 * the size of the file.
 *
 * A writer holds an exclusive flock() on its temporary for as long as
 * the temporary exists (_klynge_file_output_open() to _commit()), and a
 * temporary is removed only by whoever gets that lock without waiting. A
 * lock, not an age: a write of gigabytes may take minutes, or be stuck on
 * a slow disk, and must not lose its file. flock() and not fcntl()
 * record locks, because flock() locks belong to the open file
 * description: two threads of one process conflict as two processes do,
 * and closing some other descriptor of the file does not drop them.
 * Where the file system has no flock() (some network file systems)
 * nothing is removed. Only regular files of ours are taken, opened
 * without following links and without blocking (a FIFO of that name
 * would block an open), and only when the name still names the file we
 * locked. A writer that created its temporary but had not locked it yet
 * when we took it notices, once it has the lock, that the file has no
 * name any more, and makes another. */
static void
remove_stale_temporaries (const char *dir,
                          const char *prefix)
{
  gsize prefix_length = strlen (prefix);
  DIR *d = opendir (dir);
  struct dirent *entry;

  if (d == NULL)
    return;
  while ((entry = readdir (d)) != NULL)
    {
      const char *name = entry->d_name;
      struct stat st, now;
      int fd;

      if (!is_temp_name (name, prefix, prefix_length))
        continue;
      fd = openat (dirfd (d), name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd < 0 && errno == EACCES)
        /* the old file's mode, given to the temporary, may be write-only */
        fd = openat (dirfd (d), name, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ()
          && flock (fd, LOCK_EX | LOCK_NB) == 0
          && fstatat (dirfd (d), name, &now, AT_SYMLINK_NOFOLLOW) == 0
          && now.st_dev == st.st_dev && now.st_ino == st.st_ino)
        (void) unlinkat (dirfd (d), name, 0);
      close (fd);
    }
  closedir (d);
}

/* Creates the temporary from @template and locks it (see
 * remove_stale_temporaries()). -1 with errno set on failure. */
static int
create_locked_temporary (char *template)
{
  gsize length = strlen (template);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      struct stat st;
      int fd, locked;

      memset (template + length - TEMP_SUFFIX_LENGTH, 'X', TEMP_SUFFIX_LENGTH);
      fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0666);
      if (fd < 0)
        return -1;
      while ((locked = flock (fd, LOCK_EX)) != 0 && errno == EINTR)
        ;
      /* without flock() here nobody can take the file from us either */
      if (locked != 0 || (fstat (fd, &st) == 0 && st.st_nlink > 0))
        return fd;
      /* removed by a cleaner between mkstemp() and flock() */
      close (fd);
    }
  errno = EEXIST;
  return -1;
}

/* --- the file ---------------------------------------------------------- */

struct KlyngeFileOutput
{
  FileTarget target;   /* what the output's flush writes to */
  char *path;          /* as given, for errors */
  char *resolved;      /* what the rename replaces */
  char *dir;
  char *temp;
};

static void
file_output_free (KlyngeFileOutput *file)
{
  g_free (file->path);
  g_free (file->resolved);
  g_free (file->dir);
  g_free (file->temp);
  g_free (file);
}

KlyngeFileOutput *
_klynge_file_output_open (const char    *path,
                          KlyngeOutput  *output,
                          GError       **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  KlyngeFileOutput *file;
  gboolean have_old = FALSE;
  GStatBuf st;
  int saved;

  /* the rename must land on the final target, and must not turn a device
   * or FIFO into a regular file */
  resolved = resolve_save_target (path);
  if (resolved == NULL)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot resolve the path: %s", g_strerror (saved));
      return NULL;
    }
  if (g_stat (resolved, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                                "not a regular file; refusing to replace it");
          return NULL;
        }
      have_old = TRUE;
    }

  file = g_new0 (KlyngeFileOutput, 1);
  file->path = g_strdup (path);
  file->dir = g_path_get_dirname (resolved);
  file->resolved = g_steal_pointer (&resolved);
  base = g_path_get_basename (file->resolved);
  prefix = temp_prefix (file->dir, base);
  remove_stale_temporaries (file->dir, prefix);

  file->temp = g_strdup_printf ("%s/%sXXXXXX", file->dir, prefix);
  file->target.path = file->path;
  file->target.direct_from = hooks.direct_from > 0 ? hooks.direct_from : DIRECT_FROM;
  /* a whole number of aligned units, or the output could never flush */
  file->target.block_size = hooks.direct_block_size > 0
    ? (hooks.direct_block_size + DIRECT_ALIGN - 1) & ~(gsize) (DIRECT_ALIGN - 1)
    : DIRECT_BLOCK_SIZE;
  file->target.fd = create_locked_temporary (file->temp);
  if (file->target.fd < 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot create a file beside it: %s", g_strerror (saved));
      file_output_free (file);
      return NULL;
    }
  if (have_old)
    (void) fchmod (file->target.fd, st.st_mode & 07777);

  _klynge_output_init (output, flush_to_fd, &file->target, NULL);
  return file;
}

gboolean
_klynge_file_output_commit (KlyngeFileOutput  *file,
                            KlyngeOutput      *output,
                            GError           **error)
{
  int fd = file->target.fd;
  gboolean ok;
  int saved;

  /* the last flush may be the one that reaches direct_from and starts
   * direct I/O: it comes first, so that stopping direct I/O writes its
   * tail and ends its thread */
  _klynge_output_flush (output);
  stop_direct (output);
  ok = _klynge_output_finish (output, error);

  if (ok && (hooks.fsync != NULL ? hooks.fsync (fd) : fsync (fd)) != 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, file->path, 0, 0,
                            "cannot flush to disk: %s", g_strerror (saved));
      ok = FALSE;
    }
  /* the descriptor, and with it the lock, stays until the temporary has
   * gone one way or the other; after a successful fsync() a close() has
   * nothing left to report */
  if (ok && (hooks.rename != NULL ? hooks.rename (file->temp, file->resolved)
                                  : g_rename (file->temp, file->resolved)) != 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, file->path, 0, 0,
                            "cannot replace the file: %s", g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (file->temp);
  close (fd);

  if (ok)
    {
      /* make the rename itself durable */
      int dir_fd = open (file->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

      if (dir_fd >= 0)
        {
          (void) fsync (dir_fd);
          close (dir_fd);
        }
    }
  file_output_free (file);
  return ok;
}

/* --- a set of files in a directory ------------------------------------- */

/* The files of a set are written, each as above, into a hidden directory
 * (the stage) inside the target directory and renamed into place only
 * when all of them are complete: a failure anywhere leaves the directory
 * as it was. The writer holds an exclusive flock() on the stage for as
 * long as it exists, and a stage is removed only by whoever gets that
 * lock without waiting, as temporaries are (see
 * remove_stale_temporaries()): what a killed writer left goes with the
 * next set written into the same directory. */

#define STAGE_PREFIX ".klynge-tables-"

struct KlyngeFileSet
{
  char *directory;
  char *stage;
  int stage_fd;          /* holds the lock */
  gboolean made;         /* the directory did not exist */
  GPtrArray *names;      /* of the files opened so far */
};

/* Removes the files in the stage @fd names, and the stage. */
static void
remove_stage (int         dir_fd,
              const char *name,
              int         fd)
{
  int scan = dup (fd);
  DIR *d = scan >= 0 ? fdopendir (scan) : NULL;
  struct dirent *entry;

  if (d == NULL && scan >= 0)
    close (scan);
  while (d != NULL && (entry = readdir (d)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      (void) unlinkat (fd, entry->d_name, 0);
  if (d != NULL)
    closedir (d);
  (void) unlinkat (dir_fd, name, AT_REMOVEDIR);
}

/* The stages in @directory that no writer holds. */
static void
remove_stale_stages (const char *directory)
{
  DIR *d = opendir (directory);
  struct dirent *entry;

  if (d == NULL)
    return;
  while ((entry = readdir (d)) != NULL)
    {
      const char *name = entry->d_name;
      struct stat st;
      int fd;

      if (!is_temp_name (name, STAGE_PREFIX, strlen (STAGE_PREFIX)))
        continue;
      fd = openat (dirfd (d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode) && st.st_uid == geteuid ()
          && flock (fd, LOCK_EX | LOCK_NB) == 0)
        remove_stage (dirfd (d), name, fd);
      close (fd);
    }
  closedir (d);
}

KlyngeFileSet *
_klynge_file_set_begin (const char  *directory,
                        GError     **error)
{
  KlyngeFileSet *set;
  int saved;

  set = g_new0 (KlyngeFileSet, 1);
  set->directory = g_strdup (directory);
  set->stage_fd = -1;
  set->names = g_ptr_array_new_with_free_func (g_free);
  set->made = !g_file_test (directory, G_FILE_TEST_EXISTS);
  if (g_mkdir_with_parents (directory, 0777) != 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, directory, 0, 0,
                            "cannot make the directory: %s", g_strerror (saved));
      set->made = FALSE;
      _klynge_file_set_abort (set);
      return NULL;
    }
  remove_stale_stages (directory);
  for (guint attempt = 0; attempt < 100 && set->stage_fd < 0; attempt++)
    {
      struct stat st;
      int locked;

      g_free (set->stage);
      set->stage = g_build_filename (directory, STAGE_PREFIX "XXXXXX", NULL);
      if (g_mkdtemp (set->stage) == NULL
          || (set->stage_fd = open (set->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
        {
          saved = errno;
          _klynge_set_error_at (error, KLYNGE_ERROR_IO, directory, 0, 0,
                                "cannot make a directory in it: %s", g_strerror (saved));
          g_clear_pointer (&set->stage, g_free);
          _klynge_file_set_abort (set);
          return NULL;
        }
      while ((locked = flock (set->stage_fd, LOCK_EX)) != 0 && errno == EINTR)
        ;
      /* removed by a cleaner between mkdtemp() and flock(): another */
      if (locked == 0 && fstat (set->stage_fd, &st) == 0 && st.st_nlink == 0)
        {
          close (set->stage_fd);
          set->stage_fd = -1;
        }
    }
  if (set->stage_fd < 0)
    {
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, directory, 0, 0,
                            "cannot make a directory in it: %s", g_strerror (EEXIST));
      _klynge_file_set_abort (set);
      return NULL;
    }
  return set;
}

/* @error's message, which names the file in the stage, names it where it
 * is to go. */
static void
name_target (KlyngeFileSet  *set,
             GError        **error)
{
  if (error != NULL && *error != NULL && g_str_has_prefix ((*error)->message, set->stage))
    {
      char *message = g_strconcat (set->directory, (*error)->message + strlen (set->stage), NULL);

      g_free ((*error)->message);
      (*error)->message = message;
    }
}

KlyngeFileOutput *
_klynge_file_set_open (KlyngeFileSet  *set,
                       const char     *name,
                       KlyngeOutput   *output,
                       GError        **error)
{
  g_autofree char *path = g_build_filename (set->stage, name, NULL);
  KlyngeFileOutput *file = _klynge_file_output_open (path, output, error);

  if (file == NULL)
    name_target (set, error);
  else
    g_ptr_array_add (set->names, g_strdup (name));
  return file;
}

gboolean
_klynge_file_set_commit_file (KlyngeFileSet     *set,
                              KlyngeFileOutput  *file,
                              KlyngeOutput      *output,
                              GError           **error)
{
  if (_klynge_file_output_commit (file, output, error))
    return TRUE;
  name_target (set, error);
  return FALSE;
}

gboolean
_klynge_file_set_commit (KlyngeFileSet  *set,
                         GError        **error)
{
  int dir_fd;

  for (guint i = 0; i < set->names->len; i++)
    {
      const char *name = g_ptr_array_index (set->names, i);
      g_autofree char *from = g_build_filename (set->stage, name, NULL);
      g_autofree char *to = g_build_filename (set->directory, name, NULL);

      if ((hooks.rename != NULL ? hooks.rename (from, to) : g_rename (from, to)) != 0)
        {
          int saved = errno;

          /* the files moved so far are complete; the rest go with the stage */
          _klynge_set_error_at (error, KLYNGE_ERROR_IO, to, 0, 0,
                                "cannot replace the file: %s", g_strerror (saved));
          set->made = FALSE;
          _klynge_file_set_abort (set);
          return FALSE;
        }
    }
  /* make the renames durable */
  dir_fd = open (set->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      (void) fsync (dir_fd);
      close (dir_fd);
    }
  set->made = FALSE;
  _klynge_file_set_abort (set);
  return TRUE;
}

void
_klynge_file_set_abort (KlyngeFileSet *set)
{
  if (set->stage_fd >= 0)
    {
      g_autofree char *name = g_path_get_basename (set->stage);
      int dir_fd = open (set->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

      if (dir_fd >= 0)
        {
          remove_stage (dir_fd, name, set->stage_fd);
          close (dir_fd);
        }
      close (set->stage_fd);
    }
  if (set->made)
    g_rmdir (set->directory);
  g_ptr_array_unref (set->names);
  g_free (set->stage);
  g_free (set->directory);
  g_free (set);
}
