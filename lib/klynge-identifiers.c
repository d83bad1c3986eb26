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
