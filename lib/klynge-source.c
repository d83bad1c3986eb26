/* klynge-source.c: a citation of a public source
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-private.h"

/* One allocation per source: the address lives right after the header. */
struct _KlyngeSource
{
  gatomicrefcount ref_count;
  KlyngeDate accessed;
  char href[];
};

G_DEFINE_BOXED_TYPE (KlyngeSource, klynge_source, klynge_source_ref, klynge_source_unref)

/**
 * klynge_source_new:
 * @href: the address of the source, such as `https://example.org/page`;
 *   non-empty
 * @accessed: (nullable): the date the source was read, or %NULL (or an unset
 *   date) when not known
 * @error: return location for a #GError, or %NULL
 *
 * Creates a citation. The address is kept as given; it only has to be
 * non-empty text that XML can carry.
 *
 * Fails with %KLYNGE_ERROR_BAD_VALUE when @href is empty,
 * %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds characters
 * XML cannot carry, and %KLYNGE_ERROR_BAD_DATE when @accessed is set but is
 * not a valid date. A %NULL @href is a programmer error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeSource, or %NULL with
 *   @error set
 */
KlyngeSource *
klynge_source_new (const char        *href,
                   const KlyngeDate  *accessed,
                   GError           **error)
{
  KlyngeSource *source;
  gsize len;

  g_return_val_if_fail (href != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_klynge_check_text (href, "href", FALSE, error))
    return NULL;

  if (accessed != NULL && klynge_date_is_set (accessed) &&
      !klynge_date_is_valid (accessed))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_DATE,
                   "The accessed date %u-%02u-%02u of a source does not exist",
                   accessed->year, accessed->month, accessed->day);
      return NULL;
    }

  len = strlen (href);
  source = g_malloc (sizeof (KlyngeSource) + len + 1);
  g_atomic_ref_count_init (&source->ref_count);
  if (accessed != NULL && klynge_date_is_set (accessed))
    source->accessed = *accessed;
  else
    memset (&source->accessed, 0, sizeof source->accessed);
  memcpy (source->href, href, len + 1);

  return source;
}

/**
 * klynge_source_ref:
 * @source: a #KlyngeSource
 *
 * Takes a reference to @source.
 *
 * Returns: (transfer full): @source
 */
KlyngeSource *
klynge_source_ref (KlyngeSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  g_atomic_ref_count_inc (&source->ref_count);
  return source;
}

/**
 * klynge_source_unref:
 * @source: (transfer full): a #KlyngeSource
 *
 * Drops a reference to @source, freeing it when it was the last one.
 */
void
klynge_source_unref (KlyngeSource *source)
{
  g_return_if_fail (source != NULL);

  if (g_atomic_ref_count_dec (&source->ref_count))
    g_free (source);
}

/**
 * klynge_source_get_href:
 * @source: a #KlyngeSource
 *
 * Returns: (transfer none): the address of the source
 */
const char *
klynge_source_get_href (const KlyngeSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  return source->href;
}

/**
 * klynge_source_get_accessed:
 * @source: a #KlyngeSource
 *
 * The date the source was read. The pointer is never %NULL; when the date
 * is not known, the date it points to is unset (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the date the source was read
 */
const KlyngeDate *
klynge_source_get_accessed (const KlyngeSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  return &source->accessed;
}

/**
 * klynge_source_equal:
 * @a: a #KlyngeSource
 * @b: another #KlyngeSource
 *
 * Whether two citations have the same address and the same accessed date,
 * precision included.
 *
 * Returns: %TRUE when @a and @b are equal
 */
gboolean
klynge_source_equal (const KlyngeSource *a,
                     const KlyngeSource *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a == b ||
         (strcmp (a->href, b->href) == 0 &&
          klynge_date_equal (&a->accessed, &b->accessed));
}
