/* klynge-xml-private.h: shared by the XML reader and writer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-landscape-private.h"

G_BEGIN_DECLS

#define KLYNGE_XML_NAMESPACE "urn:klynge:landscape:1"

struct _KlyngeLoadOptions
{
  gatomicrefcount ref_count;
  guint64 max_input_size;
  guint max_depth;
  guint max_value_length;
  guint max_attributes;
};

void _klynge_load_options_init_defaults (KlyngeLoadOptions *options);

/* Fault injection for the writer's tests: replacements for write(2),
 * fsync(2) and rename(2), NULL meaning the real call; and, so that small
 * documents take the large files' path, where direct I/O begins and the
 * size of its blocks (rounded up to a multiple of 4096), 0 meaning the
 * default; @buffered_only saves as where the platform or the file system
 * has no direct I/O. */
typedef struct {
  gssize (*write)  (int fd, const void *buf, gsize count);
  int    (*fsync)  (int fd);
  int    (*rename) (const char *from, const char *to);
  gsize direct_from;
  gsize direct_block_size;
  gboolean buffered_only;
} KlyngeWriterHooks;

void _klynge_xml_writer_set_hooks (const KlyngeWriterHooks *hooks);

G_END_DECLS
