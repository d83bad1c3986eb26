/* fuzz-values.c: libFuzzer harness for the value parsers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is cut into tokens at quotes, angle brackets, '=' and white
 * space, so the XML fixtures in tests/data are good seeds: their attribute
 * values (dates, amounts, percents, CVR numbers, identifiers) become
 * tokens. Every token, and the whole input, goes through every parser:
 * dates, periods, money, percents, CVR numbers, identifiers and text.
 * Each either refuses with its own KLYNGE_ERROR code or accepts a value
 * that formats to text it reads back to the same value; a CVR number is
 * checked against an independent modulus-11 computation, a LEI against
 * an independent MOD 97-10 one, and every identifier scheme's check
 * against the function that states its rule.
 */
#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <klynge/klynge.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FAIL(...) G_STMT_START { \
    fprintf (stderr, "fuzz-values: " __VA_ARGS__); \
    fputc ('\n', stderr); \
    abort (); \
  } G_STMT_END

#define MAX_TOKENS 256

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
expect_code (GError     *error,
             int         code,
             const char *what,
             const char *text)
{
  if (error == NULL)
    FAIL ("%s refused “%s” without an error", what, text);
  if (error->domain != KLYNGE_ERROR || error->code != code)
    FAIL ("%s refused “%s” with code %d, not %d: %s", what, text, error->code, code, error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    FAIL ("%s refused a value with a message that is not UTF-8", what);
}

static void
check_date (const char *text,
            gsize       length)
{
  KlyngeDate date, again;
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  gboolean ok = klynge_date_parse_len (text, (gssize) length, &date, &error);
  gboolean ok_nul = FALSE;

  if (strlen (text) == length)
    {
      g_autoptr(GError) error2 = NULL;

      ok_nul = klynge_date_parse (text, &again, &error2);
      if (ok != ok_nul || (ok && !klynge_date_equal (&date, &again)))
        FAIL ("date_parse and date_parse_len disagree on “%s”", text);
    }
  if (!ok)
    {
      expect_code (error, KLYNGE_ERROR_BAD_DATE, "date_parse_len", text);
      return;
    }
  if (!klynge_date_is_set (&date) || !klynge_date_is_valid (&date))
    FAIL ("date_parse accepted “%.*s” as an invalid date", (int) length, text);
  formatted = klynge_date_to_string (&date);
  /* the syntax is fixed-width, so the text is the only spelling */
  if (strlen (formatted) != length || memcmp (formatted, text, length) != 0)
    FAIL ("date “%.*s” formats as “%s”", (int) length, text, formatted);
  if (klynge_date_get_first_day (&date) > klynge_date_get_last_day (&date))
    FAIL ("date “%s” ends before it starts", formatted);
  if (klynge_date_get_precision (&date) == KLYNGE_DATE_PRECISION_DAY)
    {
      klynge_date_init_from_day (&again, klynge_date_get_first_day (&date));
      if (!klynge_date_equal (&date, &again))
        FAIL ("date “%s” does not survive its day number", formatted);
    }
}

static void
check_period (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngePeriod) period = klynge_period_new_from_string (text, &error);
  g_autoptr(KlyngePeriod) again = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *formatted = NULL;
  guint64 days = 0;
  gint64 amount = 1000000007, shared = 0;

  if (period == NULL)
    {
      if (error == NULL || error->domain != KLYNGE_ERROR ||
          (error->code != KLYNGE_ERROR_BAD_PERIOD && error->code != KLYNGE_ERROR_BAD_DATE))
        FAIL ("period “%s” refused without BAD_PERIOD or BAD_DATE", text);
      return;
    }
  formatted = klynge_period_to_string (period);
  again = klynge_period_new_from_string (formatted, &error);
  if (again == NULL || !klynge_period_equal (period, again))
    FAIL ("period “%s” does not read back from “%s”", text, formatted);
  if (strcmp (formatted, text) != 0)
    FAIL ("period “%s” formats as “%s”", text, formatted);

  parts = klynge_period_split_by_year (period);
  for (guint i = 0; i < parts->len; i++)
    {
      KlyngePeriod *part = g_ptr_array_index (parts, i);

      days += klynge_period_get_length_days (part);
      if (!klynge_period_contains_day (period, klynge_period_get_first_day (part)) ||
          !klynge_period_contains_day (period, klynge_period_get_last_day (part)))
        FAIL ("period “%s” does not contain its part %u", text, i);
      shared += klynge_period_prorate (period, amount, part);
    }
  if (days != klynge_period_get_length_days (period))
    FAIL ("period “%s”: its years have %" G_GUINT64_FORMAT " days, it has %u",
          text, days, klynge_period_get_length_days (period));
  if (klynge_period_prorate (period, amount, period) != amount)
    FAIL ("period “%s” does not give itself the whole amount", text);
  if (shared > amount || amount - shared > (gint64) parts->len)
    FAIL ("period “%s”: its years share %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT,
          text, shared, amount);
}

static void
check_money (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  gint64 ore, again;
  guint decimals, again_decimals;

  if (!klynge_money_parse (text, &ore, &decimals, &error))
    {
      expect_code (error, KLYNGE_ERROR_BAD_MONEY, "money_parse", text);
      return;
    }
  if (ore < 0 || decimals > 2)
    FAIL ("money “%s” read as %" G_GINT64_FORMAT " with %u decimals", text, ore, decimals);
  formatted = klynge_money_to_string (ore, decimals);
  if (!klynge_money_parse (formatted, &again, &again_decimals, &error))
    FAIL ("money “%s” formats as “%s”, which does not read back: %s", text, formatted, error->message);
  if (again != ore || again_decimals != decimals)
    FAIL ("money “%s” → “%s” changes its value", text, formatted);
}

static void
check_percent (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  guint points, again, decimals, again_decimals;

  if (!klynge_percent_parse (text, &points, &decimals, &error))
    {
      expect_code (error, KLYNGE_ERROR_BAD_PERCENT, "percent_parse", text);
      return;
    }
  if (points > 10000 || decimals > 2)
    FAIL ("percent “%s” read as %u basis points with %u decimals", text, points, decimals);
  formatted = klynge_percent_to_string (points, decimals);
  if (!klynge_percent_parse (formatted, &again, &again_decimals, &error))
    FAIL ("percent “%s” formats as “%s”, which does not read back: %s", text, formatted, error->message);
  if (again != points || again_decimals != decimals)
    FAIL ("percent “%s” → “%s” changes its value", text, formatted);
}

/* Modulus 11 with weights 2 7 6 5 4 3 2 1 over exactly eight digits,
 * which are not all zeros. */
static gboolean
reference_cvr_is_valid (const char *text)
{
  static const guint weights[8] = { 2, 7, 6, 5, 4, 3, 2, 1 };
  guint sum = 0;

  if (strlen (text) != 8)
    return FALSE;
  for (guint i = 0; i < 8; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      sum += weights[i] * (guint) (text[i] - '0');
    }
  return sum % 11 == 0 && strcmp (text, "00000000") != 0;
}

/* ISO 17442: 18 of [0-9A-Z] and two digits; the whole written out in
 * decimal (A = 10 … Z = 35) is 1 modulo 97, computed here nine digits at
 * a time, as IBAN checks are. */
static gboolean
reference_lei_is_valid (const char *text)
{
  GString *digits = g_string_new (NULL);
  guint64 remainder = 0;

  if (strlen (text) != 20 || strspn (text, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 20 ||
      !g_ascii_isdigit (text[18]) || !g_ascii_isdigit (text[19]))
    {
      g_string_free (digits, TRUE);
      return FALSE;
    }
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (digits, "%d", g_ascii_isdigit (text[i]) ? text[i] - '0' : text[i] - 'A' + 10);
  for (gsize i = 0; i < digits->len; i += 9)
    {
      g_autofree char *chunk = g_strndup (digits->str + i, 9);
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT "%s", remainder, chunk);

      remainder = g_ascii_strtoull (number, NULL, 10) % 97;
    }
  g_string_free (digits, TRUE);
  return remainder == 1;
}

static void
check_registers (const char *text)
{
  static const struct {
    KlyngeIdentifierScheme scheme;
    gboolean (*is_valid) (const char *value);
  } schemes[] = {
    { KLYNGE_IDENTIFIER_SCHEME_CVR, klynge_cvr_is_valid },
    { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, klynge_p_number_is_valid },
    { KLYNGE_IDENTIFIER_SCHEME_LEI, klynge_lei_is_valid },
    { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, klynge_wikidata_is_valid },
    { KLYNGE_IDENTIFIER_SCHEME_ECCP, klynge_identifier_token_is_valid },
    { KLYNGE_IDENTIFIER_SCHEME_ORG_ID, klynge_identifier_token_is_valid },
    { KLYNGE_IDENTIFIER_SCHEME_OTHER, klynge_identifier_token_is_valid },
  };

  if (klynge_lei_is_valid (text) != reference_lei_is_valid (text))
    FAIL ("lei_is_valid is wrong about “%s”", text);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      GError *error = NULL;
      gboolean valid = klynge_identifier_scheme_check_value (schemes[i].scheme, text, &error);

      if (valid != schemes[i].is_valid (text))
        FAIL ("the check of scheme %u disagrees with its rule about “%s”", schemes[i].scheme, text);
      if (!valid && !g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_IDENTIFIER))
        FAIL ("scheme %u refuses “%s” without BAD_IDENTIFIER", schemes[i].scheme, text);
      if (valid && !klynge_text_is_valid (text, -1))
        FAIL ("scheme %u accepts “%s”, which XML cannot carry", schemes[i].scheme, text);
      g_clear_error (&error);
    }
}

static void
check_identifiers (const char *text,
                   gsize       length)
{
  gboolean text_valid = klynge_text_is_valid (text, (gssize) length);

  if (klynge_cvr_is_valid (text) != reference_cvr_is_valid (text))
    FAIL ("cvr_is_valid is wrong about “%s”", text);
  if (text_valid && !g_utf8_validate (text, (gssize) length, NULL))
    FAIL ("text_is_valid accepts bytes that are not UTF-8");
  if (strlen (text) == length && text_valid != klynge_text_is_valid (text, -1))
    FAIL ("text_is_valid disagrees with itself on a NUL-terminated text");
  if (klynge_id_is_valid (text))
    {
      /* an identifier is read up to its NUL, whatever @length says */
      if (!klynge_text_is_valid (text, -1) || *text == '\0' || strchr (text, ':') != NULL)
        FAIL ("id_is_valid accepts “%s”", text);
      if (g_ascii_isdigit (*text) || *text == '-' || *text == '.')
        FAIL ("id_is_valid accepts “%s”, which does not start a name", text);
    }
  check_registers (text);
}

static void
check_token (const char *text,
             gsize       length)
{
  check_date (text, length);
  if (strlen (text) != length)
    return;
  check_period (text);
  check_money (text);
  check_percent (text);
  check_identifiers (text, length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = NULL;
  guint tokens = 0;
  gsize start = 0;

  if (size > 1 << 16)
    return 0;
  copy = g_malloc (size + 1);
  memcpy (copy, data, size);
  copy[size] = '\0';

  /* the whole input, embedded NULs and all */
  check_date (copy, size);
  check_identifiers (copy, size);
  if (klynge_text_is_valid (copy, (gssize) size) && !g_utf8_validate (copy, (gssize) size, NULL))
    FAIL ("text_is_valid accepts bytes that are not UTF-8");

  for (gsize i = 0; i <= size && tokens < MAX_TOKENS; i++)
    {
      char c = i < size ? copy[i] : '\0';

      if (c == '"' || c == '\'' || c == '<' || c == '>' || c == '=' ||
          c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\0')
        {
          if (i > start)
            {
              g_autofree char *token = g_strndup (copy + start, i - start);

              check_token (token, i - start);
              tokens++;
            }
          start = i + 1;
        }
    }
  return 0;
}
