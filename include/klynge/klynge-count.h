/* klynge-count.h: counts that say whether they are exact
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * KlyngeCountCertainty:
 * @KLYNGE_COUNT_CERTAINTY_EXACT: the count is exactly its value (`exact`)
 * @KLYNGE_COUNT_CERTAINTY_AT_LEAST: the true count is the value or more
 *   (`at-least`)
 * @KLYNGE_COUNT_CERTAINTY_UNKNOWN: nothing is known of the true count;
 *   the value is 0 and means nothing (`unknown`)
 *
 * What a #KlyngeCount's value says about the true count. The nicks are
 * the values of the certainty columns of exports.
 */
typedef enum {
  KLYNGE_COUNT_CERTAINTY_EXACT,
  KLYNGE_COUNT_CERTAINTY_AT_LEAST,
  KLYNGE_COUNT_CERTAINTY_UNKNOWN,
} KlyngeCountCertainty;

GType klynge_count_certainty_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_COUNT_CERTAINTY (klynge_count_certainty_get_type ())

/**
 * KlyngeCount:
 * @value: how many were counted: the count itself when exact, a lower
 *   bound when at least, 0 when not known
 * @certainty: what @value says about the true count
 *
 * A count of things the landscape may not hold completely, such as the
 * members of an organisation whose member list is not known to be
 * complete: "exactly 12", "at least 12" or "not known", never a bare
 * number that may be short. A plain value: copy it by assignment. Make
 * one with klynge_count_init(), print it with klynge_count_format().
 */
typedef struct {
  guint64              value;
  KlyngeCountCertainty certainty;
} KlyngeCount;

GType        klynge_count_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_COUNT (klynge_count_get_type ())

KlyngeCount *klynge_count_copy     (const KlyngeCount *count);
void         klynge_count_free     (KlyngeCount       *count);
void         klynge_count_init     (KlyngeCount       *count,
                                    guint64            counted,
                                    gboolean           complete);
gboolean     klynge_count_is_exact (const KlyngeCount *count);
char        *klynge_count_format   (const KlyngeCount *count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeCount, klynge_count_free)

G_END_DECLS
