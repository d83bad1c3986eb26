/* klynge-period.h: inclusive date ranges and exact pro-rating
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-date.h>

G_BEGIN_DECLS

/**
 * KlyngePeriod:
 * @start: the first date; a partial date stands for its first day
 * @end: the last date, inclusive; a partial date stands for its last day
 *   (`2024` ends on 31 December 2024)
 *
 * An inclusive range of calendar days, such as a contract period. "A
 * two-year period from 1 October 2019" is `2019-10-01..2021-09-30`.
 * A plain value: copy it by assignment.
 */
typedef struct {
  KlyngeDate start;
  KlyngeDate end;
} KlyngePeriod;

GType         klynge_period_get_type        (void) G_GNUC_CONST;
#define KLYNGE_TYPE_PERIOD (klynge_period_get_type ())

KlyngePeriod *klynge_period_new             (const KlyngeDate   *start,
                                             const KlyngeDate   *end,
                                             GError            **error);
KlyngePeriod *klynge_period_new_from_string (const char         *text,
                                             GError            **error);
KlyngePeriod *klynge_period_copy            (const KlyngePeriod *period);
void          klynge_period_free            (KlyngePeriod       *period);

gboolean      klynge_period_init            (KlyngePeriod       *period,
                                             const KlyngeDate   *start,
                                             const KlyngeDate   *end,
                                             GError            **error);
void          klynge_period_init_days       (KlyngePeriod       *period,
                                             guint32             first_day,
                                             guint32             last_day);
char         *klynge_period_to_string       (const KlyngePeriod *period);

guint32       klynge_period_get_first_day   (const KlyngePeriod *period);
guint32       klynge_period_get_last_day    (const KlyngePeriod *period);
guint32       klynge_period_get_length_days (const KlyngePeriod *period);
gboolean      klynge_period_contains        (const KlyngePeriod *period,
                                             const KlyngeDate   *date);
gboolean      klynge_period_contains_day    (const KlyngePeriod *period,
                                             guint32             day_number);
gboolean      klynge_period_overlaps        (const KlyngePeriod *a,
                                             const KlyngePeriod *b);
gboolean      klynge_period_intersect       (const KlyngePeriod *a,
                                             const KlyngePeriod *b,
                                             KlyngePeriod       *intersection);
GPtrArray    *klynge_period_split_by_year   (const KlyngePeriod *period);
gint64        klynge_period_prorate         (const KlyngePeriod *period,
                                             gint64              amount,
                                             const KlyngePeriod *part);
gint64        klynge_period_prorate_days    (const KlyngePeriod *period,
                                             gint64              amount,
                                             guint32             first_day,
                                             guint32             last_day);
gboolean      klynge_period_equal           (const KlyngePeriod *a,
                                             const KlyngePeriod *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngePeriod, klynge_period_free)

G_END_DECLS
