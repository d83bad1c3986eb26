/* klynge-count.c: counts that say whether they are exact
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-private.h"

G_DEFINE_BOXED_TYPE (KlyngeCount, klynge_count, klynge_count_copy, klynge_count_free)

/**
 * klynge_count_copy:
 * @count: a count
 *
 * Returns: (transfer full): a copy of @count, to free with
 *   klynge_count_free()
 */
KlyngeCount *
klynge_count_copy (const KlyngeCount *count)
{
  g_return_val_if_fail (count != NULL, NULL);

  return g_memdup2 (count, sizeof *count);
}

/**
 * klynge_count_free:
 * @count: (nullable): a count from klynge_count_copy()
 *
 * Frees @count.
 */
void
klynge_count_free (KlyngeCount *count)
{
  g_free (count);
}

/**
 * klynge_count_init:
 * @count: (out caller-allocates): the count to set
 * @counted: how many the landscape holds
 * @complete: whether the landscape holds all there are (for members: the
 *   member lists counted are all %KLYNGE_MEMBER_LIST_COMPLETE)
 *
 * Sets @count by the one rule for counts of what may be recorded only in
 * part: complete, it is exactly @counted; otherwise the @counted ones
 * are known to be there and others may be missing, so it is at least
 * @counted, and not known when nothing was counted ("at least 0" would
 * say nothing and read like a count). A member list stated `partial` and
 * one not stated at all differ in what a person should do about them,
 * not in what a count of them can claim.
 */
void
klynge_count_init (KlyngeCount *count,
                   guint64      counted,
                   gboolean     complete)
{
  g_return_if_fail (count != NULL);

  count->value = counted;
  if (complete)
    count->certainty = KLYNGE_COUNT_CERTAINTY_EXACT;
  else if (counted > 0)
    count->certainty = KLYNGE_COUNT_CERTAINTY_AT_LEAST;
  else
    count->certainty = KLYNGE_COUNT_CERTAINTY_UNKNOWN;
}

/**
 * klynge_count_is_exact:
 * @count: a count
 *
 * Returns: whether @count is exactly its value
 */
gboolean
klynge_count_is_exact (const KlyngeCount *count)
{
  g_return_val_if_fail (count != NULL, FALSE);

  return count->certainty == KLYNGE_COUNT_CERTAINTY_EXACT;
}

/**
 * klynge_count_format:
 * @count: a count
 *
 * The count as a person reads it: `12`, `at least 12` or `not known`.
 *
 * Returns: (transfer full): the text
 */
char *
klynge_count_format (const KlyngeCount *count)
{
  g_return_val_if_fail (count != NULL, NULL);

  switch (count->certainty)
    {
    case KLYNGE_COUNT_CERTAINTY_EXACT:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, count->value);
    case KLYNGE_COUNT_CERTAINTY_AT_LEAST:
      return g_strdup_printf ("at least %" G_GUINT64_FORMAT, count->value);
    case KLYNGE_COUNT_CERTAINTY_UNKNOWN:
    default:
      return g_strdup ("not known");
    }
}
