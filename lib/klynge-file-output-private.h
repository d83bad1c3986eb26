/* klynge-file-output-private.h: writing a file all or nothing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The one owner of every file the library writes: the landscape's save
 * and the CSV and GraphML exports. See klynge-file-output.c.
 */
#pragma once

#include "klynge-output-private.h"

G_BEGIN_DECLS

/* Fault injection for the tests: replacements for write(2), fsync(2) and
 * rename(2), NULL meaning the real call; and, so that small documents
 * take the large files' path, where direct I/O begins and the size of its
 * blocks (rounded up to a multiple of 4096), 0 meaning the default;
 * @buffered_only writes as where the platform or the file system has no
 * direct I/O. */
typedef struct {
  gssize (*write)  (int fd, const void *buf, gsize count);
  int    (*fsync)  (int fd);
  int    (*rename) (const char *from, const char *to);
  gsize direct_from;
  gsize direct_block_size;
  gboolean buffered_only;
} KlyngeFileOutputHooks;

void _klynge_file_output_set_hooks (const KlyngeFileOutputHooks *hooks);

typedef struct KlyngeFileOutput KlyngeFileOutput;

/* Starts writing the regular file @path (its symbolic links followed):
 * removes what killed writes of the same target left behind, creates a
 * locked temporary file beside the target and sets up @output to write
 * to it. %NULL with a KLYNGE_ERROR_IO naming @path when @path names
 * anything but a regular file or nothing, or the temporary cannot be
 * made; @output is then untouched. */
KlyngeFileOutput *_klynge_file_output_open   (const char        *path,
                                              KlyngeOutput      *output,
                                              GError           **error);

/* Finishes @output (as _klynge_output_finish() does) and, when all went
 * well, flushes the temporary to disk and renames it over the target.
 * On any failure, the output's own included, the temporary is removed
 * and the target is as it was (or still absent). Frees @file. */
gboolean          _klynge_file_output_commit (KlyngeFileOutput  *file,
                                              KlyngeOutput      *output,
                                              GError           **error);

/* A set of files that replace their namesakes in a directory together:
 * written, each as by _klynge_file_output_open() and _commit(), into a
 * locked hidden directory inside @directory (made, with its parents, when
 * missing), and renamed into @directory only by _klynge_file_set_commit()
 * once all are complete. _klynge_file_set_abort() removes the hidden
 * directory and what is in it, and @directory when the set made it; so
 * does a failed _commit(). Both free @set. Errors name the files in
 * @directory. Hidden directories that killed writers left are removed by
 * the next _begin() in the same directory. */
typedef struct KlyngeFileSet KlyngeFileSet;

KlyngeFileSet    *_klynge_file_set_begin       (const char        *directory,
                                                GError           **error);
KlyngeFileOutput *_klynge_file_set_open        (KlyngeFileSet     *set,
                                                const char        *name,
                                                KlyngeOutput      *output,
                                                GError           **error);
gboolean          _klynge_file_set_commit_file (KlyngeFileSet     *set,
                                                KlyngeFileOutput  *file,
                                                KlyngeOutput      *output,
                                                GError           **error);
gboolean          _klynge_file_set_commit      (KlyngeFileSet     *set,
                                                GError           **error);
void              _klynge_file_set_abort       (KlyngeFileSet     *set);

G_END_DECLS
