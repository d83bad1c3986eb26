/* klynge-record.c: the base of every record: id, sources and note
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-record-private.h"

/**
 * KlyngeRecord:
 *
 * The abstract base of every record in a landscape. A record has an
 * identifier (an XML NCName, fixed at construction), its provenance (the
 * sources it was taken from, in the order they were added, and a free-text
 * note) and the line of the element it was loaded from.
 */

typedef struct
{
  char *id;
  char *note;
  GPtrArray *sources;           /* (element-type KlyngeSource) */
  guint line;
} KlyngeRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KlyngeRecord, klynge_record, G_TYPE_OBJECT)

/* Subclasses built against an older header must still fit: a slot taken
 * from the padding keeps the class the size it was. */
G_STATIC_ASSERT (sizeof (KlyngeRecordClass) == sizeof (GObjectClass) + 9 * sizeof (gpointer));

enum {
  PROP_0,
  PROP_ID,
  PROP_NOTE,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_record_constructed (GObject *object)
{
  KlyngeRecord *self = KLYNGE_RECORD (object);
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  G_OBJECT_CLASS (klynge_record_parent_class)->constructed (object);

  /* The id is construct-only, so this is the one place to complain about
   * it: set_property() keeps only a valid one, so that a record built
   * with a bad id has none, which klynge_landscape_add() refuses, and
   * never reaches a saved file. */
  g_return_if_fail (priv->id != NULL);
}

static void
klynge_record_finalize (GObject *object)
{
  KlyngeRecord *self = KLYNGE_RECORD (object);
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_free (priv->id);
  g_free (priv->note);
  g_ptr_array_unref (priv->sources);

  G_OBJECT_CLASS (klynge_record_parent_class)->finalize (object);
}

static void
klynge_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlyngeRecord *self = KLYNGE_RECORD (object);
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_NOTE:
      g_value_set_string (value, priv->note);
      break;
    case PROP_LINE:
      g_value_set_uint (value, priv->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlyngeRecord *self = KLYNGE_RECORD (object);
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_ID:
      {
        const char *id = g_value_get_string (value);

        if (id != NULL && _klynge_check_id (id, "id", NULL))
          priv->id = g_strdup (id);
      }
      break;
    case PROP_NOTE:
      klynge_record_set_note (self, g_value_get_string (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

static void
klynge_record_class_init (KlyngeRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = klynge_record_constructed;
  object_class->finalize = klynge_record_finalize;
  object_class->get_property = klynge_record_get_property;
  object_class->set_property = klynge_record_set_property;

  /**
   * KlyngeRecord:id:
   *
   * The identifier of the record: an XML NCName, unique across all kinds
   * in a landscape, at most %KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH bytes.
   * Construct-only; constructing a record with an invalid identifier is a
   * programmer error, and the record then has no identifier at all.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * KlyngeRecord:note:
   *
   * A free-text note, such as how conflicting sources were resolved, or
   * %NULL. See klynge_record_set_note().
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeRecord:line:
   *
   * The line of the element the record was loaded from, or 0 for a record
   * that was not loaded from a file.
   */
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_record_init (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  priv->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_source_unref);
}

/**
 * klynge_record_get_id:
 * @self: a #KlyngeRecord
 *
 * Returns: (transfer none): the identifier of the record
 */
const char *
klynge_record_get_id (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), NULL);

  return priv->id;
}

/**
 * klynge_record_get_kind_name:
 * @self: a #KlyngeRecord
 *
 * Which kind of record @self is, as the XML element that holds it is
 * named: `organisation`, `member`, `funding-source`, `contract`,
 * `programme`, `merger` or `initiative`, the same for every record of a
 * class. It is not what an organisation or a member is (a `cluster`, an
 * `sme`): that is klynge_organisation_get_kind() or
 * klynge_member_get_kind().
 *
 * Returns: (transfer none): the record kind's name, such as
 *   `organisation`
 */
const char *
klynge_record_get_kind_name (KlyngeRecord *self)
{
  g_return_val_if_fail (KLYNGE_IS_RECORD (self), NULL);

  return KLYNGE_RECORD_GET_CLASS (self)->element_name;
}

/**
 * klynge_record_get_note:
 * @self: a #KlyngeRecord
 *
 * Returns: (transfer none) (nullable): the note, or %NULL when the record
 *   has none
 */
const char *
klynge_record_get_note (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), NULL);

  return priv->note;
}

/**
 * klynge_record_set_note:
 * @self: a #KlyngeRecord
 * @note: (nullable): the note, or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the record's free-text note: up to
 * %KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH bytes, the empty string included
 * (it is kept, and saved as an empty `<note/>`).
 *
 * Fails with %KLYNGE_ERROR_LIMIT_EXCEEDED when @note is longer, so that
 * what is saved loads again with the default options, and with
 * %KLYNGE_ERROR_ENCODING when @note is not valid UTF-8 or holds
 * characters that XML cannot carry; the note is then left as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_record_set_note (KlyngeRecord  *self,
                        const char    *note,
                        GError       **error)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (note != NULL && !_klynge_check_text (note, "note", TRUE, error))
    return FALSE;

  _klynge_record_store_string (G_OBJECT (self), &priv->note, note,
                               properties[PROP_NOTE]);
  return TRUE;
}

/**
 * klynge_record_get_sources:
 * @self: a #KlyngeRecord
 *
 * The sources the record cites, in the order they were added. The array
 * belongs to @self; do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeSource): the sources
 */
GPtrArray *
klynge_record_get_sources (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), NULL);

  return priv->sources;
}

/**
 * klynge_record_get_n_sources:
 * @self: a #KlyngeRecord
 *
 * Returns: how many sources the record cites
 */
guint
klynge_record_get_n_sources (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), 0);

  return priv->sources->len;
}

/**
 * klynge_record_get_source:
 * @self: a #KlyngeRecord
 * @index: the position of the source, below klynge_record_get_n_sources()
 *
 * Returns: (transfer none): the source at @index
 */
KlyngeSource *
klynge_record_get_source (KlyngeRecord *self,
                          guint         index)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < priv->sources->len, NULL);

  return g_ptr_array_index (priv->sources, index);
}

/**
 * klynge_record_add_source:
 * @self: a #KlyngeRecord
 * @source: (transfer none): a #KlyngeSource
 *
 * Appends @source to the record's sources, taking a reference to it.
 */
void
klynge_record_add_source (KlyngeRecord *self,
                          KlyngeSource *source)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_if_fail (KLYNGE_IS_RECORD (self));
  g_return_if_fail (source != NULL);

  g_ptr_array_add (priv->sources, klynge_source_ref (source));
}

/**
 * klynge_record_add_source_href:
 * @self: a #KlyngeRecord
 * @href: the address of the source; non-empty
 * @accessed: (nullable): the date the source was read, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Appends a new source made by klynge_source_new(), and fails the way it
 * does (%KLYNGE_ERROR_BAD_VALUE, %KLYNGE_ERROR_ENCODING,
 * %KLYNGE_ERROR_BAD_DATE), leaving the sources as they were.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_record_add_source_href (KlyngeRecord      *self,
                               const char        *href,
                               const KlyngeDate  *accessed,
                               GError           **error)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);
  KlyngeSource *source;

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source = klynge_source_new (href, accessed, error);
  if (source == NULL)
    return FALSE;

  g_ptr_array_add (priv->sources, source);
  return TRUE;
}

/**
 * klynge_record_clear_sources:
 * @self: a #KlyngeRecord
 *
 * Removes all of the record's sources.
 */
void
klynge_record_clear_sources (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_if_fail (KLYNGE_IS_RECORD (self));

  g_ptr_array_set_size (priv->sources, 0);
}

/**
 * klynge_record_get_line:
 * @self: a #KlyngeRecord
 *
 * Returns: the line of the element the record was loaded from, or 0 when
 *   it was not loaded from a file
 */
guint
klynge_record_get_line (KlyngeRecord *self)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD (self), 0);

  return priv->line;
}

/* Called by the reader with the line of the record's start tag. */
void
_klynge_record_set_line (KlyngeRecord *self,
                         guint         line)
{
  KlyngeRecordPrivate *priv = klynge_record_get_instance_private (self);

  g_return_if_fail (KLYNGE_IS_RECORD (self));

  if (priv->line == line)
    return;

  priv->line = line;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
}

void
_klynge_record_foreach_reference (KlyngeRecord        *record,
                                  KlyngeReferenceFunc  func,
                                  gpointer             user_data)
{
  KlyngeRecordClass *klass;

  g_return_if_fail (KLYNGE_IS_RECORD (record));
  g_return_if_fail (func != NULL);

  klass = KLYNGE_RECORD_GET_CLASS (record);
  if (klass->foreach_reference != NULL)
    klass->foreach_reference (record, G_CALLBACK (func), user_data);
}

guint
_klynge_record_get_format_version (KlyngeRecord *record)
{
  KlyngeRecordClass *klass;

  g_return_val_if_fail (KLYNGE_IS_RECORD (record), 1);

  klass = KLYNGE_RECORD_GET_CLASS (record);
  return klass->format_version != NULL ? klass->format_version (record) : 1;
}

GPtrArray *
_klynge_record_get_identifiers (KlyngeRecord *record)
{
  KlyngeRecordClass *klass = KLYNGE_RECORD_GET_CLASS (record);

  return klass->get_identifiers != NULL ? klass->get_identifiers (record) : NULL;
}

/* --- Helpers for the kinds' fields (klynge-record-private.h) --------------- */

void
_klynge_record_store_string (GObject     *object,
                             char       **field,
                             const char  *value,
                             GParamSpec  *pspec)
{
  if (_klynge_replace_string (field, value))
    g_object_notify_by_pspec (object, pspec);
}

static gboolean
check_string (const char        *value,
              KlyngeStringRule   rule,
              const char        *what,
              GError           **error)
{
  switch (rule)
    {
    case KLYNGE_STRING_TEXT:
      return _klynge_check_text (value, what, FALSE, error);
    case KLYNGE_STRING_ID:
      return _klynge_check_id (value, what, error);
    case KLYNGE_STRING_CVR:
      return _klynge_check_cvr (value, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
_klynge_record_set_string (GObject           *object,
                           char             **field,
                           const char        *value,
                           KlyngeStringRule   rule,
                           const char        *what,
                           GParamSpec        *pspec,
                           GError           **error)
{
  if (value != NULL && !check_string (value, rule, what, error))
    return FALSE;

  _klynge_record_store_string (object, field, value, pspec);
  return TRUE;
}

gboolean
_klynge_record_check_other_id (KlyngeRecord  *self,
                               const char    *id,
                               const char    *what,
                               const char    *label,
                               const char    *verb,
                               GError       **error)
{
  if (!_klynge_check_id (id, what, error))
    return FALSE;

  /* a record constructed without an id (a programmer error, but one that
   * Python survives) names nothing, not even itself */
  if (g_strcmp0 (id, klynge_record_get_id (self)) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INCONSISTENT,
                   "%s “%s” cannot %s itself", label, id, verb);
      return FALSE;
    }

  return TRUE;
}

void
_klynge_record_store_enum (GObject    *object,
                           int        *field,
                           int         value,
                           GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
_klynge_record_store_date (GObject          *object,
                           KlyngeDate       *field,
                           const KlyngeDate *value,
                           GParamSpec       *pspec)
{
  if (klynge_date_equal (field, value))
    return;

  *field = *value;
  g_object_notify_by_pspec (object, pspec);
}

void
_klynge_record_value_set_date (GValue           *value,
                               const KlyngeDate *date)
{
  g_value_set_boxed (value, klynge_date_is_set (date) ? date : NULL);
}

gboolean
_klynge_record_take_optional_date (const KlyngeDate  *date,
                                   const char        *what,
                                   KlyngeDate        *out,
                                   GError           **error)
{
  if (date == NULL || !klynge_date_is_set (date))
    {
      memset (out, 0, sizeof *out);
      return TRUE;
    }

  if (!klynge_date_is_valid (date))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_DATE,
                   "The %s date %u-%02u-%02u does not exist",
                   what, date->year, date->month, date->day);
      return FALSE;
    }

  *out = *date;
  return TRUE;
}

gboolean
_klynge_record_take_dates (const KlyngeDate  *start,
                           const KlyngeDate  *end,
                           KlyngeDate        *out_start,
                           KlyngeDate        *out_end,
                           const char        *label,
                           const char        *id,
                           GError           **error)
{
  KlyngeDate new_start, new_end;

  if (!_klynge_record_take_optional_date (start, "start", &new_start, error) ||
      !_klynge_record_take_optional_date (end, "end", &new_end, error))
    return FALSE;

  if (klynge_date_is_set (&new_start) && klynge_date_is_set (&new_end) &&
      klynge_date_get_last_day (&new_end) < klynge_date_get_first_day (&new_start))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD,
                   "%s “%s” would end before it starts", label, id);
      return FALSE;
    }

  *out_start = new_start;
  *out_end = new_end;
  return TRUE;
}

void
_klynge_record_check_property_set (GObject      *object,
                                   GParamSpec   *pspec,
                                   const GError *error)
{
  if (error != NULL)
    g_critical ("%s:%s: %s", G_OBJECT_TYPE_NAME (object), pspec->name,
                error->message);
}

const char * const *
_klynge_strv_array_get (GPtrArray *array)
{
  static const char * const none[] = { NULL };

  /* A NULL-terminated GPtrArray has no buffer until its first item. */
  if (array->pdata == NULL)
    return none;

  return (const char * const *) array->pdata;
}

gboolean
_klynge_strv_array_contains (GPtrArray  *array,
                             const char *str)
{
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), str) == 0)
      return TRUE;

  return FALSE;
}
