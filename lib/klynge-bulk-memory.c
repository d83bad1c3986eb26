/* klynge-bulk-memory.c: memory for the bulk of a large landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* mremap() */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "klynge-bulk-memory-private.h"

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#ifdef MAP_ANONYMOUS
/* A mapping of @bytes (a multiple of the page size) aligned to a huge
 * page, by trimming an over-sized one. */
static char *
map_aligned (gsize bytes,
             int   protection)
{
  char *map, *start;
  gsize head;

  map = mmap (NULL, bytes + KLYNGE_HUGE_PAGE_SIZE, protection, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED)
    g_error ("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, bytes);
  start = (char *) (((guintptr) map + KLYNGE_HUGE_PAGE_SIZE - 1) & ~(guintptr) (KLYNGE_HUGE_PAGE_SIZE - 1));
  head = (gsize) (start - map);
  if (head > 0)
    munmap (map, head);
  munmap (start + bytes, KLYNGE_HUGE_PAGE_SIZE - head);
  return start;
}
#endif

gpointer
_klynge_bulk_alloc0 (gsize bytes)
{
#ifdef MAP_ANONYMOUS
  char *start;

  if (bytes < KLYNGE_HUGE_PAGE_SIZE)
    return g_malloc0 (bytes);
  /* fresh anonymous pages are zero already */
  start = map_aligned (bytes, PROT_READ | PROT_WRITE);
#ifdef MADV_HUGEPAGE
  (void) madvise (start, bytes, MADV_HUGEPAGE);
#endif
  return start;
#else
  return g_malloc0 (bytes);
#endif
}

void
_klynge_bulk_free (gpointer block,
                   gsize    bytes)
{
  if (block == NULL)
    return;
#ifdef MAP_ANONYMOUS
  if (bytes >= KLYNGE_HUGE_PAGE_SIZE)
    {
      munmap (block, bytes);
      return;
    }
#endif
  g_free (block);
}

gpointer
_klynge_bulk_grow (gpointer block,
                   gsize    old_bytes,
                   gsize    new_bytes)
{
  char *grown;

  g_return_val_if_fail (new_bytes >= old_bytes, block);

  if (new_bytes < KLYNGE_HUGE_PAGE_SIZE)
    {
      grown = g_realloc (block, new_bytes);
      memset (grown + old_bytes, 0, new_bytes - old_bytes);
      return grown;
    }
#if defined (MREMAP_MAYMOVE) && defined (MREMAP_FIXED)
  if (old_bytes >= KLYNGE_HUGE_PAGE_SIZE)
    {
      /* the pages move to an aligned place, huge ones whole: nothing is
       * copied, and what is there already is not faulted in again */
      char *place = map_aligned (new_bytes, PROT_NONE);

      grown = mremap (block, old_bytes, new_bytes, MREMAP_MAYMOVE | MREMAP_FIXED, place);
      if (grown != MAP_FAILED)
        {
#ifdef MADV_HUGEPAGE
          (void) madvise (grown, new_bytes, MADV_HUGEPAGE);
#endif
          return grown;
        }
      munmap (place, new_bytes);
    }
#endif
  grown = _klynge_bulk_alloc0 (new_bytes);
  if (old_bytes > 0)
    memcpy (grown, block, old_bytes);
  _klynge_bulk_free (block, old_bytes);
  return grown;
}
