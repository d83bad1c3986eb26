/* klynge-identifiers.c: record identifiers, CVR numbers and storable text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "klynge-private.h"

/* Classes of ASCII characters in an XML NCName. */
enum {
  NAME_NONE = 0,
  NAME_START = 1,     /* may start a name, and appear in it */
  NAME_INNER = 2,     /* may appear after the first character */
};

static const guint8 ascii_name_class[128] = {
  ['-'] = NAME_INNER, ['.'] = NAME_INNER,
  ['0'] = NAME_INNER, ['1'] = NAME_INNER, ['2'] = NAME_INNER,
  ['3'] = NAME_INNER, ['4'] = NAME_INNER, ['5'] = NAME_INNER,
  ['6'] = NAME_INNER, ['7'] = NAME_INNER, ['8'] = NAME_INNER,
  ['9'] = NAME_INNER,
  ['A'] = NAME_START, ['B'] = NAME_START, ['C'] = NAME_START,
  ['D'] = NAME_START, ['E'] = NAME_START, ['F'] = NAME_START,
  ['G'] = NAME_START, ['H'] = NAME_START, ['I'] = NAME_START,
  ['J'] = NAME_START, ['K'] = NAME_START, ['L'] = NAME_START,
  ['M'] = NAME_START, ['N'] = NAME_START, ['O'] = NAME_START,
  ['P'] = NAME_START, ['Q'] = NAME_START, ['R'] = NAME_START,
  ['S'] = NAME_START, ['T'] = NAME_START, ['U'] = NAME_START,
  ['V'] = NAME_START, ['W'] = NAME_START, ['X'] = NAME_START,
  ['Y'] = NAME_START, ['Z'] = NAME_START,
  ['_'] = NAME_START,
  ['a'] = NAME_START, ['b'] = NAME_START, ['c'] = NAME_START,
  ['d'] = NAME_START, ['e'] = NAME_START, ['f'] = NAME_START,
  ['g'] = NAME_START, ['h'] = NAME_START, ['i'] = NAME_START,
  ['j'] = NAME_START, ['k'] = NAME_START, ['l'] = NAME_START,
  ['m'] = NAME_START, ['n'] = NAME_START, ['o'] = NAME_START,
  ['p'] = NAME_START, ['q'] = NAME_START, ['r'] = NAME_START,
  ['s'] = NAME_START, ['t'] = NAME_START, ['u'] = NAME_START,
  ['v'] = NAME_START, ['w'] = NAME_START, ['x'] = NAME_START,
  ['y'] = NAME_START, ['z'] = NAME_START,
};

/**
 * klynge_id_is_valid:
 * @id: (nullable): a would-be record identifier
 *
 * Whether @id can identify a record: an XML NCName, that is a letter or
 * `_` followed by letters, digits, `_`, `-` and `.`, with no colon or
 * space. Letters beyond ASCII count (`æble` is valid), as XML defines them.
 * Like every value, an id is at most %KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH
 * bytes long (1 MiB), what the loader takes by default.
 *
 * Returns: %TRUE if @id is a valid identifier; %FALSE otherwise, and for
 *   %NULL
 */
gboolean
klynge_id_is_valid (const char *id)
{
  const guchar *start = (const guchar *) id;
  const guchar *p;

  if (id == NULL)
    return FALSE;

  /* Nearly all identifiers are ASCII, and never leave this loop. */
  for (p = start; *p != '\0'; p++)
    {
      /* libxml2 expects well-formed UTF-8, and knows which non-ASCII
       * characters XML allows in names. */
      if (*p >= 0x80)
        return g_utf8_validate (id, -1, NULL) &&
               strlen (id) <= KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH &&
               xmlValidateNCName ((const xmlChar *) id, 0) == 0;

      if (ascii_name_class[*p] == NAME_NONE ||
          (p == start && ascii_name_class[*p] != NAME_START))
        return FALSE;
    }

  return p != start && (gsize) (p - start) <= KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH;
}

/**
 * klynge_id_check:
 * @id: a would-be record identifier
 * @error: return location for a #GError, or %NULL
 *
 * klynge_id_is_valid() with the reason when @id is not valid: the check
 * the constructors of records take for granted (an invalid id is a
 * programmer error there), for bindings and callers that hold ids from
 * elsewhere.
 *
 * Returns: %TRUE if @id is a valid identifier; %FALSE with
 *   %KLYNGE_ERROR_BAD_ID, saying why, otherwise
 */
gboolean
klynge_id_check (const char  *id,
                 GError     **error)
{
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_check_id (id, "id", error);
}

/**
 * klynge_cvr_is_valid:
 * @cvr: (nullable): a would-be CVR number
 *
 * Whether @cvr is a valid Danish CVR number: exactly 8 ASCII digits whose
 * sum, weighted 2, 7, 6, 5, 4, 3, 2, 1 from the left, is a multiple of 11
 * (Erhvervsstyrelsen's modulus-11 check), other than `00000000`.
 * `13748136` is valid; `13748137`, `00000000`, ` 13748136` and
 * `DK13748136` are not.
 *
 * Returns: %TRUE if @cvr is valid; %FALSE otherwise, and for %NULL
 */
gboolean
klynge_cvr_is_valid (const char *cvr)
{
  static const guint weights[8] = { 2, 7, 6, 5, 4, 3, 2, 1 };
  guint sum = 0;
  guint i;

  if (cvr == NULL)
    return FALSE;

  for (i = 0; i < 8; i++)
    {
      guint digit = (guchar) cvr[i] - '0';

      /* Also stops at the NUL of a shorter string. */
      if (digit > 9)
        return FALSE;
      sum += weights[i] * digit;
    }

  /* 00000000 passes the sum but is no company's number; the store also
   * uses 0 for "no CVR", so accepting it would lose it. */
  return cvr[8] == '\0' && sum % 11 == 0 && sum != 0;
}

/**
 * klynge_p_number_is_valid:
 * @p_number: (nullable): a would-be P-number
 *
 * Whether @p_number has the form of a Danish production unit number
 * (P-nummer): exactly 10 ASCII digits. The register publishes no check
 * digit for P-numbers, so the form is all that can be checked.
 *
 * Returns: %TRUE if @p_number is 10 digits; %FALSE otherwise, and for %NULL
 */
gboolean
klynge_p_number_is_valid (const char *p_number)
{
  guint i;

  if (p_number == NULL)
    return FALSE;
  for (i = 0; i < 10; i++)
    if (!g_ascii_isdigit (p_number[i]))
      return FALSE;
  return p_number[10] == '\0';
}

/**
 * klynge_lei_is_valid:
 * @lei: (nullable): a would-be Legal Entity Identifier
 *
 * Whether @lei is a valid LEI as ISO 17442 defines it: 18 characters,
 * each an ASCII digit or upper-case letter, then two check digits: read
 * with letters as the numbers 10 (`A`) to 35 (`Z`),
 * the whole string, check digits included, leaves 1 when divided by 97
 * (ISO 7064 MOD 97-10, as in IBANs). `5493001KJTIIGC8Y1R12` is valid;
 * `5493001KJTIIGC8Y1R13` and the lower-case form are not.
 *
 * Returns: %TRUE if @lei is valid; %FALSE otherwise, and for %NULL
 */
gboolean
klynge_lei_is_valid (const char *lei)
{
  guint remainder = 0;
  guint i;

  if (lei == NULL)
    return FALSE;

  for (i = 0; i < 20; i++)
    {
      char c = lei[i];

      /* Also stops at the NUL of a shorter string. */
      if (g_ascii_isdigit (c))
        remainder = (remainder * 10 + (guint) (c - '0')) % 97;
      else if (c >= 'A' && c <= 'Z' && i < 18)
        remainder = (remainder * 100 + (guint) (c - 'A' + 10)) % 97;
      else
        return FALSE;
    }

  return lei[20] == '\0' && remainder == 1;
}

/**
 * klynge_wikidata_is_valid:
 * @wikidata: (nullable): a would-be Wikidata item identifier
 *
 * Whether @wikidata names a Wikidata item: `Q` followed by a positive
 * number written without leading zeros, at most
 * %KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH bytes in all. `Q42` is valid; `Q`,
 * `Q0`, `Q042`, `q42` and `P31` (a property) are not.
 *
 * Returns: %TRUE if @wikidata is valid; %FALSE otherwise, and for %NULL
 */
gboolean
klynge_wikidata_is_valid (const char *wikidata)
{
  gsize i;

  if (wikidata == NULL || wikidata[0] != 'Q' || wikidata[1] < '1' || wikidata[1] > '9')
    return FALSE;
  for (i = 2; g_ascii_isdigit (wikidata[i]); i++)
    ;
  return wikidata[i] == '\0' && i <= KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH;
}

/**
 * klynge_identifier_token_is_valid:
 * @token: (nullable): a would-be identifier value
 *
 * Whether @token can be the value of an identifier in a register whose
 * values klynge does not check further (ECCP, org-id, other): valid
 * UTF-8 that XML can carry, not empty, without white space (the
 * characters g_unichar_isspace() knows, so no tab, line break or no-break
 * space either), at most %KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH bytes long.
 *
 * Returns: %TRUE if @token is valid; %FALSE otherwise, and for %NULL
 */
gboolean
klynge_identifier_token_is_valid (const char *token)
{
  const char *p;

  if (token == NULL || *token == '\0' ||
      strlen (token) > KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH ||
      !klynge_text_is_valid (token, -1))
    return FALSE;
  for (p = token; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * klynge_identifier_scheme_check_value:
 * @scheme: a register
 * @value: a would-be identifier in it
 * @error: return location for a #GError, or %NULL
 *
 * Checks @value as @scheme demands, the one place of each scheme's rule:
 * a CVR number passes klynge_cvr_is_valid(), a P-number
 * klynge_p_number_is_valid(), a LEI klynge_lei_is_valid(), a Wikidata
 * item klynge_wikidata_is_valid(), and the values of the other schemes
 * klynge_identifier_token_is_valid(). Fails with
 * %KLYNGE_ERROR_BAD_IDENTIFIER, saying what is wrong. A %NULL @value, or a
 * @scheme that is not a #KlyngeIdentifierScheme, is a programmer error.
 *
 * Returns: %TRUE if @value is valid in @scheme, %FALSE with @error set
 *   otherwise
 */
gboolean
klynge_identifier_scheme_check_value (KlyngeIdentifierScheme   scheme,
                                      const char              *value,
                                      GError                 **error)
{
  g_autoptr(GError) cvr_error = NULL;
  g_autofree char *shown = NULL;
  const char *rule;

  g_return_val_if_fail ((guint) scheme <= KLYNGE_IDENTIFIER_SCHEME_OTHER, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (scheme)
    {
    case KLYNGE_IDENTIFIER_SCHEME_CVR:
      /* the CVR attribute's messages, under this code */
      if (_klynge_check_cvr (value, &cvr_error))
        return TRUE;
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_IDENTIFIER,
                           cvr_error->message);
      return FALSE;
    case KLYNGE_IDENTIFIER_SCHEME_P_NUMBER:
      if (klynge_p_number_is_valid (value))
        return TRUE;
      rule = "a P-number has exactly 10 digits";
      break;
    case KLYNGE_IDENTIFIER_SCHEME_LEI:
      if (klynge_lei_is_valid (value))
        return TRUE;
      if (strlen (value) != 20 || strspn (value, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 18 ||
          strspn (value + 18, "0123456789") != 2)
        rule = "a LEI has 20 characters, 18 digits or upper-case letters A to Z and 2 check digits";
      else
        rule = "its check digits are wrong (ISO 17442, MOD 97-10)";
      break;
    case KLYNGE_IDENTIFIER_SCHEME_WIKIDATA:
      if (klynge_wikidata_is_valid (value))
        return TRUE;
      rule = "a Wikidata item is “Q” and a number without leading zeros, such as “Q42”";
      break;
    case KLYNGE_IDENTIFIER_SCHEME_ECCP:
    case KLYNGE_IDENTIFIER_SCHEME_ORG_ID:
    case KLYNGE_IDENTIFIER_SCHEME_OTHER:
    default:
      if (klynge_identifier_token_is_valid (value))
        return TRUE;
      rule = "an identifier is 1 to " G_STRINGIFY (KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH)
        " bytes of text without white space";
      break;
    }

  shown = g_utf8_make_valid (value, -1);
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_IDENTIFIER,
               "“%s” is not a valid %s identifier: %s",
               shown, _klynge_enum_to_nick (KLYNGE_TYPE_IDENTIFIER_SCHEME, scheme), rule);
  return FALSE;
}

/* Finds the first byte of @text that XML cannot carry: malformed UTF-8
 * (overlong forms, surrogates and values past U+10FFFF included), a C0
 * control other than tab, LF and CR, or U+FFFE/U+FFFF. Sets *bad_char to
 * the offending character, or to (gunichar) -1 for malformed UTF-8.
 * Returns the byte offset, or -1 if all of @text is fine. */
static gssize
find_unstorable (const char *text,
                 gssize      length,
                 gunichar   *bad_char)
{
  const guchar *start = (const guchar *) text;
  const guchar *p = start;
  const guchar *end = length < 0 ? NULL : start + length;

  for (;;)
    {
      guint c, n, i;
      gunichar ch;

      if (end != NULL ? p >= end : *p == '\0')
        return -1;

      c = *p;
      if (c < 0x80)
        {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
              *bad_char = c;
              return p - start;
            }
          p++;
          continue;
        }

      /* The lead byte gives the sequence's length; 0xC0, 0xC1 and 0xF5 on
       * could only start overlong or out-of-range sequences. */
      if (c >= 0xC2 && c <= 0xDF)
        {
          n = 1;
          ch = c & 0x1F;
        }
      else if (c >= 0xE0 && c <= 0xEF)
        {
          n = 2;
          ch = c & 0x0F;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          n = 3;
          ch = c & 0x07;
        }
      else
        goto malformed;

      if (end != NULL && end - p <= (gssize) n)
        goto malformed;
      /* Without a length, the terminating NUL is no continuation byte,
       * so this never reads past it. */
      for (i = 1; i <= n; i++)
        {
          if ((p[i] & 0xC0) != 0x80)
            goto malformed;
          ch = (ch << 6) | (p[i] & 0x3F);
        }

      if ((n == 2 && ch < 0x800) || (n == 3 && ch < 0x10000) ||
          ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF))
        goto malformed;
      if (ch == 0xFFFE || ch == 0xFFFF)
        {
          *bad_char = ch;
          return p - start;
        }
      p += n + 1;
    }

malformed:
  *bad_char = (gunichar) -1;
  return p - start;
}

/**
 * klynge_text_is_valid:
 * @text: (nullable): the text to check; it need not be NUL-terminated
 *   when @length is given
 * @length: the length of @text in bytes, or -1 if it is NUL-terminated
 *
 * Whether @text can be stored and saved: it must be valid UTF-8 and hold
 * only characters XML 1.0 can carry, so no C0 control characters other
 * than tab, line feed and carriage return, no U+FFFE or U+FFFF; and it
 * must be at most %KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH bytes long (1 MiB),
 * what the loader takes by default, so that what is saved loads again.
 * With an explicit @length, an embedded NUL makes the text invalid.
 *
 * Returns: %TRUE if @text is valid; %FALSE otherwise, and for %NULL
 */
gboolean
klynge_text_is_valid (const char *text,
                      gssize      length)
{
  gunichar bad_char;

  if (text == NULL)
    return FALSE;

  if (find_unstorable (text, length, &bad_char) >= 0)
    return FALSE;
  return (length >= 0 ? (gsize) length : strlen (text)) <= KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH;
}

/* Every id, reference and text a record stores passes here: a value the
 * loader's default cap would refuse must not get in, or a landscape could
 * be saved that does not load again. The loader counts a value's bytes as
 * stored (decoded), as strlen() does here. */
static gboolean
check_length (const char  *value,
              const char  *what,
              GError     **error)
{
  gsize length = strlen (value);

  if (length <= KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH)
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_LIMIT_EXCEEDED,
               "the %s is %" G_GSIZE_FORMAT " bytes long; at most %u are allowed",
               what, length, (guint) KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH);
  return FALSE;
}

gboolean
_klynge_check_id (const char  *id,
                  const char  *what,
                  GError     **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  if (!check_length (id, what, error))
    return FALSE;
  if (klynge_id_is_valid (id))
    return TRUE;

  if (*id == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_ID,
                   "the %s is empty", what);
      return FALSE;
    }

  shown = g_utf8_make_valid (id, -1);
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_ID,
               "“%s” is not a valid %s: an id starts with a letter or “_” "
               "and holds only letters, digits, “_”, “-” and “.”",
               shown, what);
  return FALSE;
}

gboolean
_klynge_check_text (const char  *text,
                    const char  *what,
                    gboolean     allow_empty,
                    GError     **error)
{
  gunichar bad_char;
  gssize offset;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  if (!check_length (text, what, error))
    return FALSE;
  if (*text == '\0' && !allow_empty)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_VALUE,
                   "the %s is empty", what);
      return FALSE;
    }

  offset = find_unstorable (text, -1, &bad_char);
  if (offset < 0)
    return TRUE;

  if (bad_char == (gunichar) -1)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_ENCODING,
                 "the %s is not valid UTF-8 (at byte %" G_GSSIZE_FORMAT ")",
                 what, offset);
  else
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_ENCODING,
                 "the %s holds U+%04X, which XML cannot carry (at byte %"
                 G_GSSIZE_FORMAT ")", what, bad_char, offset);
  return FALSE;
}

gboolean
_klynge_check_cvr (const char  *cvr,
                   GError     **error)
{
  g_autofree char *shown = NULL;
  gsize i;

  g_return_val_if_fail (cvr != NULL, FALSE);

  if (klynge_cvr_is_valid (cvr))
    return TRUE;

  shown = g_utf8_make_valid (cvr, -1);
  for (i = 0; g_ascii_isdigit (cvr[i]); i++)
    ;
  if (i != 8 || cvr[i] != '\0')
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_CVR,
                 "“%s” is not a CVR number: a CVR number has exactly 8 digits",
                 shown);
  else if (strcmp (cvr, "00000000") == 0)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_CVR,
                 "“%s” is not a CVR number: no company has the number 0",
                 shown);
  else
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_CVR,
                 "“%s” is not a CVR number: it fails the modulus-11 check",
                 shown);
  return FALSE;
}
