/* test-date.c: KlyngeDate, partial calendar dates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "klynge-private.h"
#include "klynge-test.h"

static guint32
julian (guint year,
        guint month,
        guint day)
{
  GDate gdate;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, year);
  return g_date_get_julian (&gdate);
}

static KlyngeDate
date_from_text (const char *text)
{
  KlyngeDate date = { 0, };
  GError *error = NULL;

  ck_assert_msg (klynge_date_parse (text, &date, &error),
                 "“%s”: %s", text, error ? error->message : "");
  return date;
}

/* --- parsing ---------------------------------------------------------- */

static const struct {
  const char *text;
  guint year, month, day;
  KlyngeDatePrecision precision;
} good_dates[] = {
  { "2014", 2014, 0, 0, KLYNGE_DATE_PRECISION_YEAR },
  { "2020-05", 2020, 5, 0, KLYNGE_DATE_PRECISION_MONTH },
  { "2019-10-01", 2019, 10, 1, KLYNGE_DATE_PRECISION_DAY },
  { "1000", 1000, 0, 0, KLYNGE_DATE_PRECISION_YEAR },
  { "1000-01-01", 1000, 1, 1, KLYNGE_DATE_PRECISION_DAY },
  { "9999-12-31", 9999, 12, 31, KLYNGE_DATE_PRECISION_DAY },
  { "2020-02-29", 2020, 2, 29, KLYNGE_DATE_PRECISION_DAY },
  { "2000-02-29", 2000, 2, 29, KLYNGE_DATE_PRECISION_DAY },
  { "2019-04-30", 2019, 4, 30, KLYNGE_DATE_PRECISION_DAY },
  { "2019-12", 2019, 12, 0, KLYNGE_DATE_PRECISION_MONTH },
  { "2019-01-31", 2019, 1, 31, KLYNGE_DATE_PRECISION_DAY },
};

START_TEST (test_date_parse_keeps_precision_and_round_trips)
{
  KlyngeDate date;
  GError *error = NULL;
  g_autofree char *text = NULL;

  ck_assert (klynge_date_parse (good_dates[_i].text, &date, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (date.year, good_dates[_i].year);
  ck_assert_uint_eq (date.month, good_dates[_i].month);
  ck_assert_uint_eq (date.day, good_dates[_i].day);
  ck_assert_int_eq (klynge_date_get_precision (&date), good_dates[_i].precision);
  ck_assert (klynge_date_is_set (&date));
  ck_assert (klynge_date_is_valid (&date));

  text = klynge_date_to_string (&date);
  ck_assert_str_eq (text, good_dates[_i].text);
}
END_TEST

static const char * const bad_dates[] = {
  "2019-02-29",             /* common year */
  "1900-02-29",             /* divisible by 100, not by 400 */
  "2100-02-29",
  "2019-04-31",
  "2019-01-32",
  "2019-04-00",
  "2019-13",
  "2019-00",
  "2019-13-01",
  "19-10-01",
  "0999",
  "0000",
  "999",
  "10000",
  "+2019",
  "-2019",
  "2019-+1",
  " 2019",
  "2019 ",
  "2019 -10",
  "2019-10-01 ",
  "2019-1",
  "2019-1-01",
  "2019-01-1",
  "2019-",
  "2019-01-",
  "2019/01/01",
  "20190101",
  "2019-10-01T00:00",
  "2019-10-01x",
  "2019–10",                /* en dash */
  "٢٠١٩",                   /* Arabic-Indic digits */
  "２０１９",               /* full-width digits */
  "",
  "\xff\xfe\xfd\xfc",
};

START_TEST (test_date_parse_rejects_malformed_text)
{
  KlyngeDate date = { 1234, 5, 6 };
  GError *error = NULL;

  ck_assert_msg (!klynge_date_parse (bad_dates[_i], &date, &error),
                 "“%s” was accepted", bad_dates[_i]);
  ck_assert (g_utf8_validate (error->message, -1, NULL));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
  /* A failed parse leaves the date alone. */
  ck_assert_uint_eq (date.year, 1234);
  ck_assert_uint_eq (date.month, 5);
  ck_assert_uint_eq (date.day, 6);

  ck_assert (!klynge_date_parse (bad_dates[_i], &date, NULL));
}
END_TEST

START_TEST (test_date_parse_rejects_feb_29_in_common_year)
{
  KlyngeDate date;
  GError *error = NULL;

  ck_assert (!klynge_date_parse ("2019-02-29", &date, &error));
  ck_assert_str_eq (error->message,
                    "“2019-02-29” is not a date: February 2019 has 28 days");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
}
END_TEST

START_TEST (test_date_parse_errors_say_why)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "2019-13", "“2019-13” is not a date: there is no month 13" },
    { "2019-00", "“2019-00” is not a date: there is no month 0" },
    { "2019-04-31", "“2019-04-31” is not a date: April 2019 has 30 days" },
    { "2019-04-00", "“2019-04-00” is not a date: there is no day 0" },
    { "0999", "“0999” is not a date: the year must be between 1000 and 9999" },
    { "19-10-01", "“19-10-01” is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngeDate date;
      GError *error = NULL;

      ck_assert (!klynge_date_parse (cases[i].text, &date, &error));
      ck_assert_str_eq (error->message, cases[i].message);
      ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
    }
}
END_TEST

START_TEST (test_date_leap_years_follow_the_gregorian_rule)
{
  KlyngeDate date;
  KlyngeDate feb;

  ck_assert (klynge_date_parse ("2000-02-29", &date, NULL));
  ck_assert (!klynge_date_parse ("1900-02-29", &date, NULL));
  ck_assert (klynge_date_parse ("2020-02-29", &date, NULL));
  ck_assert (!klynge_date_parse ("2021-02-29", &date, NULL));
  ck_assert (klynge_date_parse ("2400-02-29", &date, NULL));

  ck_assert (klynge_date_init (&feb, 2000, 2, 0));
  ck_assert_uint_eq (klynge_date_get_last_day (&feb), julian (2000, 2, 29));
  ck_assert (klynge_date_init (&feb, 1900, 2, 0));
  ck_assert_uint_eq (klynge_date_get_last_day (&feb), julian (1900, 2, 28));
  ck_assert (klynge_date_init (&feb, 2020, 2, 0));
  ck_assert_uint_eq (klynge_date_get_last_day (&feb), julian (2020, 2, 29));
}
END_TEST

START_TEST (test_date_parse_len_reads_only_the_given_bytes)
{
  static const char unterminated[10] = { '2', '0', '1', '9', '-', '1', '0', '-', '0', '1' };
  const char *text = "2019-10-01junk";
  KlyngeDate date;
  GError *error = NULL;

  ck_assert (klynge_date_parse_len (unterminated, sizeof unterminated, &date, &error));
  ck_assert_no_error (error);
  ck_assert (klynge_date_equal (&date, &(KlyngeDate) { 2019, 10, 1 }));

  ck_assert (klynge_date_parse_len (text, 10, &date, NULL));
  ck_assert (klynge_date_equal (&date, &(KlyngeDate) { 2019, 10, 1 }));
  ck_assert (klynge_date_parse_len (text, 7, &date, NULL));
  ck_assert (klynge_date_equal (&date, &(KlyngeDate) { 2019, 10, 0 }));
  ck_assert (klynge_date_parse_len (text, 4, &date, NULL));
  ck_assert (klynge_date_equal (&date, &(KlyngeDate) { 2019, 0, 0 }));

  ck_assert (!klynge_date_parse_len (text, 11, &date, &error));
  ck_assert_str_eq (error->message,
                    "“2019-10-01j” is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
  ck_assert (!klynge_date_parse_len (text, 0, &date, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
  ck_assert (!klynge_date_parse_len ("2019\0000", 6, &date, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
  ck_assert (klynge_date_parse_len ("2014", -1, &date, NULL));
  ck_assert (klynge_date_equal (&date, &(KlyngeDate) { 2014, 0, 0 }));
}
END_TEST

START_TEST (test_date_new_from_string_reports_bad_dates)
{
  g_autoptr(KlyngeDate) date = NULL;
  GError *error = NULL;

  ck_assert_ptr_null (klynge_date_new_from_string ("2019-02-29", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);

  date = klynge_date_new_from_string ("2020-05", &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (date);
  ck_assert (klynge_date_equal (date, &(KlyngeDate) { 2020, 5, 0 }));
}
END_TEST

/* --- building ----------------------------------------------------------- */

START_TEST (test_date_init_accepts_only_real_dates)
{
  static const struct {
    guint year, month, day;
    gboolean valid;
  } cases[] = {
    { 2014, 0, 0, TRUE },
    { 2020, 5, 0, TRUE },
    { 2019, 10, 1, TRUE },
    { 2020, 2, 29, TRUE },
    { 2019, 2, 29, FALSE },
    { 2019, 0, 5, FALSE },         /* a day without a month */
    { 2019, 13, 0, FALSE },
    { 2019, 6, 31, FALSE },
    { 999, 1, 1, FALSE },
    { 10000, 1, 1, FALSE },
    { 0, 0, 0, FALSE },
    { 65536 + 2019, 1, 1, FALSE },  /* would wrap to 2019 in 16 bits */
    { 2019, 256 + 1, 1, FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngeDate date = { 1234, 5, 6 };
      gboolean valid = klynge_date_init (&date, cases[i].year, cases[i].month,
                                         cases[i].day);

      ck_assert_msg (valid == cases[i].valid, "case %" G_GSIZE_FORMAT, i);
      if (valid)
        {
          ck_assert_uint_eq (date.year, cases[i].year);
          ck_assert_uint_eq (date.month, cases[i].month);
          ck_assert_uint_eq (date.day, cases[i].day);
        }
      else
        ck_assert (!klynge_date_is_set (&date));
    }
}
END_TEST

START_TEST (test_date_is_valid_checks_hand_filled_fields)
{
  ck_assert (klynge_date_is_valid (&(KlyngeDate) { 2019, 10, 1 }));
  ck_assert (!klynge_date_is_valid (&(KlyngeDate) { 0, 0, 0 }));
  ck_assert (!klynge_date_is_valid (&(KlyngeDate) { 2019, 2, 29 }));
  ck_assert (!klynge_date_is_valid (&(KlyngeDate) { 2019, 0, 1 }));
  ck_assert (!klynge_date_is_valid (&(KlyngeDate) { 2019, 13, 0 }));
  ck_assert (!klynge_date_is_valid (&(KlyngeDate) { 900, 1, 1 }));
}
END_TEST

START_TEST (test_date_unset_is_no_date)
{
  KlyngeDate unset = { 0, };
  g_autofree char *text = klynge_date_to_string (&unset);
  GDate gdate;

  ck_assert (!klynge_date_is_set (&unset));
  ck_assert_int_eq (klynge_date_get_precision (&unset), KLYNGE_DATE_PRECISION_NONE);
  ck_assert_uint_eq (klynge_date_get_first_day (&unset), 0);
  ck_assert_uint_eq (klynge_date_get_last_day (&unset), 0);
  ck_assert_str_eq (text, "");
  klynge_date_to_gdate (&unset, &gdate);
  ck_assert (!g_date_valid (&gdate));
}
END_TEST

START_TEST (test_date_boxed_type_copies_and_frees)
{
  KlyngeDate *date = klynge_date_new (2019, 10, 1);
  KlyngeDate *copy;
  GEnumClass *precision_class;

  ck_assert (G_TYPE_IS_BOXED (KLYNGE_TYPE_DATE));
  copy = g_boxed_copy (KLYNGE_TYPE_DATE, date);
  ck_assert_ptr_ne (copy, date);
  ck_assert (klynge_date_equal (copy, date));
  g_boxed_free (KLYNGE_TYPE_DATE, copy);
  klynge_date_free (date);
  klynge_date_free (NULL);

  precision_class = g_type_class_ref (KLYNGE_TYPE_DATE_PRECISION);
  ck_assert_int_eq (g_enum_get_value_by_nick (precision_class, "none")->value,
                    KLYNGE_DATE_PRECISION_NONE);
  ck_assert_int_eq (g_enum_get_value_by_nick (precision_class, "year")->value,
                    KLYNGE_DATE_PRECISION_YEAR);
  ck_assert_int_eq (g_enum_get_value_by_nick (precision_class, "month")->value,
                    KLYNGE_DATE_PRECISION_MONTH);
  ck_assert_int_eq (g_enum_get_value_by_nick (precision_class, "day")->value,
                    KLYNGE_DATE_PRECISION_DAY);
  g_type_class_unref (precision_class);
}
END_TEST

START_TEST (test_date_init_today_is_a_valid_day)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  KlyngeDate today;

  klynge_date_init_today (&today);
  after = g_date_time_new_now_local ();

  ck_assert (klynge_date_is_valid (&today));
  ck_assert_int_eq (klynge_date_get_precision (&today), KLYNGE_DATE_PRECISION_DAY);
  /* Midnight may pass between the two readings. */
  ck_assert ((g_date_time_get_year (before) == today.year &&
              g_date_time_get_month (before) == today.month &&
              g_date_time_get_day_of_month (before) == today.day) ||
             (g_date_time_get_year (after) == today.year &&
              g_date_time_get_month (after) == today.month &&
              g_date_time_get_day_of_month (after) == today.day));
}
END_TEST

/* --- day numbers ---------------------------------------------------------- */

START_TEST (test_date_first_and_last_day_of_partial_dates)
{
  static const struct {
    const char *text;
    guint first[3], last[3];   /* year, month, day */
  } cases[] = {
    { "2014", { 2014, 1, 1 }, { 2014, 12, 31 } },
    { "2020-05", { 2020, 5, 1 }, { 2020, 5, 31 } },
    { "2020-02", { 2020, 2, 1 }, { 2020, 2, 29 } },
    { "2019-02", { 2019, 2, 1 }, { 2019, 2, 28 } },
    { "2019-04", { 2019, 4, 1 }, { 2019, 4, 30 } },
    { "2019-10-01", { 2019, 10, 1 }, { 2019, 10, 1 } },
    { "1000", { 1000, 1, 1 }, { 1000, 12, 31 } },
    { "9999-12", { 9999, 12, 1 }, { 9999, 12, 31 } },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngeDate date = date_from_text (cases[i].text);

      ck_assert_uint_eq (klynge_date_get_first_day (&date),
                         julian (cases[i].first[0], cases[i].first[1], cases[i].first[2]));
      ck_assert_uint_eq (klynge_date_get_last_day (&date),
                         julian (cases[i].last[0], cases[i].last[1], cases[i].last[2]));
    }
}
END_TEST

START_TEST (test_date_day_numbers_agree_with_gdate_in_every_supported_year)
{
  guint32 first = julian (1000, 1, 1);
  guint32 last = julian (9999, 12, 31);
  guint32 day;

  /* A step prime to 7, 365 and 146097 visits every weekday, month day and
   * position in the 400-year cycle; the ends are checked exactly. */
  for (day = first; ; day = MIN (day + 37, last))
    {
      KlyngeDate date;
      GDate gdate;

      klynge_date_init_from_day (&date, day);
      g_date_clear (&gdate, 1);
      g_date_set_julian (&gdate, day);

      ck_assert_uint_eq (date.year, g_date_get_year (&gdate));
      ck_assert_uint_eq (date.month, g_date_get_month (&gdate));
      ck_assert_uint_eq (date.day, g_date_get_day (&gdate));
      ck_assert_uint_eq (klynge_date_get_first_day (&date), day);
      ck_assert_uint_eq (klynge_date_get_last_day (&date), day);
      if (day == last)
        break;
    }

  /* Every day of a leap-year February and its neighbours. */
  for (day = julian (2020, 1, 25); day <= julian (2020, 3, 5); day++)
    {
      KlyngeDate date;

      klynge_date_init_from_day (&date, day);
      ck_assert_uint_eq (julian (date.year, date.month, date.day), day);
    }
}
END_TEST

START_TEST (test_date_init_from_day_zero_clears)
{
  KlyngeDate date = { 2019, 10, 1 };

  klynge_date_init_from_day (&date, 0);
  ck_assert (!klynge_date_is_set (&date));
}
END_TEST

START_TEST (test_date_to_gdate_gives_the_first_day)
{
  KlyngeDate date = date_from_text ("2020-05");
  GDate gdate;

  klynge_date_to_gdate (&date, &gdate);
  ck_assert (g_date_valid (&gdate));
  ck_assert_uint_eq (g_date_get_year (&gdate), 2020);
  ck_assert_uint_eq (g_date_get_month (&gdate), G_DATE_MAY);
  ck_assert_uint_eq (g_date_get_day (&gdate), 1);

  date = date_from_text ("2019-10-01");
  klynge_date_to_gdate (&date, &gdate);
  ck_assert_uint_eq (g_date_get_julian (&gdate), julian (2019, 10, 1));
}
END_TEST

/* --- comparing ---------------------------------------------------------- */

START_TEST (test_date_compare_uses_first_days_only)
{
  KlyngeDate year = date_from_text ("2019");
  KlyngeDate month = date_from_text ("2019-01");
  KlyngeDate day = date_from_text ("2019-01-01");
  KlyngeDate later = date_from_text ("2019-01-02");
  KlyngeDate december = date_from_text ("2018-12");

  ck_assert_int_eq (klynge_date_compare (&year, &day), 0);
  ck_assert_int_eq (klynge_date_compare (&year, &month), 0);
  ck_assert_int_eq (klynge_date_compare (&month, &day), 0);
  ck_assert_int_lt (klynge_date_compare (&year, &later), 0);
  ck_assert_int_gt (klynge_date_compare (&later, &year), 0);
  /* December 2018 starts before 2019 but also ends before it. */
  ck_assert_int_lt (klynge_date_compare (&december, &year), 0);
}
END_TEST

static int
compare_dates (const void *a,
               const void *b)
{
  return klynge_date_compare (a, b);
}

START_TEST (test_date_compare_sorts_unset_first)
{
  KlyngeDate unset = { 0, };
  KlyngeDate earliest = date_from_text ("1000-01-01");
  KlyngeDate dates[] = {
    date_from_text ("2020"), { 0, }, date_from_text ("2019-10-01"),
    date_from_text ("1000"), date_from_text ("2019-10"),
  };

  ck_assert_int_lt (klynge_date_compare (&unset, &earliest), 0);
  ck_assert_int_gt (klynge_date_compare (&earliest, &unset), 0);
  ck_assert_int_eq (klynge_date_compare (&unset, &unset), 0);

  qsort (dates, G_N_ELEMENTS (dates), sizeof dates[0], compare_dates);
  ck_assert (!klynge_date_is_set (&dates[0]));
  ck_assert (klynge_date_equal (&dates[1], &(KlyngeDate) { 1000, 0, 0 }));
  /* 2019-10 and 2019-10-01 start on the same day, in either order. */
  ck_assert_int_eq (klynge_date_compare (&dates[2], &dates[3]), 0);
  ck_assert (klynge_date_equal (&dates[4], &(KlyngeDate) { 2020, 0, 0 }));
}
END_TEST

START_TEST (test_date_equal_includes_precision)
{
  KlyngeDate year = date_from_text ("2019");
  KlyngeDate day = date_from_text ("2019-01-01");
  KlyngeDate same = date_from_text ("2019-01-01");
  KlyngeDate unset_a = { 0, }, unset_b = { 0, };

  ck_assert (!klynge_date_equal (&year, &day));
  ck_assert (klynge_date_equal (&day, &same));
  ck_assert (klynge_date_equal (&unset_a, &unset_b));
  ck_assert (!klynge_date_equal (&unset_a, &year));
}
END_TEST

/* --- private helpers ---------------------------------------------------- */

START_TEST (test_date_pack_orders_by_day_then_precision)
{
  const char *in_order[] = {
    "1000", "1000-01", "1000-01-01", "1000-01-02", "2018-12", "2019",
    "2019-01", "2019-01-01", "2019-10", "2019-10-01", "2019-10-02",
    "2020-02-29", "9999-12-31",
  };
  guint32 previous = _klynge_date_pack (&(KlyngeDate) { 0, });
  gsize i;

  ck_assert_uint_eq (previous, 0);
  for (i = 0; i < G_N_ELEMENTS (in_order); i++)
    {
      KlyngeDate date = date_from_text (in_order[i]);
      KlyngeDate unpacked;
      guint32 packed = _klynge_date_pack (&date);

      ck_assert_msg (packed > previous, "%s does not pack after its predecessor",
                     in_order[i]);
      ck_assert_uint_eq (packed >> 2, klynge_date_get_first_day (&date));
      ck_assert_uint_eq (packed & 3, klynge_date_get_precision (&date));

      _klynge_date_unpack (packed, &unpacked);
      ck_assert (klynge_date_equal (&unpacked, &date));
      previous = packed;
    }
}
END_TEST

START_TEST (test_date_unpack_zero_is_no_date)
{
  KlyngeDate date = { 2019, 10, 1 };

  _klynge_date_unpack (0, &date);
  ck_assert (!klynge_date_is_set (&date));
}
END_TEST

START_TEST (test_date_format_writes_without_nul)
{
  char buf[11];

  memset (buf, '#', sizeof buf);
  ck_assert_uint_eq (_klynge_date_format (&(KlyngeDate) { 2019, 10, 1 }, buf), 10);
  ck_assert_int_eq (memcmp (buf, "2019-10-01#", 11), 0);
  ck_assert_uint_eq (_klynge_date_format (&(KlyngeDate) { 2020, 5, 0 }, buf), 7);
  ck_assert_int_eq (memcmp (buf, "2020-05", 7), 0);
  ck_assert_uint_eq (_klynge_date_format (&(KlyngeDate) { 1000, 0, 0 }, buf), 4);
  ck_assert_int_eq (memcmp (buf, "1000", 4), 0);
  ck_assert_uint_eq (_klynge_date_format (&(KlyngeDate) { 0, }, buf), 0);
}
END_TEST

static Suite *
date_suite (void)
{
  Suite *suite = suite_create ("date");
  TCase *parse = tcase_create ("parse");
  TCase *build = tcase_create ("build");
  TCase *days = tcase_create ("days");
  TCase *compare = tcase_create ("compare");
  TCase *private = tcase_create ("private");

  tcase_add_loop_test (parse, test_date_parse_keeps_precision_and_round_trips,
                       0, G_N_ELEMENTS (good_dates));
  tcase_add_loop_test (parse, test_date_parse_rejects_malformed_text,
                       0, G_N_ELEMENTS (bad_dates));
  tcase_add_test (parse, test_date_parse_rejects_feb_29_in_common_year);
  tcase_add_test (parse, test_date_parse_errors_say_why);
  tcase_add_test (parse, test_date_leap_years_follow_the_gregorian_rule);
  tcase_add_test (parse, test_date_parse_len_reads_only_the_given_bytes);
  tcase_add_test (parse, test_date_new_from_string_reports_bad_dates);
  suite_add_tcase (suite, parse);

  tcase_add_test (build, test_date_init_accepts_only_real_dates);
  tcase_add_test (build, test_date_is_valid_checks_hand_filled_fields);
  tcase_add_test (build, test_date_unset_is_no_date);
  tcase_add_test (build, test_date_boxed_type_copies_and_frees);
  tcase_add_test (build, test_date_init_today_is_a_valid_day);
  suite_add_tcase (suite, build);

  tcase_add_test (days, test_date_first_and_last_day_of_partial_dates);
  tcase_add_test (days, test_date_day_numbers_agree_with_gdate_in_every_supported_year);
  tcase_add_test (days, test_date_init_from_day_zero_clears);
  tcase_add_test (days, test_date_to_gdate_gives_the_first_day);
  suite_add_tcase (suite, days);

  tcase_add_test (compare, test_date_compare_uses_first_days_only);
  tcase_add_test (compare, test_date_compare_sorts_unset_first);
  tcase_add_test (compare, test_date_equal_includes_precision);
  suite_add_tcase (suite, compare);

  tcase_add_test (private, test_date_pack_orders_by_day_then_precision);
  tcase_add_test (private, test_date_unpack_zero_is_no_date);
  tcase_add_test (private, test_date_format_writes_without_nul);
  suite_add_tcase (suite, private);

  return suite;
}

int
main (void)
{
  return klynge_test_run (date_suite ());
}
