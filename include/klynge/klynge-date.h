/* klynge-date.h: calendar dates that keep their precision
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
 * KlyngeDatePrecision:
 * @KLYNGE_DATE_PRECISION_NONE: no date is set
 * @KLYNGE_DATE_PRECISION_YEAR: only the year is known (`2014`)
 * @KLYNGE_DATE_PRECISION_MONTH: year and month are known (`2020-05`)
 * @KLYNGE_DATE_PRECISION_DAY: the day is known (`2019-10-01`)
 *
 * How much of a #KlyngeDate the public record states.
 */
typedef enum {
  KLYNGE_DATE_PRECISION_NONE,
  KLYNGE_DATE_PRECISION_YEAR,
  KLYNGE_DATE_PRECISION_MONTH,
  KLYNGE_DATE_PRECISION_DAY,
} KlyngeDatePrecision;

GType klynge_date_precision_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_DATE_PRECISION (klynge_date_precision_get_type ())

/**
 * KlyngeDate:
 * @year: the year, 1000 to 9999; 0 when no date is set
 * @month: the month, 1 to 12; 0 when only the year is known
 * @day: the day of the month; 0 when only year and month are known
 *
 * A calendar date that may be partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * The precision survives a round trip through text.
 *
 * Where dates are compared or counted, a partial date stands for its first
 * day (`2014` for 1 January 2014), except at the end of a #KlyngePeriod,
 * where it stands for its last day.
 *
 * A zero-filled #KlyngeDate is "no date". A #KlyngeDate is a plain value:
 * copy it by assignment. Build valid ones with klynge_date_parse() or
 * klynge_date_init().
 */
typedef struct {
  guint16 year;
  guint8  month;
  guint8  day;
} KlyngeDate;

GType               klynge_date_get_type          (void) G_GNUC_CONST;
#define KLYNGE_TYPE_DATE (klynge_date_get_type ())

KlyngeDate         *klynge_date_new               (guint year,
                                                   guint month,
                                                   guint day);
KlyngeDate         *klynge_date_new_from_string   (const char       *text,
                                                   GError          **error);
KlyngeDate         *klynge_date_copy              (const KlyngeDate *date);
void                klynge_date_free              (KlyngeDate       *date);

gboolean            klynge_date_init              (KlyngeDate       *date,
                                                   guint             year,
                                                   guint             month,
                                                   guint             day);
gboolean            klynge_date_parse             (const char       *text,
                                                   KlyngeDate       *date,
                                                   GError          **error);
gboolean            klynge_date_parse_len         (const char       *text,
                                                   gssize            length,
                                                   KlyngeDate       *date,
                                                   GError          **error);
char               *klynge_date_to_string         (const KlyngeDate *date);

gboolean            klynge_date_is_set            (const KlyngeDate *date);
gboolean            klynge_date_is_valid          (const KlyngeDate *date);
KlyngeDatePrecision klynge_date_get_precision     (const KlyngeDate *date);
guint32             klynge_date_get_first_day     (const KlyngeDate *date);
guint32             klynge_date_get_last_day      (const KlyngeDate *date);
void                klynge_date_init_from_day     (KlyngeDate       *date,
                                                   guint32           day_number);
void                klynge_date_init_today        (KlyngeDate       *date);
void                klynge_date_to_gdate          (const KlyngeDate *date,
                                                   GDate            *gdate);

int                 klynge_date_compare           (const KlyngeDate *a,
                                                   const KlyngeDate *b);
gboolean            klynge_date_equal             (const KlyngeDate *a,
                                                   const KlyngeDate *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeDate, klynge_date_free)

G_END_DECLS
