/* klynge-identifier.c: identifiers in outside registers, and the lists of
 * them that organisations and funding sources keep
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-record-private.h"

/* One allocation per identifier: the value lives right after the header,
 * as an envelope's source does. */
struct _KlyngeIdentifier
{
  KlyngeIdentifierScheme scheme;
  KlyngeDate since;             /* unset: valid since before the records */
  KlyngeDate until;             /* unset: still valid */
  guint line;
  char value[];
};

G_DEFINE_BOXED_TYPE (KlyngeIdentifier, klynge_identifier,
                     klynge_identifier_ref, klynge_identifier_unref)

/**
 * klynge_identifier_new:
 * @scheme: the register the identifier belongs to
 * @value: the identifier, as the register writes it
 * @since: (nullable): the first date on which it was valid, or %NULL (or
 *   an unset date) when the sources do not say
 * @until: (nullable): the last date on which it was valid, or %NULL (or
 *   an unset date) when it still is
 * @error: return location for a #GError, or %NULL
 *
 * Creates an identifier that belongs to no record yet; see
 * klynge_organisation_add_identifier() and
 * klynge_funding_source_add_identifier(). The dates may be partial, as
 * elsewhere; klynge_identifier_is_valid_on() says how they are read.
 *
 * Fails with %KLYNGE_ERROR_BAD_IDENTIFIER when @value is not valid in
 * @scheme (see klynge_identifier_scheme_check_value()), with
 * %KLYNGE_ERROR_BAD_PERIOD when @until comes before @since (a partial
 * @since standing for its first day, a partial @until for its last) and
 * with %KLYNGE_ERROR_BAD_DATE when a date does not exist. A %NULL @value,
 * or a @scheme that is not a #KlyngeIdentifierScheme, is a programmer
 * error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeIdentifier, or %NULL
 *   with @error set
 */
KlyngeIdentifier *
klynge_identifier_new (KlyngeIdentifierScheme   scheme,
                       const char              *value,
                       const KlyngeDate        *since,
                       const KlyngeDate        *until,
                       GError                 **error)
{
  KlyngeIdentifier *identifier;
  KlyngeDate checked_since, checked_until;
  gsize len;

  g_return_val_if_fail ((guint) scheme <= KLYNGE_IDENTIFIER_SCHEME_OTHER, NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!klynge_identifier_scheme_check_value (scheme, value, error) ||
      !_klynge_record_take_dates (since, until, &checked_since, &checked_until,
                                  "The identifier", value, error))
    return NULL;

  len = strlen (value);
  identifier = g_atomic_rc_box_alloc0 (sizeof (KlyngeIdentifier) + len + 1);
  identifier->scheme = scheme;
  identifier->since = checked_since;
  identifier->until = checked_until;
  memcpy (identifier->value, value, len + 1);

  return identifier;
}

/**
 * klynge_identifier_ref:
 * @identifier: a #KlyngeIdentifier
 *
 * Takes a reference to @identifier.
 *
 * Returns: (transfer full): @identifier
 */
KlyngeIdentifier *
klynge_identifier_ref (KlyngeIdentifier *identifier)
{
  g_return_val_if_fail (identifier != NULL, NULL);

  return g_atomic_rc_box_acquire (identifier);
}

/**
 * klynge_identifier_unref:
 * @identifier: (transfer full): a #KlyngeIdentifier
 *
 * Drops a reference to @identifier, freeing it when it was the last one.
 */
void
klynge_identifier_unref (KlyngeIdentifier *identifier)
{
  g_return_if_fail (identifier != NULL);

  g_atomic_rc_box_release (identifier);
}

/**
 * klynge_identifier_get_scheme:
 * @identifier: a #KlyngeIdentifier
 *
 * Returns: the register the identifier belongs to
 */
KlyngeIdentifierScheme
klynge_identifier_get_scheme (const KlyngeIdentifier *identifier)
{
  g_return_val_if_fail (identifier != NULL, KLYNGE_IDENTIFIER_SCHEME_OTHER);

  return identifier->scheme;
}

/**
 * klynge_identifier_get_value:
 * @identifier: a #KlyngeIdentifier
 *
 * Returns: (transfer none): the identifier, as the register writes it
 */
const char *
klynge_identifier_get_value (const KlyngeIdentifier *identifier)
{
  g_return_val_if_fail (identifier != NULL, NULL);

  return identifier->value;
}

/**
 * klynge_identifier_get_since:
 * @identifier: a #KlyngeIdentifier
 *
 * The first date on which the identifier was valid. The pointer is never
 * %NULL; when the sources do not say, the date it points to is unset
 * (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the date
 */
const KlyngeDate *
klynge_identifier_get_since (const KlyngeIdentifier *identifier)
{
  g_return_val_if_fail (identifier != NULL, NULL);

  return &identifier->since;
}

/**
 * klynge_identifier_get_until:
 * @identifier: a #KlyngeIdentifier
 *
 * The last date on which the identifier was valid. The pointer is never
 * %NULL; when it still is valid, the date it points to is unset (see
 * klynge_date_is_set()).
 *
 * Returns: (transfer none): the date
 */
const KlyngeDate *
klynge_identifier_get_until (const KlyngeIdentifier *identifier)
{
  g_return_val_if_fail (identifier != NULL, NULL);

  return &identifier->until;
}

/**
 * klynge_identifier_get_line:
 * @identifier: a #KlyngeIdentifier
 *
 * Returns: the line of the `<identifier>` element it was loaded from, or
 *   0 when it was not loaded
 */
guint
klynge_identifier_get_line (const KlyngeIdentifier *identifier)
{
  g_return_val_if_fail (identifier != NULL, 0);

  return identifier->line;
}

/* The reader's: the line of the <identifier>, set before it is shared. */
void
_klynge_identifier_set_line (KlyngeIdentifier *identifier,
                             guint             line)
{
  g_return_if_fail (identifier != NULL);

  identifier->line = line;
}

/**
 * klynge_identifier_is_valid_on:
 * @identifier: a #KlyngeIdentifier
 * @date: a set date
 *
 * Whether @identifier was certainly valid on every day @date stands for
 * (one day for `2021-06-01`, all of June for `2021-06`).
 *
 * A partial date is an interval of uncertainty, read as for designations
 * (klynge_designation_is_active_on()): an identifier valid since `2021`
 * is known to be valid only from 31 December 2021, one valid until
 * `2024` only through 1 January 2024. Unlike a designation, an
 * identifier without @since has been valid since before the records
 * begin, as a CVR number given without dates is; one without @until
 * still is. An unset @date is a programmer error.
 *
 * Returns: %TRUE when @identifier is certainly valid throughout @date
 */
gboolean
klynge_identifier_is_valid_on (const KlyngeIdentifier *identifier,
                               const KlyngeDate       *date)
{
  guint32 first, last;

  g_return_val_if_fail (identifier != NULL, FALSE);
  g_return_val_if_fail (date != NULL && klynge_date_is_set (date), FALSE);

  return _klynge_date_span_certain_days (&identifier->since, &identifier->until, &first, &last)
         && _klynge_days_cover_date (first, last, date);
}

gboolean
_klynge_identifier_matches (const KlyngeIdentifier *identifier,
                            KlyngeIdentifierScheme  scheme,
                            const char             *value,
                            const KlyngeDate       *date)
{
  return identifier->scheme == scheme
         && strcmp (identifier->value, value) == 0
         && (date == NULL || klynge_identifier_is_valid_on (identifier, date));
}

gboolean
_klynge_identifiers_overlap (const KlyngeIdentifier *a,
                             const KlyngeIdentifier *b)
{
  guint32 a_first, a_last, b_first, b_last;

  /* Only a certain overlap counts: one number handed over within a year
   * given as `2020` on both sides is no contradiction. */
  return a->scheme == b->scheme
         && strcmp (a->value, b->value) == 0
         && _klynge_date_span_certain_days (&a->since, &a->until, &a_first, &a_last)
         && _klynge_date_span_certain_days (&b->since, &b->until, &b_first, &b_last)
         && MAX (a_first, b_first) <= MIN (a_last, b_last);
}

/* --- the lists records keep ---------------------------------------------- */

GPtrArray *
_klynge_identifier_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_identifier_unref);
}

gboolean
_klynge_identifier_list_add (GPtrArray         *list,
                             KlyngeIdentifier  *identifier,
                             KlyngeRecord      *owner,
                             GError           **error)
{
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (identifier != NULL, FALSE);
  g_return_val_if_fail (KLYNGE_IS_RECORD (owner), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < list->len; i++)
    if (_klynge_identifiers_overlap (g_ptr_array_index (list, i), identifier))
      {
        g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_IDENTIFIER,
                     "“%s” already has the %s identifier “%s” at the same time",
                     klynge_record_get_id (owner),
                     _klynge_enum_to_nick (KLYNGE_TYPE_IDENTIFIER_SCHEME, identifier->scheme),
                     identifier->value);
        return FALSE;
      }

  g_ptr_array_add (list, klynge_identifier_ref (identifier));
  return TRUE;
}
