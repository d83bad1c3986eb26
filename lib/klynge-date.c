/* klynge-date.c: calendar dates that keep their precision
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Day numbers are GDate julian day numbers (1 is 1 January of year 1 in the
 * proleptic Gregorian calendar), so they mix freely with GDate. They are
 * computed here with plain integer arithmetic rather than through GDate,
 * because the XML reader converts millions of dates.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "klynge-private.h"

#define MIN_YEAR 1000
#define MAX_YEAR 9999

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static inline gboolean
is_leap_year (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline guint
days_in_month (guint year,
               guint month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap_year (year) ? 29 : days[month - 1];
}

/* Howard Hinnant's days_from_civil(), shifted so that 0001-01-01 is day 1.
 * Years are counted from 1 March, which puts the leap day last. */
static guint32
day_from_ymd (guint year,
              guint month,
              guint day)
{
  guint y = month <= 2 ? year - 1 : year;
  guint era = y / 400;
  guint yoe = y - era * 400;
  guint doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  guint doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 305;
}

/* The inverse of day_from_ymd(); day_number must be at least 1. */
static void
ymd_from_day (guint32  day_number,
              guint   *year,
              guint   *month,
              guint   *day)
{
  guint z = day_number + 305;
  guint era = z / 146097;
  guint doe = z - era * 146097;
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

/* The first day a partial date stands for; the date must be set. */
static inline guint32
first_day_of (const KlyngeDate *date)
{
  return day_from_ymd (date->year,
                       date->month ? date->month : 1,
                       date->day ? date->day : 1);
}

G_DEFINE_ENUM_TYPE (KlyngeDatePrecision, klynge_date_precision,
  G_DEFINE_ENUM_VALUE (KLYNGE_DATE_PRECISION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (KLYNGE_DATE_PRECISION_YEAR, "year"),
  G_DEFINE_ENUM_VALUE (KLYNGE_DATE_PRECISION_MONTH, "month"),
  G_DEFINE_ENUM_VALUE (KLYNGE_DATE_PRECISION_DAY, "day"))

G_DEFINE_BOXED_TYPE (KlyngeDate, klynge_date, klynge_date_copy, klynge_date_free)

/**
 * klynge_date_new:
 * @year: the year, 1000 to 9999
 * @month: the month, 1 to 12, or 0 when only the year is known
 * @day: the day of the month, or 0 when only year and month are known
 *
 * Allocates a date. The arguments must form a valid date (see
 * klynge_date_init()); use klynge_date_new_from_string() for text that
 * may not.
 *
 * Returns: (transfer full): a new date; free it with klynge_date_free()
 */
KlyngeDate *
klynge_date_new (guint year,
                 guint month,
                 guint day)
{
  KlyngeDate date;

  g_return_val_if_fail (klynge_date_init (&date, year, month, day), NULL);

  return klynge_date_copy (&date);
}

/**
 * klynge_date_new_from_string:
 * @text: a date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @text as klynge_date_parse() does into a newly allocated date.
 *
 * Returns: (transfer full) (nullable): a new date, to be freed with
 *   klynge_date_free(), or %NULL with @error set to
 *   %KLYNGE_ERROR_BAD_DATE
 */
KlyngeDate *
klynge_date_new_from_string (const char  *text,
                             GError     **error)
{
  KlyngeDate date;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!klynge_date_parse (text, &date, error))
    return NULL;

  return klynge_date_copy (&date);
}

/**
 * klynge_date_copy:
 * @date: a date
 *
 * Copies a heap-allocated date. A #KlyngeDate on the stack or inside a
 * structure is copied by plain assignment instead.
 *
 * Returns: (transfer full): a copy of @date; free it with klynge_date_free()
 */
KlyngeDate *
klynge_date_copy (const KlyngeDate *date)
{
  KlyngeDate *copy;

  g_return_val_if_fail (date != NULL, NULL);

  copy = g_new (KlyngeDate, 1);
  *copy = *date;
  return copy;
}

/**
 * klynge_date_free:
 * @date: (nullable) (transfer full): a date from klynge_date_new(),
 *   klynge_date_new_from_string() or klynge_date_copy()
 *
 * Frees a heap-allocated date. Does nothing for %NULL.
 */
void
klynge_date_free (KlyngeDate *date)
{
  g_free (date);
}

/**
 * klynge_date_init:
 * @date: (out caller-allocates): the date to set
 * @year: the year, 1000 to 9999
 * @month: the month, 1 to 12, or 0 when only the year is known
 * @day: the day of the month, or 0 when only year and month are known
 *
 * Sets @date from its parts: `(2014, 0, 0)` is `2014`, `(2020, 5, 0)` is
 * `2020-05` and `(2019, 10, 1)` is `2019-10-01`.
 *
 * If the parts do not form a date (a year outside 1000 to 9999, month 13,
 * 29 February in a common year, a day without a month), @date is cleared
 * to "no date" and %FALSE is returned.
 *
 * Returns: %TRUE if the parts form a valid date
 */
gboolean
klynge_date_init (KlyngeDate *date,
                  guint       year,
                  guint       month,
                  guint       day)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (year < MIN_YEAR || year > MAX_YEAR || month > 12 ||
      (month == 0 && day != 0) ||
      (day != 0 && day > days_in_month (year, month)))
    {
      *date = (KlyngeDate) { 0, };
      return FALSE;
    }

  date->year = year;
  date->month = month;
  date->day = day;
  return TRUE;
}

/* Sets a KLYNGE_ERROR_BAD_DATE error quoting the text. Returns FALSE so
 * that callers can `return set_bad_date (...)`. Builds nothing when the
 * caller ignores errors, as the reader's fast paths may. */
static gboolean G_GNUC_PRINTF (4, 5)
set_bad_date (GError     **error,
              const char  *text,
              gsize        length,
              const char  *format,
              ...)
{
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;

  /* The text may be any bytes; a GError message must be UTF-8. */
  shown = g_utf8_make_valid (text, length);
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_DATE,
               "“%s” is not a date: %s", shown, reason);
  return FALSE;
}

/* Reads exactly @n ASCII digits. */
static inline gboolean
read_digits (const char *text,
             guint       n,
             guint      *value)
{
  guint v = 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      guint digit = (guchar) text[i] - '0';

      if (digit > 9)
        return FALSE;
      v = v * 10 + digit;
    }

  *value = v;
  return TRUE;
}

/**
 * klynge_date_parse_len:
 * @text: the text to parse; it need not be NUL-terminated
 * @length: the length of @text in bytes, or -1 if it is NUL-terminated
 * @date: (out caller-allocates): where to store the date
 * @error: return location for a #GError, or %NULL
 *
 * Parses exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as
 * klynge_date_parse() does, from the first @length bytes of @text. It
 * allocates nothing unless it reports an error.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_BAD_DATE otherwise, in which case @date is unchanged
 */
gboolean
klynge_date_parse_len (const char  *text,
                       gssize       length,
                       KlyngeDate  *date,
                       GError     **error)
{
  gsize len;
  guint year, month = 0, day = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;

  if ((len != 4 && len != 7 && len != 10) ||
      !read_digits (text, 4, &year) ||
      (len >= 7 && (text[4] != '-' || !read_digits (text + 5, 2, &month))) ||
      (len == 10 && (text[7] != '-' || !read_digits (text + 8, 2, &day))))
    return set_bad_date (error, text, len,
                         "expected YYYY, YYYY-MM or YYYY-MM-DD");

  if (year < MIN_YEAR)
    return set_bad_date (error, text, len,
                         "the year must be between %d and %d",
                         MIN_YEAR, MAX_YEAR);

  if (len >= 7 && (month < 1 || month > 12))
    return set_bad_date (error, text, len, "there is no month %u", month);

  if (len == 10)
    {
      guint last = days_in_month (year, month);

      if (day < 1)
        return set_bad_date (error, text, len, "there is no day 0");
      if (day > last)
        return set_bad_date (error, text, len, "%s %u has %u days",
                             month_names[month - 1], year, last);
    }

  date->year = year;
  date->month = month;
  date->day = day;
  return TRUE;
}

/**
 * klynge_date_parse:
 * @text: a date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @date: (out caller-allocates): where to store the date
 * @error: return location for a #GError, or %NULL
 *
 * Parses a date and keeps its precision: `2014` has year precision,
 * `2020-05` month precision and `2019-10-01` day precision.
 *
 * The text must be exactly one of the three forms, with ASCII digits, a
 * four-digit year from 1000 to 9999, two-digit months and days, and a day
 * that exists (`2020-02-29` does, `2019-02-29` does not). Signs, spaces
 * and anything else make it fail.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_BAD_DATE otherwise, in which case @date is unchanged
 */
gboolean
klynge_date_parse (const char  *text,
                   KlyngeDate  *date,
                   GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return klynge_date_parse_len (text, -1, date, error);
}

/* Writes digits right-aligned into p[0..n-1]. */
static inline void
put_digits (char  *p,
            guint  n,
            guint  value)
{
  while (n-- > 0)
    {
      p[n] = '0' + value % 10;
      value /= 10;
    }
}

char *
_klynge_date_text (const KlyngeDate *date,
                   const char       *unset)
{
  return date != NULL && klynge_date_is_set (date) ? klynge_date_to_string (date) : g_strdup (unset);
}

gsize
_klynge_date_format (const KlyngeDate *date,
                     char             *buf)
{
  g_return_val_if_fail (date != NULL, 0);
  g_return_val_if_fail (buf != NULL, 0);

  if (date->year == 0)
    return 0;

  put_digits (buf, 4, date->year);
  if (date->month == 0)
    return 4;

  buf[4] = '-';
  put_digits (buf + 5, 2, date->month);
  if (date->day == 0)
    return 7;

  buf[7] = '-';
  put_digits (buf + 8, 2, date->day);
  return 10;
}

/**
 * klynge_date_to_string:
 * @date: a date
 *
 * Formats @date in its own precision: `2014`, `2020-05` or `2019-10-01`,
 * the text klynge_date_parse() reads back to an equal date.
 *
 * Returns: (transfer full): the text, to be freed with g_free(); the empty
 *   string if @date is not set
 */
char *
klynge_date_to_string (const KlyngeDate *date)
{
  char buf[10];

  g_return_val_if_fail (date != NULL, NULL);

  return g_strndup (buf, _klynge_date_format (date, buf));
}

/**
 * klynge_date_is_set:
 * @date: a date
 *
 * Returns: %FALSE if @date is "no date" (its year is 0), %TRUE otherwise
 */
gboolean
klynge_date_is_set (const KlyngeDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->year != 0;
}

/**
 * klynge_date_is_valid:
 * @date: a date
 *
 * Checks the fields of a date that may have been filled in by hand, as
 * klynge_date_init() does. Dates from klynge_date_parse() and
 * klynge_date_init() are always valid.
 *
 * Returns: %TRUE if @date is set and names a real year, month or day;
 *   %FALSE for "no date" and for impossible fields
 */
gboolean
klynge_date_is_valid (const KlyngeDate *date)
{
  KlyngeDate check;

  g_return_val_if_fail (date != NULL, FALSE);

  return klynge_date_init (&check, date->year, date->month, date->day);
}

/**
 * klynge_date_get_precision:
 * @date: a date
 *
 * Returns: how much of @date is known; %KLYNGE_DATE_PRECISION_NONE if it
 *   is not set
 */
KlyngeDatePrecision
klynge_date_get_precision (const KlyngeDate *date)
{
  g_return_val_if_fail (date != NULL, KLYNGE_DATE_PRECISION_NONE);

  if (date->year == 0)
    return KLYNGE_DATE_PRECISION_NONE;
  if (date->month == 0)
    return KLYNGE_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return KLYNGE_DATE_PRECISION_MONTH;
  return KLYNGE_DATE_PRECISION_DAY;
}

/**
 * klynge_date_get_first_day:
 * @date: a valid date, or "no date"
 *
 * The first day @date stands for, as a GDate julian day number (see
 * g_date_get_julian()): 1 January 2014 for `2014`, 1 May 2020 for
 * `2020-05`.
 *
 * Returns: the day number, or 0 if @date is not set
 */
guint32
klynge_date_get_first_day (const KlyngeDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (date->year == 0)
    return 0;

  g_return_val_if_fail (klynge_date_is_valid (date), 0);

  return first_day_of (date);
}

/**
 * klynge_date_get_last_day:
 * @date: a valid date, or "no date"
 *
 * The last day @date stands for, as a GDate julian day number: 31
 * December 2024 for `2024`, 29 February 2020 for `2020-02`.
 *
 * Returns: the day number, or 0 if @date is not set
 */
guint32
klynge_date_get_last_day (const KlyngeDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (date->year == 0)
    return 0;

  g_return_val_if_fail (klynge_date_is_valid (date), 0);

  if (date->month == 0)
    return day_from_ymd (date->year, 12, 31);
  if (date->day == 0)
    return day_from_ymd (date->year, date->month,
                         days_in_month (date->year, date->month));
  return day_from_ymd (date->year, date->month, date->day);
}

gboolean
_klynge_date_span_certain_days (const KlyngeDate *start,
                                const KlyngeDate *end,
                                guint32          *first,
                                guint32          *last)
{
  *first = start != NULL && klynge_date_is_set (start) ? klynge_date_get_last_day (start) : 1;
  *last = end != NULL && klynge_date_is_set (end) ? klynge_date_get_first_day (end) : G_MAXUINT32;
  return *first <= *last;
}

gboolean
_klynge_days_cover_date (guint32           first,
                         guint32           last,
                         const KlyngeDate *date)
{
  return first <= klynge_date_get_first_day (date) && klynge_date_get_last_day (date) <= last;
}

/**
 * klynge_date_init_from_day:
 * @date: (out caller-allocates): the date to set
 * @day_number: a GDate julian day number in the years 1000 to 9999, or 0
 *
 * Sets @date to the day @day_number with day precision; 0 clears it to
 * "no date".
 */
void
klynge_date_init_from_day (KlyngeDate *date,
                           guint32     day_number)
{
  guint year, month, day;

  g_return_if_fail (date != NULL);

  *date = (KlyngeDate) { 0, };
  if (day_number == 0)
    return;

  g_return_if_fail (day_number >= day_from_ymd (MIN_YEAR, 1, 1) &&
                    day_number <= day_from_ymd (MAX_YEAR, 12, 31));

  ymd_from_day (day_number, &year, &month, &day);
  date->year = year;
  date->month = month;
  date->day = day;
}

/**
 * klynge_date_init_today:
 * @date: (out caller-allocates): the date to set
 *
 * Sets @date to today in the local time zone, with day precision.
 */
void
klynge_date_init_today (KlyngeDate *date)
{
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  g_return_if_fail (date != NULL);

  now = g_date_time_new_now_local ();
  g_date_time_get_ymd (now, &year, &month, &day);
  klynge_date_init (date, year, month, day);
}

/**
 * klynge_date_to_gdate:
 * @date: a valid date, or "no date"
 * @gdate: (out caller-allocates): the #GDate to set
 *
 * Sets @gdate to the first day @date stands for (1 May 2020 for
 * `2020-05`), or clears it (see g_date_valid()) if @date is not set.
 */
void
klynge_date_to_gdate (const KlyngeDate *date,
                      GDate            *gdate)
{
  guint32 day_number;

  g_return_if_fail (date != NULL);
  g_return_if_fail (gdate != NULL);

  g_date_clear (gdate, 1);
  day_number = klynge_date_get_first_day (date);
  if (day_number != 0)
    g_date_set_julian (gdate, day_number);
}

/**
 * klynge_date_compare:
 * @a: a date
 * @b: another date
 *
 * Orders dates by the first day they stand for, so `2019`, `2019-01` and
 * `2019-01-01` compare equal (use klynge_date_equal() to tell them apart).
 * "No date" sorts before every date. Usable with g_array_sort() and
 * friends.
 *
 * Returns: a negative value if @a comes before @b, 0 if they start on the
 *   same day, a positive value if @a comes after @b
 */
int
klynge_date_compare (const KlyngeDate *a,
                     const KlyngeDate *b)
{
  guint32 day_a, day_b;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  day_a = a->year ? first_day_of (a) : 0;
  day_b = b->year ? first_day_of (b) : 0;
  return (day_a > day_b) - (day_a < day_b);
}

/**
 * klynge_date_equal:
 * @a: a date
 * @b: another date
 *
 * Whether two dates are the same, precision included: `2019` and
 * `2019-01-01` are not equal, though klynge_date_compare() finds them
 * starting on the same day.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
klynge_date_equal (const KlyngeDate *a,
                   const KlyngeDate *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->year == b->year && a->month == b->month && a->day == b->day;
}

guint32
_klynge_date_pack (const KlyngeDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (date->year == 0)
    return 0;

  return (first_day_of (date) << 2) | klynge_date_get_precision (date);
}

void
_klynge_date_unpack (guint32     packed,
                     KlyngeDate *date)
{
  KlyngeDatePrecision precision = packed & 3;

  g_return_if_fail (date != NULL);
  g_return_if_fail (packed == 0 || precision != KLYNGE_DATE_PRECISION_NONE);

  klynge_date_init_from_day (date, packed >> 2);
  if (precision < KLYNGE_DATE_PRECISION_DAY)
    date->day = 0;
  if (precision < KLYNGE_DATE_PRECISION_MONTH)
    date->month = 0;
}
