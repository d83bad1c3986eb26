/* klynge-period.c: inclusive date ranges and exact pro-rating
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A period runs from the first day of its start date through the last day
 * of its end date, so `2020..2021` is two whole years. Every day count
 * here is a GDate julian day number (see klynge_date_get_first_day()).
 */
#include "config.h"

#include <string.h>

#include "klynge-private.h"

G_DEFINE_BOXED_TYPE (KlyngePeriod, klynge_period, klynge_period_copy, klynge_period_free)

/* The days a period covers. FALSE for a zero-filled or reversed period,
 * which covers none. */
static gboolean
period_get_days (const KlyngePeriod *period,
                 guint32            *first,
                 guint32            *last)
{
  *first = klynge_date_get_first_day (&period->start);
  *last = klynge_date_get_last_day (&period->end);
  return *first != 0 && *last != 0 && *first <= *last;
}

/* Sets an error quoting the would-be period; returns FALSE. */
static gboolean
set_period_error (GError           **error,
                  KlyngeError        code,
                  const KlyngeDate  *start,
                  const KlyngeDate  *end,
                  const char        *reason)
{
  char start_text[10], end_text[10];
  gsize start_len, end_len;

  start_len = _klynge_date_format (start, start_text);
  end_len = _klynge_date_format (end, end_text);
  g_set_error (error, KLYNGE_ERROR, code,
               "“%.*s..%.*s” is not a period: %s",
               (int) start_len, start_text, (int) end_len, end_text, reason);
  return FALSE;
}

/**
 * klynge_period_init:
 * @period: (out caller-allocates): the period to set
 * @start: the first date; a partial date stands for its first day
 * @end: the last date, inclusive; a partial date stands for its last day
 * @error: return location for a #GError, or %NULL
 *
 * Sets @period to run from @start through @end, keeping the precision of
 * both dates. A period may be a single day, or `2024..2024`.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise, leaving
 *   @period unchanged: %KLYNGE_ERROR_BAD_PERIOD if a date is not set or
 *   @end comes before @start, %KLYNGE_ERROR_BAD_DATE if a date's fields are
 *   impossible
 */
gboolean
klynge_period_init (KlyngePeriod      *period,
                    const KlyngeDate  *start,
                    const KlyngeDate  *end,
                    GError           **error)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!klynge_date_is_set (start) || !klynge_date_is_set (end))
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD,
                           klynge_date_is_set (start)
                           ? "a period needs an end date"
                           : "a period needs a start date");
      return FALSE;
    }

  if (!klynge_date_is_valid (start) || !klynge_date_is_valid (end))
    return set_period_error (error, KLYNGE_ERROR_BAD_DATE, start, end,
                             "a date does not exist");

  if (klynge_date_get_last_day (end) < klynge_date_get_first_day (start))
    return set_period_error (error, KLYNGE_ERROR_BAD_PERIOD, start, end,
                             "it ends before it starts");

  period->start = *start;
  period->end = *end;
  return TRUE;
}

/**
 * klynge_period_new:
 * @start: the first date
 * @end: the last date, inclusive
 * @error: return location for a #GError, or %NULL
 *
 * Allocates a period, checked as klynge_period_init() checks it.
 *
 * Returns: (transfer full) (nullable): a new period, to be freed with
 *   klynge_period_free(), or %NULL with @error set
 */
KlyngePeriod *
klynge_period_new (const KlyngeDate  *start,
                   const KlyngeDate  *end,
                   GError           **error)
{
  KlyngePeriod period;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!klynge_period_init (&period, start, end, error))
    return NULL;

  return klynge_period_copy (&period);
}

/**
 * klynge_period_new_from_string:
 * @text: a period as `START..END`, such as `2019-10-01..2021-09-30` or
 *   `2020..2021`
 * @error: return location for a #GError, or %NULL
 *
 * Parses the text klynge_period_to_string() writes. Each date is read as
 * klynge_date_parse() reads it.
 *
 * Returns: (transfer full) (nullable): a new period, to be freed with
 *   klynge_period_free(), or %NULL with @error set:
 *   %KLYNGE_ERROR_BAD_PERIOD if there is no `..` or the period ends before
 *   it starts, %KLYNGE_ERROR_BAD_DATE if a date is malformed
 */
KlyngePeriod *
klynge_period_new_from_string (const char  *text,
                               GError     **error)
{
  const char *dots;
  KlyngeDate start, end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dots = strstr (text, "..");
  if (dots == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD,
                   "“%s” is not a period: expected START..END", shown);
      return NULL;
    }

  if (!klynge_date_parse_len (text, dots - text, &start, error) ||
      !klynge_date_parse (dots + 2, &end, error))
    return NULL;

  return klynge_period_new (&start, &end, error);
}

/**
 * klynge_period_copy:
 * @period: a period
 *
 * Copies a heap-allocated period. A #KlyngePeriod on the stack or inside a
 * structure is copied by plain assignment instead.
 *
 * Returns: (transfer full): a copy of @period; free it with
 *   klynge_period_free()
 */
KlyngePeriod *
klynge_period_copy (const KlyngePeriod *period)
{
  KlyngePeriod *copy;

  g_return_val_if_fail (period != NULL, NULL);

  copy = g_new (KlyngePeriod, 1);
  *copy = *period;
  return copy;
}

/**
 * klynge_period_free:
 * @period: (nullable) (transfer full): a heap-allocated period
 *
 * Frees a period from klynge_period_new() and friends. Does nothing for
 * %NULL.
 */
void
klynge_period_free (KlyngePeriod *period)
{
  g_free (period);
}

/**
 * klynge_period_init_days:
 * @period: (out caller-allocates): the period to set
 * @first_day: the GDate julian day number of the first day
 * @last_day: the day number of the last day; not before @first_day
 *
 * Sets @period to the days @first_day through @last_day, with dates of day
 * precision. Both days must lie in the years 1000 to 9999.
 */
void
klynge_period_init_days (KlyngePeriod *period,
                         guint32       first_day,
                         guint32       last_day)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (first_day != 0);
  g_return_if_fail (first_day <= last_day);

  klynge_date_init_from_day (&period->start, first_day);
  klynge_date_init_from_day (&period->end, last_day);
}

/**
 * klynge_period_to_string:
 * @period: a period
 *
 * Formats @period as `START..END` with each date in its own precision:
 * `2019-10-01..2021-09-30`, `2020..2021`. klynge_period_new_from_string()
 * reads it back to an equal period.
 *
 * Returns: (transfer full): the text, to be freed with g_free()
 */
char *
klynge_period_to_string (const KlyngePeriod *period)
{
  char buf[22];
  gsize len;

  g_return_val_if_fail (period != NULL, NULL);

  len = _klynge_date_format (&period->start, buf);
  buf[len++] = '.';
  buf[len++] = '.';
  len += _klynge_date_format (&period->end, buf + len);
  return g_strndup (buf, len);
}

/**
 * klynge_period_get_first_day:
 * @period: a period
 *
 * Returns: the GDate julian day number of the period's first day, the
 *   first day of its start date; 0 for a zero-filled period
 */
guint32
klynge_period_get_first_day (const KlyngePeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return klynge_date_get_first_day (&period->start);
}

/**
 * klynge_period_get_last_day:
 * @period: a period
 *
 * Returns: the GDate julian day number of the period's last day, the last
 *   day of its end date (31 December 2024 for an end of `2024`); 0 for a
 *   zero-filled period
 */
guint32
klynge_period_get_last_day (const KlyngePeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return klynge_date_get_last_day (&period->end);
}

/**
 * klynge_period_get_length_days:
 * @period: a period
 *
 * The number of days in @period, both ends included:
 * `2019-10-01..2021-09-30` has 731.
 *
 * Returns: the number of days; 0 for a zero-filled period
 */
guint32
klynge_period_get_length_days (const KlyngePeriod *period)
{
  guint32 first, last;

  g_return_val_if_fail (period != NULL, 0);

  if (!period_get_days (period, &first, &last))
    return 0;
  return last - first + 1;
}

/**
 * klynge_period_contains_day:
 * @period: a period
 * @day_number: a GDate julian day number
 *
 * Returns: %TRUE if the day lies in @period, ends included
 */
gboolean
klynge_period_contains_day (const KlyngePeriod *period,
                            guint32             day_number)
{
  guint32 first, last;

  g_return_val_if_fail (period != NULL, FALSE);

  return period_get_days (period, &first, &last) &&
         day_number >= first && day_number <= last;
}

/**
 * klynge_period_contains:
 * @period: a period
 * @date: a date
 *
 * Whether @period contains @date. As in every comparison, a partial date
 * stands for its first day: `2019-10-01..2021-09-30` contains `2021` but
 * not `2019`.
 *
 * Returns: %TRUE if the first day of @date lies in @period; %FALSE if it
 *   does not, or if @date is not set
 */
gboolean
klynge_period_contains (const KlyngePeriod *period,
                        const KlyngeDate   *date)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return klynge_date_is_set (date) &&
         klynge_period_contains_day (period, klynge_date_get_first_day (date));
}

/**
 * klynge_period_overlaps:
 * @a: a period
 * @b: another period
 *
 * Returns: %TRUE if @a and @b have at least one day in common
 */
gboolean
klynge_period_overlaps (const KlyngePeriod *a,
                        const KlyngePeriod *b)
{
  guint32 first_a, last_a, first_b, last_b;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return period_get_days (a, &first_a, &last_a) &&
         period_get_days (b, &first_b, &last_b) &&
         first_a <= last_b && first_b <= last_a;
}

/**
 * klynge_period_intersect:
 * @a: a period
 * @b: another period
 * @intersection: (out caller-allocates) (optional): where to store the
 *   days @a and @b have in common
 *
 * Computes the days two periods share. Its start is the later of the two
 * start dates and its end the earlier of the two end dates, each with its
 * own precision: `2020` and `2019-10-01..2021-09-30` share `2020..2020`.
 * When the periods share no day, @intersection is zero-filled.
 *
 * Returns: %TRUE if the periods overlap
 */
gboolean
klynge_period_intersect (const KlyngePeriod *a,
                         const KlyngePeriod *b,
                         KlyngePeriod       *intersection)
{
  guint32 first_a, last_a, first_b, last_b;
  KlyngePeriod result = { { 0, }, };
  gboolean overlap;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  overlap = period_get_days (a, &first_a, &last_a) &&
            period_get_days (b, &first_b, &last_b) &&
            first_a <= last_b && first_b <= last_a;
  if (overlap)
    {
      result.start = first_a >= first_b ? a->start : b->start;
      result.end = last_a <= last_b ? a->end : b->end;
    }

  if (intersection != NULL)
    *intersection = result;
  return overlap;
}

/**
 * klynge_period_split_by_year:
 * @period: a period
 *
 * Splits @period at calendar year boundaries:
 * `2019-10-01..2021-09-30` gives `2019-10-01..2019-12-31`,
 * `2020-01-01..2020-12-31` and `2021-01-01..2021-09-30`. The parts have
 * dates of day precision and come in order.
 *
 * The array's free function is klynge_period_free(), so
 * g_ptr_array_unref() frees the parts with the array; take a part out with
 * g_ptr_array_steal_index() or copy it to keep it longer.
 *
 * Returns: (transfer container) (element-type KlyngePeriod): the parts,
 *   one per calendar year; empty for a zero-filled period
 */
GPtrArray *
klynge_period_split_by_year (const KlyngePeriod *period)
{
  GPtrArray *parts;
  guint32 first, last;
  guint year;

  g_return_val_if_fail (period != NULL, NULL);

  if (!period_get_days (period, &first, &last))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_period_free);

  parts = g_ptr_array_new_full (period->end.year - period->start.year + 1,
                                (GDestroyNotify) klynge_period_free);
  for (year = period->start.year; year <= period->end.year; year++)
    {
      KlyngeDate whole_year = { .year = year };
      KlyngePeriod *part = g_new (KlyngePeriod, 1);

      klynge_period_init_days (part,
                               MAX (first, klynge_date_get_first_day (&whole_year)),
                               MIN (last, klynge_date_get_last_day (&whole_year)));
      g_ptr_array_add (parts, part);
    }

  return parts;
}

/* C(k) = ⌊amount × k ÷ n⌋ for 0 ≤ k ≤ n, exactly. With amount = q·n + r,
 * it is q·k + ⌊r·k ÷ n⌋: q·k ≤ amount, and r·k < n² stays far below 2⁶⁴
 * because n, a number of days in years 1000 to 9999, is below 2²². */
static guint64
cumulative_share (guint64 amount,
                  guint64 k,
                  guint64 n)
{
  return amount / n * k + amount % n * k / n;
}

/**
 * klynge_period_prorate_days:
 * @period: a period
 * @amount: the amount for the whole of @period, at least 0
 * @first_day: the GDate julian day number of the part's first day
 * @last_day: the day number of the part's last day
 *
 * The share of @amount that falls on the days @first_day through
 * @last_day of @period, by days, in exact integers. Days outside @period
 * count for nothing.
 *
 * With the period's days numbered 1 to n, the share of days a to b is
 * C(b) − C(a − 1), where C(k) = ⌊@amount × k ÷ n⌋. So the shares of any
 * split of the period sum to exactly @amount, and the share of any span
 * equals the sum of the shares of any split of that span.
 *
 * Returns: the share, between 0 and @amount
 */
gint64
klynge_period_prorate_days (const KlyngePeriod *period,
                            gint64              amount,
                            guint32             first_day,
                            guint32             last_day)
{
  guint32 start, end, a, b, n;

  g_return_val_if_fail (period != NULL, 0);
  g_return_val_if_fail (amount >= 0, 0);
  g_return_val_if_fail (period_get_days (period, &start, &end), 0);

  a = MAX (first_day, start);
  b = MIN (last_day, end);
  if (a > b)
    return 0;

  n = end - start + 1;
  return cumulative_share (amount, b - start + 1, n) -
         cumulative_share (amount, a - start, n);
}

/**
 * klynge_period_prorate:
 * @period: a period
 * @amount: the amount for the whole of @period, at least 0
 * @part: the period to find the share of
 *
 * The share of @amount that falls on the days of @part, as
 * klynge_period_prorate_days() computes it: the part of @part outside
 * @period counts for nothing. For 800000000 øre over
 * `2019-10-01..2021-09-30`, the year 2020 gets 400547196.
 *
 * Returns: the share, between 0 and @amount
 */
gint64
klynge_period_prorate (const KlyngePeriod *period,
                       gint64              amount,
                       const KlyngePeriod *part)
{
  guint32 first, last;

  g_return_val_if_fail (period != NULL, 0);
  g_return_val_if_fail (amount >= 0, 0);
  g_return_val_if_fail (part != NULL, 0);

  if (!period_get_days (part, &first, &last))
    return 0;

  return klynge_period_prorate_days (period, amount, first, last);
}

/**
 * klynge_period_equal:
 * @a: a period
 * @b: another period
 *
 * Whether two periods are the same, date precision included: `2020..2020`
 * and `2020-01-01..2020-12-31` cover the same days but are not equal.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
klynge_period_equal (const KlyngePeriod *a,
                     const KlyngePeriod *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return klynge_date_equal (&a->start, &b->start) &&
         klynge_date_equal (&a->end, &b->end);
}
