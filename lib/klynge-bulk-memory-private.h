/* klynge-bulk-memory-private.h: memory for the bulk of a large landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Memberships name their members at random, so loading and saving a
 * landscape of millions of members reads member ids and the id table
 * anywhere in hundreds of megabytes. With 4 KiB pages nearly every such
 * read also misses the TLB, and at ten million members the page tables
 * themselves no longer stay in the cache. Large blocks of what is read at
 * random therefore ask for huge pages (where the kernel gives them on
 * request). What is read in order stays in the usual heap: a huge page
 * costs more to fault in (on a virtual machine, several times more). */
#define KLYNGE_HUGE_PAGE_SIZE (2 * 1024 * 1024)

/* @bytes of zeroed memory; blocks of a huge page or more are mappings of
 * their own, aligned to a huge page. Free with _klynge_bulk_free() and
 * the same size. Aborts when memory runs out, as g_malloc() does. */
gpointer     _klynge_bulk_alloc0         (gsize           bytes);
void         _klynge_bulk_free           (gpointer        block,
                                          gsize           bytes);
/* Grows a block from _klynge_bulk_alloc0() to @new_bytes, keeping its
 * contents and zeroing the rest. */
gpointer     _klynge_bulk_grow           (gpointer        block,
                                          gsize           old_bytes,
                                          gsize           new_bytes);

G_END_DECLS
