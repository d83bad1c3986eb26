/* klynge-test-faults.h: failures injected into the library's file writes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Replacements for write(2), fsync(2) and rename(2), for the hooks of
 * _klynge_file_output_set_hooks(): a whole write counts its write(2)
 * calls in klynge_test_writes_made, and a later one fails at call
 * klynge_test_writes_before_failure (counting from 0) with
 * klynge_test_injected_errno.
 */
#pragma once

#include <errno.h>
#include <unistd.h>

#include <glib.h>

#include "klynge-file-output-private.h"

static guint klynge_test_writes_before_failure = G_MAXUINT;
static guint klynge_test_writes_made;
static int klynge_test_injected_errno = ENOSPC;

static G_GNUC_UNUSED gssize
klynge_test_write_failing_at_call (int         fd,
                                   const void *buf,
                                   gsize       count)
{
  if (klynge_test_writes_made++ == klynge_test_writes_before_failure)
    {
      errno = klynge_test_injected_errno;
      return -1;
    }
  return write (fd, buf, count);
}

static G_GNUC_UNUSED int
klynge_test_fsync_failing (int fd)
{
  errno = EIO;
  return -1;
}

static G_GNUC_UNUSED int
klynge_test_rename_failing (const char *from,
                            const char *to)
{
  errno = EXDEV;
  return -1;
}
