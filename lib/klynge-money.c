/* klynge-money.c: exact amounts in øre and percent shares in basis points
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Both are decimals with at most two decimals, stored as integers in
 * hundredths: øre (DKK × 100) and basis points (percent × 100). No value
 * ever passes through a double.
 */
#include "config.h"

#include <string.h>

#include "klynge-private.h"

typedef enum {
  DECIMAL_OK,
  DECIMAL_MALFORMED,
  DECIMAL_SIGNED,
  DECIMAL_TOO_PRECISE,
  DECIMAL_TOO_LARGE,
} DecimalStatus;

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Parses `(0|[1-9][0-9]*)(\.[0-9]{1,2})?` into hundredths no larger than
 * @limit, and reports how many decimals were written. */
static DecimalStatus
parse_hundredths (const char *text,
                  guint64     limit,
                  guint64    *value,
                  guint      *decimals)
{
  const char *p = text;
  guint64 whole = 0, fraction = 0;
  gboolean too_large = FALSE;
  guint n_decimals = 0;

  if (*p == '-' || *p == '+')
    return DECIMAL_SIGNED;
  if (!is_digit (*p) || (p[0] == '0' && is_digit (p[1])))
    return DECIMAL_MALFORMED;

  /* Keep scanning once too large, so that malformed text is reported as
   * such however long it is. */
  for (; is_digit (*p); p++)
    {
      if (whole > limit / 100)
        too_large = TRUE;
      else
        whole = whole * 10 + (guint64) (*p - '0');
    }

  if (*p == '.')
    {
      for (p++; is_digit (*p); p++, n_decimals++)
        if (n_decimals < 2)
          fraction = fraction * 10 + (guint64) (*p - '0');
      if (n_decimals == 0)
        return DECIMAL_MALFORMED;
    }

  if (*p != '\0')
    return DECIMAL_MALFORMED;
  if (n_decimals > 2)
    return DECIMAL_TOO_PRECISE;

  if (n_decimals == 1)
    fraction *= 10;
  if (too_large || whole > (limit - fraction) / 100)
    return DECIMAL_TOO_LARGE;

  *value = whole * 100 + fraction;
  *decimals = n_decimals;
  return DECIMAL_OK;
}

/* Formats hundredths with at least @decimals decimals and as many more as
 * the value needs. */
static char *
format_hundredths (const char *sign,
                   guint64     value,
                   guint       decimals)
{
  guint64 whole = value / 100;
  guint fraction = value % 100;
  guint needed = fraction == 0 ? 0 : fraction % 10 == 0 ? 1 : 2;

  switch (MAX (decimals, needed))
    {
    case 0:
      return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, whole);
    case 1:
      return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", sign, whole,
                              fraction / 10);
    default:
      return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign, whole,
                              fraction);
    }
}

/**
 * klynge_money_parse:
 * @text: an amount in kroner, such as `8000000.00`, `1250000` or `0.5`
 * @ore: (out): where to store the amount in øre
 * @decimals: (out) (optional): where to store how many decimals @text
 *   has (0, 1 or 2), so that klynge_money_to_string() can write it back
 *   the same way
 * @error: return location for a #GError, or %NULL
 *
 * Parses a non-negative amount of kroner with at most two decimals. The
 * integer part is `0` or has no leading zeros; a decimal point needs a
 * digit before it and one or two after it. Signs, exponents, spaces,
 * thousands separators, `.5` and `5.` are rejected, as are amounts above
 * %KLYNGE_MONEY_MAX øre.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_BAD_MONEY otherwise, leaving @ore and @decimals unchanged
 */
gboolean
klynge_money_parse (const char  *text,
                    gint64      *ore,
                    guint       *decimals,
                    GError     **error)
{
  const char *reason;
  guint64 value;
  guint n_decimals;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (ore != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (parse_hundredths (text, KLYNGE_MONEY_MAX, &value, &n_decimals))
    {
    case DECIMAL_OK:
      *ore = value;
      if (decimals != NULL)
        *decimals = n_decimals;
      return TRUE;
    case DECIMAL_SIGNED:
      reason = "amounts are written without a sign";
      break;
    case DECIMAL_TOO_PRECISE:
      reason = "an amount has at most two decimals";
      break;
    case DECIMAL_TOO_LARGE:
      reason = "it is larger than the largest amount, 92233720368547758.07";
      break;
    case DECIMAL_MALFORMED:
    default:
      reason = "expected kroner with at most two decimals, such as 8000000.00";
      break;
    }

  if (error != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_MONEY,
                   "“%s” is not an amount: %s", shown, reason);
    }
  return FALSE;
}

/**
 * klynge_money_to_string:
 * @ore: an amount in øre
 * @decimals: the least number of decimals to write, 0 to 2
 *
 * Formats an amount in kroner with at least @decimals decimals, and more
 * where the amount needs them to be exact: `(800000000, 2)` gives
 * `8000000.00`, `(800000000, 0)` gives `8000000`, `(50, 0)` gives `0.5`.
 * Writing an amount with the decimals klynge_money_parse() reported gives
 * back the parsed text. Negative amounts (differences) get a leading `-`.
 *
 * Returns: (transfer full): the text, to be freed with g_free()
 */
char *
klynge_money_to_string (gint64 ore,
                        guint  decimals)
{
  g_return_val_if_fail (decimals <= 2, NULL);

  /* Negating in unsigned arithmetic is defined even for G_MININT64. */
  if (ore < 0)
    return format_hundredths ("-", -(guint64) ore, decimals);
  return format_hundredths ("", ore, decimals);
}

/**
 * klynge_money_to_grouped_string:
 * @ore: an amount in øre
 *
 * Formats an amount in kroner for people to read: two decimals and the
 * thousands separated by commas, so `800000000` gives `8,000,000.00` and
 * `-123456` gives `-1,234.56`. The separators are always these, whatever
 * the locale, so that reports read the same everywhere;
 * klynge_money_parse() does not read this form back.
 *
 * Returns: (transfer full): the text, to be freed with g_free()
 */
char *
klynge_money_to_grouped_string (gint64 ore)
{
  g_autofree char *plain = klynge_money_to_string (ore, 2);
  const char *digits = plain[0] == '-' ? plain + 1 : plain;
  gsize whole = strlen (digits) - 3;      /* the digits before ".DD" */
  GString *out = g_string_sized_new (strlen (plain) + whole / 3);

  if (digits != plain)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, digits + whole);
  return g_string_free (out, FALSE);
}

/**
 * klynge_percent_parse:
 * @text: a percent from 0 to 100, such as `50`, `33.34` or `0.5`
 * @basis_points: (out): where to store the percent in basis points
 *   (hundredths of a percent): 5050 for `50.5`
 * @decimals: (out) (optional): where to store how many decimals @text
 *   has (0, 1 or 2)
 * @error: return location for a #GError, or %NULL
 *
 * Parses a percent written as klynge_money_parse() reads amounts, whose
 * value must be at most 100.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_BAD_PERCENT otherwise, leaving @basis_points and
 *   @decimals unchanged
 */
gboolean
klynge_percent_parse (const char  *text,
                      guint       *basis_points,
                      guint       *decimals,
                      GError     **error)
{
  const char *reason;
  guint64 value;
  guint n_decimals;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (basis_points != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (parse_hundredths (text, 10000, &value, &n_decimals))
    {
    case DECIMAL_OK:
      *basis_points = value;
      if (decimals != NULL)
        *decimals = n_decimals;
      return TRUE;
    case DECIMAL_SIGNED:
      reason = "percents are written without a sign";
      break;
    case DECIMAL_TOO_PRECISE:
      reason = "a percent has at most two decimals";
      break;
    case DECIMAL_TOO_LARGE:
      reason = "it is more than 100";
      break;
    case DECIMAL_MALFORMED:
    default:
      reason = "expected a number from 0 to 100 with at most two decimals, "
               "such as 50 or 33.34";
      break;
    }

  if (error != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERCENT,
                   "“%s” is not a percent: %s", shown, reason);
    }
  return FALSE;
}

/**
 * klynge_percent_to_string:
 * @basis_points: a percent in basis points (hundredths of a percent)
 * @decimals: the least number of decimals to write, 0 to 2
 *
 * Formats a percent, without a `%` sign, as klynge_money_to_string()
 * formats amounts: `(5000, 0)` gives `50`, `(5000, 2)` gives `50.00`,
 * `(3334, 0)` gives `33.34`. Values above 100 (a sum of shares, say) are
 * written the same way.
 *
 * Returns: (transfer full): the text, to be freed with g_free()
 */
char *
klynge_percent_to_string (guint basis_points,
                          guint decimals)
{
  g_return_val_if_fail (decimals <= 2, NULL);

  return format_hundredths ("", basis_points, decimals);
}

gboolean
_klynge_money_add (gint64      *sum,
                   gint64       amount,
                   const char  *what,
                   GError     **error)
{
  /* both are at least 0, so the only way out of range is above the top */
  g_return_val_if_fail (*sum >= 0 && amount >= 0, FALSE);

  if (*sum > KLYNGE_MONEY_MAX - amount)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_OVERFLOW,
                   "%s: the sum exceeds the largest amount, %" G_GINT64_FORMAT " øre",
                   what, (gint64) KLYNGE_MONEY_MAX);
      return FALSE;
    }
  *sum += amount;
  return TRUE;
}
